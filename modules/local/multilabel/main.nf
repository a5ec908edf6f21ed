/*
 * MULTILABEL: the multi-label gather. Each label was predicted by its own binary model (binary
 * relevance); this scores them together: per-label F1 of the positive class, micro and macro F1.
 * Labels arrive sorted by name, so the command line and the outputs are stable.
 */
process MULTILABEL {
    tag "${meta.id}"
    label 'process_single'

    input:
    tuple val(meta), val(labels), path(predictions, stageAs: 'labels/?/*')

    output:
    tuple val(meta), path("${prefix}.multilabel.tsv") , emit: tsv
    tuple val(meta), path("${prefix}.multilabel.json"), emit: json
    path "versions.yml"                               , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    def pairs = [labels, [predictions].flatten()].transpose().collect { label, table -> "--label ${Exprflow.shellQuote("${label}=${table}")}" }.join(' ')
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow multilabel \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        ${pairs} \\
        --output-tsv ${Exprflow.shellQuote(prefix + '.multilabel.tsv')} \\
        --output-json ${Exprflow.shellQuote(prefix + '.multilabel.json')} \\
        ${args}
    """
}
