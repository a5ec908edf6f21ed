/*
 * DOWNLOAD: fetches one accession (GEO series, CuMiDa dataset, ENCODE file or experiment) with
 * `exprflow download`, which retries, resumes with HTTP Range and verifies every file (size, md5)
 * before renaming it into place, and lists what it fetched in manifest.tsv (accession, kind, file,
 * size, md5, url).
 *
 * conf/modules.config gives this process storeDir = --download_cache. Nextflow looks for the
 * declared outputs there before running the task and, when they all exist, emits them without
 * running it: a verified file is fetched once per cache, and a run whose work/ was deleted makes
 * no request at all. That is why every output sits under <accession>/ and is named by the
 * accession alone, and why versions.yml is kept there too (storeDir needs every declared output).
 *
 * meta.id is the accession; meta.data_file names (or globs) the file the analysis imports. It is
 * declared on its own, not as <accession>/*, so that an entry whose data file was deleted counts
 * as missing (a * glob would be satisfied by the manifest alone).
 */
process DOWNLOAD {
    tag "${meta.id}"
    label 'process_single'

    input:
    val(meta)

    output:
    tuple val(meta), path("${meta.id}/manifest.tsv"), path("${meta.id}/${meta.data_file}"), emit: download
    path "${meta.id}/versions.yml"                                                        , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    # exprflow.jar sha256 ${task.ext.jar_sha256} (in the script so a changed jar reruns the task)
    exprflow download \\
        --versions-yml ${Exprflow.shellQuote(meta.id + '/versions.yml')} --versions-process '${task.process}' \\
        --accession ${Exprflow.shellQuote(meta.id)} \\
        --output-dir ${Exprflow.shellQuote(meta.id)} \\
        ${args}
    """
}
