/*
 * QC: per-sample and per-feature checks of a dataset (missing values, duplicated feature ids, class
 * sizes, ...) as a table and as JSON for the report. The classify workflow gives it NORMALISE's output,
 * so it describes the values the model is given. Fails with exit code 4
 * when the data cannot support the analysis.
 */
process QC {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(dataset)

    output:
    tuple val(meta), path("${prefix}.qc.tsv") , emit: tsv
    tuple val(meta), path("${prefix}.qc.json"), emit: json
    path "versions.yml"                       , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow qc \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --input ${Exprflow.shellQuote(dataset)} \\
        --output-tsv ${Exprflow.shellQuote(prefix + '.qc.tsv')} \\
        --output-json ${Exprflow.shellQuote(prefix + '.qc.json')} \\
        ${args}
    """
}
