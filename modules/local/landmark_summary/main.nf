/*
 * LANDMARK_SUMMARY: gathers the chunk tables (given in chunk order by the workflow) into the
 * per-target metrics and the D-GEX table of learners.
 */
process LANDMARK_SUMMARY {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(chunks, stageAs: 'chunks/*')

    output:
    tuple val(meta), path("${prefix}.landmark_targets.tsv"), path("${prefix}.landmark_summary.tsv"), emit: metrics
    path "versions.yml"                                                                          , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = task.ext.prefix ?: "${meta.id}"
    def inputs = chunks.collect { "--input ${it}" }.join(' ')
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow landmark-summary \\
        ${inputs} \\
        --output-targets ${prefix}.landmark_targets.tsv \\
        --output-summary ${prefix}.landmark_summary.tsv \\
        ${args}

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
    \$(exprflow --version | sed 's/^\\([^ ]*\\) \\(.*\\)\$/    \\1: "\\2"/')
    END_VERSIONS
    """
}
