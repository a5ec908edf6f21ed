/*
 * EVALUATE_REGRESSION: the gather. Merges the regression tables of every task (all chunks and folds
 * in design a; the one final model in design b) and scores each set (cv, test, transfer:NAME...) for
 * the model and the training-mean baseline: per target and pooled, with the mean and median of the
 * per-target Pearson r. The caller passes the tables sorted by key, so the command line (and the task
 * hash) does not depend on the order in which the REGRESS tasks finished.
 */
process EVALUATE_REGRESSION {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(predictions, stageAs: 'predictions/*')

    output:
    tuple val(meta), path("${prefix}.metrics.tsv")       , emit: tsv
    tuple val(meta), path("${prefix}.metrics.json")      , emit: json
    tuple val(meta), path("${prefix}.regression.tsv")    , emit: predictions
    path "versions.yml"                                  , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow evaluate-regression \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --predictions ${Exprflow.shellQuote(predictions)} \\
        --output-tsv ${Exprflow.shellQuote(prefix + '.metrics.tsv')} \\
        --output-json ${Exprflow.shellQuote(prefix + '.metrics.json')} \\
        --output-predictions ${Exprflow.shellQuote(prefix + '.regression.tsv')} \\
        ${args}
    """
}
