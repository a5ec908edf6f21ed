/*
 * COUNT: read counts of coordinate-sorted, indexed BAM (or CRAM) files, one column per file, per
 * genomic bin, BED region or GTF gene (exprflow count; htsjdk indexed queries). The features are
 * given as one file whose kind is meta.features: 'regions' (BED/narrowPeak), 'gtf', or 'bins' with
 * meta.bin_size, optional meta.step and meta.region (the windows of exprflow bin and region-dataset;
 * the file is then the chrom.sizes/.fai/.dict, or an empty list: the first BAM's header). The table is features x samples, as `exprflow import --format tsv` reads it.
 */
process COUNT {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(bams, stageAs: 'bams/?/*'), path(indexes, stageAs: 'bams/?/*'), path(features), path(reference)

    output:
    tuple val(meta), path("${prefix}.counts.tsv.gz"), emit: counts
    path "versions.yml"                             , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    // Each BAM and its index are staged in one numbered folder, so htsjdk finds the index beside it.
    def bam_args = [bams].flatten().collect { Exprflow.shellQuote(it) }.join(' ')
    def name_args = meta.names ? "--names " + meta.names.collect { Exprflow.shellQuote(it) }.join(' ') : ''
    def feature_args = meta.features == 'regions' ? "--regions ${Exprflow.shellQuote(features)}"
        : meta.features == 'gtf' ? "--gtf ${Exprflow.shellQuote(features)}"
        : "--bin-size ${meta.bin_size}" + (features ? " --chrom-sizes ${Exprflow.shellQuote(features)}" : '') +
          (meta.step ? " --step ${meta.step}" : '') + (meta.region ? " --region ${Exprflow.shellQuote(meta.region)}" : '')
    def reference_args = reference ? "--reference ${Exprflow.shellQuote(reference)}" : ''
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow count \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --bam ${bam_args} \\
        ${name_args} \\
        ${feature_args} \\
        ${reference_args} \\
        --output ${Exprflow.shellQuote(prefix + '.counts.tsv.gz')} \\
        ${args}
    """
}
