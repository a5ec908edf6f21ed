/*
 * GENE_FEATURES: design (b), across genes. One dataset per tissue: rows are the genes of the
 * annotation, features the chromatin marks around each TSS (windows, strand-aware flank bins, gene
 * body, distance-weighted signal), annotations chrom/strand/tissue, and the target log2(TPM + 1) from
 * the tissue's RNA. Feature ids depend only on the mark names and the window options, so datasets of
 * tissues with the same marks have the same columns and a model trained on one applies to the others.
 */
process GENE_FEATURES {
    tag "${meta.id}"
    label 'process_low'

    input:
    tuple val(meta), val(marks), path(peaks, stageAs: 'marks/?/*'), path(rna), path(annotation), path(chrom_sizes)

    output:
    tuple val(meta), path("${prefix}.xfd"), emit: dataset
    path "versions.yml"                   , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}"
    // Marks and their files in the same (sorted) order.
    def mark_args = [marks, [peaks].flatten()].transpose().collect { mark, file -> "--mark ${Exprflow.shellQuote("${mark}=${file}")}" }.join(' ')
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow gene-features \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        ${mark_args} \\
        --rna ${Exprflow.shellQuote(rna)} \\
        --tissue ${Exprflow.shellQuote(meta.tissue)} \\
        --annotation ${Exprflow.shellQuote(annotation)} \\
        --chrom-sizes ${Exprflow.shellQuote(chrom_sizes)} \\
        --output ${Exprflow.shellQuote(prefix + '.xfd')} \\
        ${args}
    """
}
