/*
 * REGRESS: fits a Weka regressor per numeric target of the dataset on its training rows and writes
 * the predictions of the model and of the training-mean baseline (a regression table).
 *
 * Two uses, told apart by meta:
 *   - a CV fold (meta.repeat and meta.fold set; design a): trains on the other folds' samples and
 *     predicts the held-out fold, set cv;
 *   - the final model (design b): trains on the partition=train rows (genes off the held-out
 *     chromosomes), predicts the test partition (set test) and every transfer dataset (another
 *     tissue with the same features: sets transfer:NAME and transfer:NAME:test).
 */
process REGRESS {
    tag "${meta.fold != null ? "${meta.id} r${meta.repeat} f${meta.fold}" : "${meta.id}"}"
    label 'process_medium'

    input:
    tuple val(meta), path(dataset), path(splits), val(transfer_names), path(transfer, stageAs: 'transfer/*')

    output:
    tuple val(meta), path("${prefix}.regression.tsv"), emit: predictions
    path "versions.yml"                              , emit: versions

    script:
    def args = task.ext.args ?: ''
    def cv = meta.fold != null
    prefix = meta.output_id ?: (cv ? "${meta.id}.r${meta.repeat}.f${meta.fold}" : "${meta.id}")
    def transfers = [transfer_names, [transfer].flatten()].transpose().collect { name, file -> "--transfer ${Exprflow.shellQuote("${name}=${file}")}" }.join(' ')
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow regress \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --input ${Exprflow.shellQuote(dataset)} \\
        --splits ${Exprflow.shellQuote(splits)} \\
        ${cv ? "--repeat ${meta.repeat} --fold ${meta.fold}" : ''} \\
        ${transfers} \\
        --predictions ${Exprflow.shellQuote(prefix + '.regression.tsv')} \\
        ${args}
    """
}
