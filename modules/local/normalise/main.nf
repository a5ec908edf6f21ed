/*
 * NORMALISE: per-value transformation (floor, ceiling, log2). It looks at one value at a time, so
 * it may run before the train/test split without leaking information between samples. What it
 * changed (values floored, ceilinged, made NA; log2 applied or not, and why) goes to
 * qc/<id>.normalise_qc.json, which the end-of-run console summary reads.
 */
process NORMALISE {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(dataset)

    output:
    tuple val(meta), path("${prefix}.xfd"), emit: dataset
    tuple val(meta), path("${summary}")   , emit: summary // what the step changed (console, qc/)
    path "versions.yml"                   , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}.normalised"
    summary = "${meta.output_id ?: meta.id}.normalise_qc.json"
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow normalise \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --input ${Exprflow.shellQuote(dataset)} \\
        --output ${Exprflow.shellQuote(prefix + '.xfd')} \\
        --output-summary ${Exprflow.shellQuote(summary)} \\
        ${args}
    """
}
