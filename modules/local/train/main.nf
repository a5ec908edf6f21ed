/*
 * TRAIN: fits the model pipeline (cross-sample transforms, top-k features, Weka learner).
 *
 * Two uses, told apart by meta:
 *   - a CV fold (meta.repeat and meta.fold set): chooses and fits the model on the fold's training
 *     samples (nested CV when a grid is given) and writes the held-out samples' predictions (model and
 *     ZeroR baseline; with --calibration also the uncalibrated probabilities, learner
 *     model_uncalibrated), the fold's model and its choice table (learner, k, selected features), from
 *     which EVALUATE reads the configuration chosen in each fold and how stable the gene selection is,
 *     and its candidate scores (held-out balanced accuracy of the model, ZeroR and, with
 *     --compare-models, every grid candidate) for EVALUATE's model comparison;
 *   - a point of the learning curve (meta.fraction too; TRAIN_CURVE, whose ext.args add --train-fraction):
 *     a CV fold trained on that fraction of its training samples, its predictions a learning-curve table;
 *   - the final model (no meta.fold): fits on every partition=train sample of the splits table and
 *     writes the model file.
 * --threads is task.cpus: the inner loop's folds (and the model comparison's candidates, the
 * permutation importance's features) run side by side, with the same bytes out whatever the count.
 * task.cpus is not in the task hash (only the script template and task.ext.* are), so changing the
 * cpus a label grants keeps finished tasks cached, as it should for outputs that do not depend on it.
 */
process TRAIN {
    tag "${meta.fold != null ? "${meta.id} r${meta.repeat} f${meta.fold}${meta.fraction != null ? " x${meta.fraction}" : ''}" : "${meta.id} final"}"
    label 'process_medium'

    input:
    tuple val(meta), path(dataset), path(splits)

    output:
    tuple val(meta), path("${prefix}.xfm")           , emit: model
    tuple val(meta), path("${prefix}.choice.tsv")    , emit: choice
    tuple val(meta), path("${prefix}.predictions.tsv"), emit: predictions, optional: true
    tuple val(meta), path("${prefix}.candidates.tsv") , emit: scores, optional: true // CV folds, not learning-curve points
    path "versions.yml"                               , emit: versions

    script:
    def args = task.ext.args ?: ''
    def cv = meta.fold != null
    prefix = meta.output_id ?: (cv ? "${meta.id}.r${meta.repeat}.f${meta.fold}" : "${meta.id}")
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow train \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --input ${Exprflow.shellQuote(dataset)} \\
        --splits ${Exprflow.shellQuote(splits)} \\
        --output ${Exprflow.shellQuote(prefix + '.xfm')} \\
        ${cv ? "--repeat ${meta.repeat} --fold ${meta.fold} --predictions ${Exprflow.shellQuote(prefix + '.predictions.tsv')}" : ""} \\
        ${cv && meta.fraction == null ? "--candidate-scores ${Exprflow.shellQuote(prefix + '.candidates.tsv')}" : ""} \\
        --threads ${task.cpus} \\
        ${args}
    """
}
