/*
 * NORMALISE: per-value transformation (floor, ceiling, log2). It looks at one value at a time, so
 * it may run before the train/test split without leaking information between samples.
 */
process NORMALISE {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(dataset)

    output:
    tuple val(meta), path("${prefix}.xfd"), emit: dataset
    path "versions.yml"                   , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}.normalised"
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow normalise \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --input ${Exprflow.shellQuote(dataset)} \\
        --output ${Exprflow.shellQuote(prefix + '.xfd')} \\
        ${args}
    """
}
