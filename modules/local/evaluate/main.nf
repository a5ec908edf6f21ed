/*
 * EVALUATE: the gather. Merges the prediction tables of every CV fold (and of the test set) and
 * computes the metrics per set and learner, with the ZeroR baseline beside the model, bootstrap
 * intervals, the configuration chosen in each fold with gene-selection stability (from the fold
 * choice tables TRAIN writes beside each model: no model is deserialised here), and the permutation
 * p-value when permutation tables are given.
 * The caller passes the tables sorted by key, so the command line is the same on every run and
 * the task hash does not depend on the order in which the fold tasks finished.
 */
process EVALUATE {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(predictions, stageAs: 'predictions/*'), path(fold_choices, stageAs: 'choices/*'), path(permutations, stageAs: 'permutations/*')

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
        --predictions ${[predictions].flatten().join(' ')} \\
        --output-tsv ${prefix}.metrics.tsv \\
        --output-json ${prefix}.metrics.json \\
        --output-predictions ${prefix}.predictions.tsv \\
        --fold-choices ${[fold_choices].flatten().join(' ')} \\
        --output-selection ${prefix}.selection.tsv \\
        ${permutations ? "--permutations ${[permutations].flatten().join(' ')}" : ''} \\
        ${args}

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
    \$(exprflow --version | sed 's/^\\([^ ]*\\) \\(.*\\)\$/    \\1: "\\2"/')
    END_VERSIONS
    """
}
