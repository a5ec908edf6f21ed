/*
 * LANDMARK_FIT: one chunk of the target genes (meta.chunk of meta.chunks). Each chunk repeats the
 * deterministic sample split and the normalisation fit (cheap next to the models), so it needs
 * only the dataset and its own command line and is cached on its own: a failed chunk reruns
 * alone on -resume.
 */
process LANDMARK_FIT {
    tag "${meta.id} chunk ${meta.chunk}/${meta.chunks}"
    label 'process_medium'

    input:
    tuple val(meta), path(dataset), path(landmarks), path(targets)

    output:
    tuple val(meta), path("${prefix}.tsv"), emit: metrics
    path "versions.yml"                   , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = task.ext.prefix ?: "${meta.id}.chunk${meta.chunk}"
    def targetList = targets ? "--targets ${targets}" : ''
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow landmark-fit \\
        --input ${dataset} \\
        --landmarks ${landmarks} \\
        ${targetList} \\
        --targets-chunk ${meta.chunk}/${meta.chunks} \\
        --output ${prefix}.tsv \\
        ${args}

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
    \$(exprflow --version | sed 's/^\\([^ ]*\\) \\(.*\\)\$/    \\1: "\\2"/')
    END_VERSIONS
    """
}
