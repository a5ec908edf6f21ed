/*
 * IMPORT: reads expression data in any supported format (plus an optional samplesheet with labels
 * and annotations) into the pipeline's dataset format (.xfd).
 */
process IMPORT {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(data), path(samplesheet)

    output:
    tuple val(meta), path("${prefix}.xfd"), emit: dataset
    path "versions.yml"                   , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    def sheet = samplesheet ? "--samplesheet ${Exprflow.shellQuote(samplesheet)}" : ''
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow import \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --input ${Exprflow.shellQuote(data)} \\
        ${sheet} \\
        --name ${Exprflow.shellQuote(meta.id)} \\
        --output ${Exprflow.shellQuote(prefix + '.xfd')} \\
        ${args}
    """
}
