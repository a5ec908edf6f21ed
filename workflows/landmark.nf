/*
 * LANDMARK (--analysis landmark): infer target genes from landmark genes, the D-GEX task
 * (Chen et al. 2016; docs/landmark.md).
 *
 *   IMPORT -> NORMALISE -> LANDMARK_FIT per chunk of targets -> LANDMARK_SUMMARY -> REPORT
 *   --landmark_query: IMPORT_QUERY -> NORMALISE_QUERY -> LANDMARK_PREDICT (with every chunk's model)
 *
 * NORMALISE is only the per-value step (log2); the D-GEX normalisation (quantile on the landmarks,
 * per-gene z-scores) is fitted inside each LANDMARK_FIT task on the training samples. Chunks are
 * the scatter unit (--target_chunks) and are cached one by one; the gather orders them by chunk
 * number, so the summary task's inputs, hash and output never depend on completion order. The
 * query samples (new profiles with landmarks only) go through the same per-value NORMALISE as the
 * training data, then the saved chunk models, also in chunk order.
 */
include { IMPORT; importInput         } from '../modules/local/import'
include { IMPORT    as IMPORT_QUERY    } from '../modules/local/import'
include { NORMALISE                    } from '../modules/local/normalise'
include { NORMALISE as NORMALISE_QUERY } from '../modules/local/normalise'
include { LANDMARK_FIT                 } from '../modules/local/landmark_fit'
include { LANDMARK_SUMMARY             } from '../modules/local/landmark_summary'
include { LANDMARK_PREDICT             } from '../modules/local/landmark_predict'
include { REPORT                       } from '../modules/local/report'
include { sortedGroups                 } from './classify'

/* [meta.id, [chunk files in chunk order]] from a channel of [meta, file] with meta.chunk set. */
def byChunk(ch) {
    sortedGroups(ch.map { meta, f -> [meta.id, [meta.chunk], f] })
}

/*
 * --target_chunk_size: enough chunks that none holds more than SIZE targets. Counted on the
 * --targets list before any task runs (the scatter must be known up front); ids absent from the
 * dataset or a header line only make the chunks smaller. main.nf refuses it without --targets.
 */
def chunksOfSize(targets, int size) {
    def listed = targets.readLines().findAll { it.trim() && !it.trim().startsWith('#') }.size()
    Math.max(1, (int) Math.ceil(listed / (double) size))
}

workflow LANDMARK {
    take:
    ch_input // [meta, data, samplesheet or []]

    main:
    ch_versions = Channel.empty()

    IMPORT(ch_input.map { meta, data, samplesheet -> importInput(meta, data, samplesheet) })
    ch_versions = ch_versions.mix(IMPORT.out.versions)

    NORMALISE(IMPORT.out.dataset)
    ch_versions = ch_versions.mix(NORMALISE.out.versions)

    def landmarks = file(params.landmarks)
    def targets = params.targets ? file(params.targets) : []
    def chunks = params.target_chunk_size ? chunksOfSize(targets, params.target_chunk_size as int) : params.target_chunks as int
    ch_chunks = NORMALISE.out.dataset.flatMap { meta, dataset ->
        (1..chunks).collect { k -> [meta + [chunk: k, chunks: chunks], dataset, landmarks, targets] }
    }
    LANDMARK_FIT(ch_chunks)
    ch_versions = ch_versions.mix(LANDMARK_FIT.out.versions.first())

    def groups = params.target_groups ? file(params.target_groups) : []
    LANDMARK_SUMMARY(byChunk(LANDMARK_FIT.out.metrics).map { id, files -> [[id: id], files, groups] })
    ch_versions = ch_versions.mix(LANDMARK_SUMMARY.out.versions)

    // The report reads landmark-summary's tables through the options classify's outputs use; the run's
    // record as in classify (lib/Provenance.groovy): the normalise summary (one dataset per run) and the provenance.
    ch_provenance = ch_versions.map { versions -> ['versions', versions.text.trim()] }
        .mix(ch_input.map { meta, data, samplesheet -> ['input', [['input', data], ['samplesheet', samplesheet]]] })
        .toList()
        .map { items ->
            Provenance.write(workflow.workDir, file("${projectDir}/nextflow_schema.json"), params, workflow,
                nextflow.version.toString(), items.findAll { it[0] == 'versions' }.collect { it[1] }.unique().sort(),
                items.findAll { it[0] == 'input' }.collectMany { it[1] })
        }
    REPORT(LANDMARK_SUMMARY.out.metrics.map { meta, targets_table, summary -> [meta, [], summary, targets_table] }
        .combine(NORMALISE.out.summary.map { meta, summary -> summary })
        .combine(ch_provenance)
        .map { meta, qc, summary, targets_table, normalise, provenance -> [meta, qc, summary, targets_table, normalise, [], provenance, [], []] })
    ch_versions = ch_versions.mix(REPORT.out.versions)

    // New landmark-only profiles, predicted with every chunk's saved model.
    if (params.landmark_query) {
        def query = file(params.landmark_query)
        IMPORT_QUERY(Channel.of(importInput([id: query.name.replaceAll(/\..*$/, '')], query, [])))
        ch_versions = ch_versions.mix(IMPORT_QUERY.out.versions)
        NORMALISE_QUERY(IMPORT_QUERY.out.dataset)
        ch_versions = ch_versions.mix(NORMALISE_QUERY.out.versions)
        LANDMARK_PREDICT(
            NORMALISE_QUERY.out.dataset
                .combine(byChunk(LANDMARK_FIT.out.model).map { id, files -> [files] })
                .map { meta, dataset, models -> [meta, dataset, models, landmarks] }
        )
        ch_versions = ch_versions.mix(LANDMARK_PREDICT.out.versions)
    }

    emit:
    metrics  = LANDMARK_SUMMARY.out.metrics
    report   = REPORT.out.html
    versions = ch_versions
}
