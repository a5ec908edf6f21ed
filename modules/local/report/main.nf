/*
 * REPORT: one self-contained HTML file (inline SVG, no external scripts) with the QC summary, the
 * metrics of model and baseline, and the predictions. Optional, last: the dataset the model was given
 * (normalise's output: the PCA plot of the samples) and evaluate's genes table (with the dataset: the
 * heatmap of the top genes); [] for none. A multi-label branch's meta.target picks the label that
 * colours the samples.
 */
process REPORT {
    tag "${meta.id}"
    label 'process_single'

    input:
    tuple val(meta), path(qc_json), path(metrics_json), path(predictions), path(dataset), path(genes_tsv)

    output:
    tuple val(meta), path("${prefix}.report.html"), emit: html
    path "versions.yml"                           , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    def qc = qc_json ? "--qc ${Exprflow.shellQuote(qc_json)}" : ''
    def metrics = metrics_json ? "--metrics ${Exprflow.shellQuote(metrics_json)}" : ''
    def preds = predictions ? "--predictions ${Exprflow.shellQuote(predictions)}" : ''
    def data = dataset ? "--dataset ${Exprflow.shellQuote(dataset)}" + (meta.target ? " --target ${Exprflow.shellQuote(meta.target)}" : '') : ''
    def genes = genes_tsv ? "--genes ${Exprflow.shellQuote(genes_tsv)}" : ''
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow report \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --output ${Exprflow.shellQuote(prefix + '.report.html')} \\
        ${qc} \\
        ${metrics} \\
        ${preds} \\
        ${data} \\
        ${genes} \\
        ${args}
    """
}
