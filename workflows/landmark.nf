/*
 * LANDMARK (--analysis landmark): infer target genes from landmark genes, the D-GEX task
 * (Chen et al. 2016; docs/landmark.md).
 *
 *   IMPORT -> NORMALISE -> LANDMARK_FIT per chunk of targets -> LANDMARK_SUMMARY
 *
 * NORMALISE is only the per-value step (log2); the D-GEX normalisation (quantile on the landmarks,
 * per-gene z-scores) is fitted inside each LANDMARK_FIT task on the training samples. Chunks are
 * the scatter unit (--target_chunks) and are cached one by one; the gather orders them by chunk
 * number, so the summary task's inputs, hash and output never depend on completion order.
 */
include { IMPORT           } from '../modules/local/import'
include { NORMALISE        } from '../modules/local/normalise'
include { LANDMARK_FIT     } from '../modules/local/landmark_fit'
include { LANDMARK_SUMMARY } from '../modules/local/landmark_summary'

workflow LANDMARK {
    take:
    ch_input // [meta, data, samplesheet or []]

    main:
    ch_versions = Channel.empty()

    IMPORT(ch_input)
    ch_versions = ch_versions.mix(IMPORT.out.versions)

    NORMALISE(IMPORT.out.dataset)
    ch_versions = ch_versions.mix(NORMALISE.out.versions)

    def landmarks = file(params.landmarks)
    def targets = params.targets ? file(params.targets) : []
    def chunks = params.target_chunks as int
    ch_chunks = NORMALISE.out.dataset.flatMap { meta, dataset ->
        (1..chunks).collect { k -> [meta + [chunk: k, chunks: chunks], dataset, landmarks, targets] }
    }
    LANDMARK_FIT(ch_chunks)
    ch_versions = ch_versions.mix(LANDMARK_FIT.out.versions.first())

    ch_gather = LANDMARK_FIT.out.metrics
        .map { meta, metrics -> [meta.id, meta.chunk, metrics] }
        .groupTuple(size: chunks)
        .map { id, keys, files -> [[id: id], [keys, files].transpose().sort { a, b -> a[0] <=> b[0] }.collect { it[1] }] }
    LANDMARK_SUMMARY(ch_gather)
    ch_versions = ch_versions.mix(LANDMARK_SUMMARY.out.versions)

    emit:
    metrics  = LANDMARK_SUMMARY.out.metrics
    versions = ch_versions
}
