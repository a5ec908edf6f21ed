/*
 * REGION_DATASET: design (a), across samples. One dataset of the samples (rows) by the windows of
 * one region (features), with one numeric target per gene whose TSS lies in the region:
 * log2(TPM + 1) of that sample. meta.chunk of meta.chunks selects a contiguous chunk of those genes
 * (`--targets-chunk K/N`), so each chunk is its own cached task and the regressions scatter over
 * chunks; every chunk has the same samples and features.
 *
 * With meta.counts the staged `peaks` file is instead COUNT's read-count table of the region's
 * windows (a mark given as BAM files), passed as --counts.
 *
 * The step's log line "writing targets for N" is captured as the `targets` output: a region with
 * fewer genes than chunks gives empty chunks, which the workflow drops instead of starting
 * regressions that have nothing to fit. The log is still shown (on stderr) as for any step.
 */
process REGION_DATASET {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(peaks, stageAs: 'peaks/?/*'), path(rna, stageAs: 'rna/?/*'), path(annotation), path(chrom_sizes)

    output:
    tuple val(meta), path("${prefix}.xfd"), emit: dataset
    tuple val(meta), eval("sed -n 's/.*writing targets for \\([0-9][0-9]*\\) .*/\\1/p' ${Exprflow.shellQuote(prefix + '.log')}"), emit: targets
    path "versions.yml"                   , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow region-dataset \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        ${meta.counts ? '--counts' : '--peaks'} ${Exprflow.shellQuote(peaks)} \\
        --rna ${Exprflow.shellQuote(rna)} \\
        --names ${Exprflow.shellQuote(meta.samples)} \\
        --annotation ${Exprflow.shellQuote(annotation)} \\
        --chrom-sizes ${Exprflow.shellQuote(chrom_sizes)} \\
        --region ${Exprflow.shellQuote(meta.region)} \\
        --targets-chunk ${meta.chunk}/${meta.chunks} \\
        --output ${Exprflow.shellQuote(prefix + '.xfd')} \\
        ${args} \\
        2> ${Exprflow.shellQuote(prefix + '.log')} || { status=\$?; cat ${Exprflow.shellQuote(prefix + '.log')} >&2; exit \$status; }
    cat ${Exprflow.shellQuote(prefix + '.log')} >&2
    """
}
