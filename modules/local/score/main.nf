/*
 * SCORE: scores one table of external predictions (e.g. a published model's per-gene predicted
 * expression) against the measured-expression table, joined on the id (optionally translated
 * through an id map): matched and unmatched counts, Pearson r, Spearman rho, R2, RMSE, MAE beside
 * the measured-mean baseline, and the joined pairs (docs/score.md). The plots are SCORE_REPORT's: one
 * page for every predictions file (the step's own --output-svg stays for use by hand).
 *
 * The inputs are staged in their own directories: a predictions file and a measurements file may
 * share a name (two exports called expression.tsv), and the step refuses an output naming an input.
 * The step's one-line errors then name the staged file (predictions/<name>:<line>), i.e. the
 * user's file name.
 */
process SCORE {
    tag "${meta.id}"
    label 'process_single'

    input:
    tuple val(meta), path(predictions, stageAs: 'predictions/*'), path(measurements, stageAs: 'measurements/*'), path(id_map, stageAs: 'id_map/*')

    output:
    tuple val(meta), path("${prefix}.score.tsv") , emit: tsv
    tuple val(meta), path("${prefix}.score.json"), emit: json
    tuple val(meta), path("${prefix}.pairs.tsv") , emit: pairs
    path "versions.yml"                          , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    def map = id_map ? "--id-map ${Exprflow.shellQuote(id_map)}" : ''
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow score \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --predictions ${Exprflow.shellQuote(predictions)} \\
        --measurements ${Exprflow.shellQuote(measurements)} \\
        ${map} \\
        --output-tsv ${Exprflow.shellQuote(prefix + '.score.tsv')} \\
        --output-json ${Exprflow.shellQuote(prefix + '.score.json')} \\
        --output-pairs ${Exprflow.shellQuote(prefix + '.pairs.tsv')} \\
        ${args}
    """
}
