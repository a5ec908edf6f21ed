/*
 * LANDMARK_PREDICT: infers the target genes of new samples (--landmark_query, e.g. L1000 profiles
 * that measured only the landmarks) with the chunk models of LANDMARK_FIT, given in chunk order.
 * Each new sample is normalised with the training parameters only, so its prediction does not
 * depend on the other new samples.
 */
process LANDMARK_PREDICT {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), path(query), path(models, stageAs: 'models/*'), path(landmarks)

    output:
    tuple val(meta), path("${prefix}.predicted_targets.tsv"), emit: predictions
    path "versions.yml"                                     , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow landmark-predict \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --model ${Exprflow.shellQuote(models)} \\
        --input ${Exprflow.shellQuote(query)} \\
        --landmarks ${Exprflow.shellQuote(landmarks)} \\
        --output ${Exprflow.shellQuote(prefix + '.predicted_targets.tsv')} \\
        ${args}
    """
}
