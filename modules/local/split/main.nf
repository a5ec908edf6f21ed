/*
 * SPLIT: the train/test partition and the cross-validation folds as one table, so every fold task,
 * the final model and the report agree on exactly the same samples.
 */
process SPLIT {
    tag "${meta.id}"
    label 'process_single'

    input:
    tuple val(meta), path(dataset)

    output:
    tuple val(meta), path("${prefix}.splits.tsv"), emit: splits
    path "versions.yml"                          , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow split \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --input ${Exprflow.shellQuote(dataset)} \\
        --output ${Exprflow.shellQuote(prefix + '.splits.tsv')} \\
        ${args}
    """
}
