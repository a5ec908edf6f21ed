/*
 * PERMUTE: the permutation test's scatter unit. For permutations meta.from..meta.to, shuffles the
 * training labels and reruns the complete nested cross-validation, writing one balanced accuracy per
 * permutation. Permutation i always gets the same labelling whatever the chunking, so changing
 * --permutation_chunk changes the tasks but not the p-value. The chunk's permutations run on
 * task.cpus threads (--threads; label process_parallel asks for 2), again with the same bytes out.
 */
process PERMUTE {
    tag "${meta.id} p${meta.from}-${meta.to}"
    label 'process_parallel'

    input:
    tuple val(meta), path(dataset), path(splits)

    output:
    tuple val(meta), path("${prefix}.permutations.tsv"), emit: permutations
    path "versions.yml"                                , emit: versions

    script:
    def args = task.ext.args ?: ''
    prefix = meta.output_id ?: "${meta.id}.p${meta.from}-${meta.to}"
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow permute \\
        --versions-yml versions.yml --versions-process '${task.process}' \\
        --input ${Exprflow.shellQuote(dataset)} \\
        --splits ${Exprflow.shellQuote(splits)} \\
        --from ${meta.from} \\
        --to ${meta.to} \\
        --fold-seed ${meta.fold_seed} \\
        --output ${Exprflow.shellQuote(prefix + '.permutations.tsv')} \\
        --threads ${task.cpus} \\
        ${args}
    """
}
