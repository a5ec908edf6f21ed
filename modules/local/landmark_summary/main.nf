/*
 * LANDMARK_SUMMARY: gathers the chunk tables (given in chunk order by the workflow) into the
 * per-target metrics and the D-GEX table of learners, per group of targets too when a groups
 * table is given.
 */
process LANDMARK_SUMMARY {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(chunks, stageAs: 'chunks/*'), path(target_groups)

    output:
    tuple val(meta), path("${prefix}.landmark_targets.tsv"), path("${prefix}.landmark_summary.tsv"), emit: metrics
    path "versions.yml"                                                                          , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    def inputs = [chunks].flatten().collect { "--input ${Exprflow.shellQuote(it)}" }.join(' ')
    def groups = target_groups ? "--target-groups ${Exprflow.shellQuote(target_groups)}" : ''
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow landmark-summary \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        ${inputs} \\
        --output-targets ${Exprflow.shellQuote(prefix + '.landmark_targets.tsv')} \\
        --output-summary ${Exprflow.shellQuote(prefix + '.landmark_summary.tsv')} \\
        ${groups} \\
        ${args}
    """
}
