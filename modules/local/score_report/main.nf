/*
 * SCORE_REPORT: one self-contained HTML page comparing every predictions file that SCORE scored
 * against the same measurements: a table with one row per model and one predicted-versus-measured
 * plot per model, named after it (exprflow score-report; docs/score.md).
 *
 * names, scores and pairs are parallel lists in one order (the caller sorts them by name, so the
 * command line and the task hash do not depend on which SCORE task finished first). The files are
 * staged in numbered directories: every model's files are named after the model, but two models'
 * names may still differ only in a directory.
 */
process SCORE_REPORT {
    tag "${meta.id}"
    label 'process_single'

    input:
    tuple val(meta), val(names), path(scores, stageAs: 'scores/?/*'), path(pairs, stageAs: 'pairs/?/*')

    output:
    tuple val(meta), path("${prefix}.score_report.html"), emit: html
    path "versions.yml"                                 , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    // a single staged file is a Path, several a list
    def scoreFiles = scores instanceof List ? scores : [scores]
    def pairFiles = pairs instanceof List ? pairs : [pairs]
    def models = [names, scoreFiles, pairFiles].transpose().collect { name, score, pair ->
        "--name ${Exprflow.shellQuote(name)} --score ${Exprflow.shellQuote(score)} --pairs ${Exprflow.shellQuote(pair)}"
    }.join(' \\\n        ')
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow score-report \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        ${models} \\
        --output ${Exprflow.shellQuote(prefix + '.score_report.html')} \\
        ${args}
    """
}
