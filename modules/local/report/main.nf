/*
 * REPORT: one self-contained HTML file (inline SVG, no external scripts) with the QC summary, the
 * metrics of model and baseline, and the predictions; with the run's record (normalise summaries,
 * the final model, the provenance JSON of lib/Provenance.groovy) the headline sentence, what
 * normalisation changed, the methods paragraph and the provenance table. Optional, last: the dataset
 * the model was given (normalise's output: the PCA plot of the samples) and evaluate's genes table
 * (with the dataset: the heatmap of the top genes). [] for any input an analysis does not have. A
 * multi-label branch's meta.target picks the label that colours the samples.
 */
process REPORT {
    tag "${meta.id}"
    label 'process_single'

    input:
    tuple val(meta), path(qc_json), path(metrics_json), path(predictions), path(normalise_json), path(model), path(provenance_json), path(dataset), path(genes_tsv)

    output:
    tuple val(meta), path("${prefix}.report.html"), emit: html
    path "versions.yml"                           , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    def qc = qc_json ? "--qc ${Exprflow.shellQuote(qc_json)}" : ''
    def metrics = metrics_json ? "--metrics ${Exprflow.shellQuote(metrics_json)}" : ''
    def preds = predictions ? "--predictions ${Exprflow.shellQuote(predictions)}" : ''
    // the run's record (docs/architecture.md, "Provenance"); [] where an analysis has none
    def normalise = normalise_json ? "--normalise-summary " + [normalise_json].flatten().collect { Exprflow.shellQuote(it) }.join(' ') : ''
    def final_model = model ? "--model ${Exprflow.shellQuote(model)}" : ''
    def provenance = provenance_json ? "--provenance ${Exprflow.shellQuote(provenance_json)}" : ''
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
        ${normalise} \\
        ${final_model} \\
        ${provenance} \\
        ${data} \\
        ${genes} \\
        ${args}
    """
}
