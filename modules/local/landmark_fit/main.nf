/*
 * LANDMARK_FIT: one chunk of the target genes (meta.chunk of meta.chunks). Each chunk repeats the
 * deterministic sample split and the normalisation fit (cheap next to the models), so it needs
 * only the dataset and its own command line and is cached on its own: a failed chunk reruns
 * alone on -resume. With ext.save_model it also saves the fitted normaliser and one learner's
 * models (for LANDMARK_PREDICT), and with ext.save_predictions every held-out prediction.
 */
process LANDMARK_FIT {
    tag "${meta.id} chunk ${meta.chunk}/${meta.chunks}"
    label 'process_medium'

    input:
    tuple val(meta), path(dataset), path(landmarks), path(targets)

    output:
    tuple val(meta), path("${prefix}.tsv")            , emit: metrics
    tuple val(meta), path("${prefix}.xlm")            , emit: model      , optional: true
    tuple val(meta), path("${prefix}.predictions.tsv"), emit: predictions, optional: true
    path "versions.yml"                               , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}.chunk${meta.chunk}"
    def targetList = targets ? "--targets ${Exprflow.shellQuote(targets)}" : ''
    // The optional outputs are spelled inside the script string: Nextflow 24.10 refuses a def that
    // reads prefix ("Variable `prefix` already defined in the process scope").
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow landmark-fit \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --input ${Exprflow.shellQuote(dataset)} \\
        --landmarks ${Exprflow.shellQuote(landmarks)} \\
        ${targetList} \\
        --targets-chunk ${meta.chunk}/${meta.chunks} \\
        --output ${Exprflow.shellQuote(prefix + '.tsv')} \\
        ${task.ext.save_model ? "--output-model ${Exprflow.shellQuote(prefix + '.xlm')}" : ''} \\
        ${task.ext.save_predictions ? "--output-predictions ${Exprflow.shellQuote(prefix + '.predictions.tsv')}" : ''} \\
        ${args}
    """
}
