/*
 * PREDICT: applies a saved model to a dataset. meta.set names the rows: 'test' for samples with
 * known labels that evaluate scores, 'predict' for new samples. With a splits table, only its
 * partition=test samples are predicted.
 */
process PREDICT {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(model), path(dataset), path(splits)

    output:
    tuple val(meta), path("${prefix}.predictions.tsv"), emit: predictions
    path "versions.yml"                               , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    def only_test = splits ? "--splits ${Exprflow.shellQuote(splits)}" : ''
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow predict \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --model ${Exprflow.shellQuote(model)} \\
        --input ${Exprflow.shellQuote(dataset)} \\
        ${only_test} \\
        --set ${Exprflow.shellQuote(meta.set ?: 'predict')} \\
        --output ${Exprflow.shellQuote(prefix + '.predictions.tsv')} \\
        ${args}
    """
}
