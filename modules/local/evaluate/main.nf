/*
 * EVALUATE: the gather. Merges the prediction tables of every CV fold (and of the test set) and
 * computes the metrics per set and learner, with the ZeroR baseline beside the model, bootstrap
 * intervals, the configuration chosen in each fold with gene-selection stability (from the fold
 * choice tables TRAIN writes beside each model: no model is deserialised here), the genes table (per
 * feature any fold selected: symbol from the dataset, folds, mean rank, class means and direction of
 * change on the folds' training samples, from the same choice tables), and the permutation
 * p-value when permutation tables are given. The dataset gives each sample's batch: held-out accuracy
 * per batch, and the folds whose held-out batch training never saw (ComBat's own-batch fallback).
 * Always: the Brier score and reliability bins of the model, of its uncalibrated probabilities
 * (with --calibration) and of ZeroR, which REPORT draws as reliability diagrams.
 * With learning-curve tables (TRAIN with --train-fraction, one per fraction and fold), the learning curve.
 * The fold tasks' candidate scores give the model comparison (corrected resampled t-test).
 * The caller passes the tables sorted by key, so the command line is the same on every run and
 * the task hash does not depend on the order in which the fold tasks finished.
 * --analysis predict (workflows/predict.nf, as EVALUATE_PREDICTED) passes only the predictions of
 * labelled new samples: no fold choices (so no selection or genes table) and no dataset.
 */
process EVALUATE {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(predictions, stageAs: 'predictions/*'), path(fold_choices, stageAs: 'choices/*'), path(permutations, stageAs: 'permutations/*'), path(dataset, stageAs: 'dataset/*'), path(candidate_scores, stageAs: 'candidates/*'), path(learning_curve, stageAs: 'learning_curve/*')

    output:
    tuple val(meta), path("${prefix}.metrics.tsv")    , emit: tsv
    tuple val(meta), path("${prefix}.metrics.json")   , emit: json
    tuple val(meta), path("${prefix}.predictions.tsv"), emit: predictions
    tuple val(meta), path("${prefix}.selection.tsv")  , emit: selection, optional: true // absent without fold choices (predict)
    tuple val(meta), path("${prefix}.genes.tsv")      , emit: genes, optional: true // absent with choice tables of an older train
    path "versions.yml"                               , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow evaluate \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --predictions ${Exprflow.shellQuote(predictions)} \\
        --output-tsv ${Exprflow.shellQuote(prefix + '.metrics.tsv')} \\
        --output-json ${Exprflow.shellQuote(prefix + '.metrics.json')} \\
        --output-predictions ${Exprflow.shellQuote(prefix + '.predictions.tsv')} \\
        ${fold_choices ? "--fold-choices ${Exprflow.shellQuote(fold_choices)} --output-selection ${Exprflow.shellQuote(prefix + '.selection.tsv')} --output-genes ${Exprflow.shellQuote(prefix + '.genes.tsv')}" : ''} \\
        ${permutations ? "--permutations ${Exprflow.shellQuote(permutations)}" : ''} \\
        ${dataset ? "--dataset ${Exprflow.shellQuote(dataset)}" : ''} \\
        ${candidate_scores ? "--candidate-scores ${Exprflow.shellQuote(candidate_scores)}" : ''} \\
        ${learning_curve ? "--learning-curve ${Exprflow.shellQuote(learning_curve)}" : ''} \\
        ${args}
    """
}
