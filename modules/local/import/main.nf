/*
 * IMPORT: reads expression data in any supported format (plus an optional samplesheet with labels
 * and annotations) into the pipeline's dataset format (.xfd).
 *
 * Per-sample quantification files (STAR, salmon, kallisto, RSEM: a samplesheet whose --file_column
 * lists one file per sample, and no --input) come as sample_files, staged as sample_files/<n>/<name>
 * because they usually share one name (quant.sf) and passed with --sample-files in the samplesheet's
 * row order. tx2gene is the salmon/kallisto transcript-to-gene table, or []; feature_annotation the
 * --feature_annotation table (feature id -> symbol, entrez, ensembl, description), or [].
 */
process IMPORT {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(data), path(samplesheet), path(sample_files, stageAs: 'sample_files/?/*'), path(tx2gene), path(feature_annotation, stageAs: 'annotation/*')

    output:
    tuple val(meta), path("${prefix}.xfd"), emit: dataset
    path "versions.yml"                   , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    def input = data ? "--input ${Exprflow.shellQuote(data)}" : ''
    def sheet = samplesheet ? "--samplesheet ${Exprflow.shellQuote(samplesheet)}" : ''
    // a single staged file is a Path, several a list: the row order is the order given
    def staged = sample_files instanceof List ? sample_files : (sample_files ? [sample_files] : [])
    def files = staged ? "--sample-files " + staged.collect { Exprflow.shellQuote(it) }.join(' ') : ''
    def t2g = tx2gene ? "--tx2gene ${Exprflow.shellQuote(tx2gene)}" : ''
    def annotation = feature_annotation ? "--feature-annotation ${Exprflow.shellQuote(feature_annotation)}" : ''
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow import \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        ${input} \\
        ${sheet} \\
        ${files} \\
        ${t2g} \\
        ${annotation} \\
        --name ${Exprflow.shellQuote(meta.id)} \\
        --output ${Exprflow.shellQuote(prefix + '.xfd')} \\
        ${args}
    """
}

/*
 * IMPORT's input from the workflows' [meta, data, samplesheet]: data is one file, or (meta.per_sample)
 * the list of per-sample files of the samplesheet, in its row order.
 */
def importInput(meta, data, samplesheet) {
    def tx2gene = params.tx2gene ? file(params.tx2gene, checkIfExists: true) : []
    def annotation = params.feature_annotation ? file(params.feature_annotation, checkIfExists: true) : []
    meta.per_sample ? [meta, [], samplesheet, data, tx2gene, annotation] : [meta, data, samplesheet, [], tx2gene, annotation]
}
