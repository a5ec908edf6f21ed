/*
 * EVALUATE: the gather. Merges the prediction tables of every CV fold (and of the test set) and
 * computes the metrics per set and learner, with the ZeroR baseline beside the model, bootstrap
 * intervals, the configuration chosen in each fold with gene-selection stability (from the fold
 * models), and the permutation p-value when permutation tables are given.
 * The caller passes the tables sorted by key, so the command line is the same on every run and
 * the task hash does not depend on the order in which the fold tasks finished.
 */
process EVALUATE {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(predictions, stageAs: 'predictions/*'), path(fold_models, stageAs: 'models/*'), path(permutations, stageAs: 'permutations/*')

    output:
    tuple val(meta), path("${prefix}.metrics.tsv")    , emit: tsv
    tuple val(meta), path("${prefix}.metrics.json")   , emit: json
    tuple val(meta), path("${prefix}.predictions.tsv"), emit: predictions
    tuple val(meta), path("${prefix}.selection.tsv")  , emit: selection
    path "versions.yml"                               , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = task.ext.prefix ?: "${meta.id}"
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow evaluate \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --predictions ${[predictions].flatten().join(' ')} \\
        --output-tsv ${prefix}.metrics.tsv \\
        --output-json ${prefix}.metrics.json \\
        --output-predictions ${prefix}.predictions.tsv \\
        --fold-models ${[fold_models].flatten().join(' ')} \\
        --output-selection ${prefix}.selection.tsv \\
        ${permutations ? "--permutations ${[permutations].flatten().join(' ')}" : ''} \\
        ${args}
    """
}
