/*
 * FETCH_INPUTS: turns every data source of the run into a local file for IMPORT.
 *
 *   local file (--input, --test_input)            ------------------------------------> [meta, file]
 *   accession  (--accession, --test_accession) -> DOWNLOAD (storeDir --download_cache) -> [meta, file]
 *
 * A downloaded file enters the analysis exactly where the same file given locally would: meta.id
 * is the file name without extensions in both cases (GSE9476_series_matrix for GSE9476), so a run
 * from an accession and a run from the downloaded file have the same ids, the same published
 * names and byte-identical results.
 */
include { DOWNLOAD } from '../../../modules/local/download'

/* GEO series (GSE781, or GSE781-GPL96 for one platform's matrix). The regexes here are download.Accession's GEO_SERIES_REGEX and ENCODE_REGEX: PipelineContractTest keeps them equal. */
def isGeoSeries(String accession) {
    accession ==~ /GSE[0-9]+(-GPL[0-9]+)?/
}

/* A CuMiDa dataset name (Leukemia_GSE9476): any valid accession that is neither GEO nor ENCODE. */
def isCumidaName(String accession) {
    !isGeoSeries(accession) && !(accession ==~ /ENC(FF|SR)[0-9A-Z]+/)
}

/*
 * The file of an accession that the analysis imports, relative to <download_cache>/<accession>/
 * (a glob where the name is only known after the download). With --geo_soft `exprflow download`
 * fetches the family SOFT file beside the matrix, and the SOFT file is imported (it carries the
 * sample fields that --label_field reads). ENCODE names start with the file accession.
 */
def importedFile(String accession, boolean geoSoft) {
    if (isGeoSeries(accession)) {
        return geoSoft ? "${accession.tokenize('-')[0]}_family.soft.gz" : "${accession}_series_matrix.txt.gz"
    }
    if (accession.startsWith('ENCFF')) {
        return "${accession}*"
    }
    if (accession.startsWith('ENCSR')) {
        return 'ENCFF*'
    }
    return "${accession}.csv" // CuMiDa, with exprflow download's default --cumida-path {name}.csv
}

workflow FETCH_INPUTS {
    take:
    ch_sources // [meta, source]: source is a Path (a local file) or a String (an accession)

    main:
    ch_versions = Channel.empty()

    ch_branched = ch_sources.branch { meta, source ->
        local: source instanceof Path
        accession: true
    }

    // One task per distinct accession: --accession and --test_accession may name the same one, and
    // two tasks filling one storeDir entry at the same time would race.
    DOWNLOAD(
        ch_branched.accession
            .map { meta, accession -> accession }
            .unique()
            .map { accession -> [id: accession, data_file: importedFile(accession, params.geo_soft)] }
    )
    ch_versions = ch_versions.mix(DOWNLOAD.out.versions)

    // An ENCODE experiment may hold several files; an analysis reads exactly one table.
    ch_downloaded = DOWNLOAD.out.download.map { meta, manifest, data ->
        def files = data instanceof List ? data : [data]
        if (files.size() != 1) {
            error "exprflow: error: ${meta.id}: ${files.size()} files downloaded (${files*.name.join(', ')}); the analysis reads one: give one file accession (ENCFF...) instead"
        }
        [meta.id, files[0]]
    }

    ch_files = ch_branched.local
        .mix(
            ch_branched.accession
                .map { meta, accession -> [accession, meta] }
                .combine(ch_downloaded, by: 0)
                .map { accession, meta, data -> [meta, data] }
        )
        .map { meta, data -> [meta + [id: data.simpleName], data] }

    emit:
    files     = ch_files                                                   // [meta + id, file]
    manifests = DOWNLOAD.out.download.map { meta, manifest, data -> manifest } // one per accession
    versions  = ch_versions
}
