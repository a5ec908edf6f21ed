/*
 * PEAKS_QC: what the peak and RNA files hold before any model sees them: peak counts, peaks on
 * unknown contigs, score/signal/width quantiles, the share of peaks near a TSS, detected genes and
 * how many RNA ids match the annotation. It only reports, so it runs beside the analysis; its JSON
 * goes to REPORT, which renders it as the "Peak and RNA input QC" section.
 *
 * names: one per peak file (design a: the samples; b: tissue.mark); rna_names: one per RNA file
 * (a: the samples; b: the tissues). Both are checked plain by the workflow, and quoted anyway like
 * every name.
 */
process PEAKS_QC {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), val(names), path(peaks, stageAs: 'peaks/?/*'), val(rna_names), path(rna, stageAs: 'rna/?/*'), path(annotation), path(chrom_sizes)

    output:
    tuple val(meta), path("${prefix}.peaks_qc.tsv") , emit: tsv
    tuple val(meta), path("${prefix}.peaks_qc.json"), emit: json
    path "versions.yml"                             , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    // No peak files when the mark came as BAM files: QC of the RNA files only.
    def peak_args = [peaks].flatten() ? "--peaks ${Exprflow.shellQuote(peaks)} --names ${Exprflow.shellQuote(names)}" : ''
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow peaks-qc \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        ${peak_args} \\
        --rna ${Exprflow.shellQuote(rna)} \\
        --rna-names ${Exprflow.shellQuote(rna_names)} \\
        --annotation ${Exprflow.shellQuote(annotation)} \\
        --chrom-sizes ${Exprflow.shellQuote(chrom_sizes)} \\
        --output-tsv ${Exprflow.shellQuote(prefix + '.peaks_qc.tsv')} \\
        --output-json ${Exprflow.shellQuote(prefix + '.peaks_qc.json')} \\
        ${args}
    """
}
