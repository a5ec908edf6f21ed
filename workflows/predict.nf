/*
 * PREDICT_SAMPLES (--analysis predict): applies a model saved by an earlier classify run to new
 * samples. They go through the same per-value normalisation; the model file carries the fitted
 * cross-sample transforms and the selected features, so nothing is refitted on the new samples.
 *
 *   IMPORT -> NORMALISE -> PREDICT (--model)
 */
include { IMPORT; importInput } from '../modules/local/import'
include { NORMALISE } from '../modules/local/normalise'
include { PREDICT   } from '../modules/local/predict'

workflow PREDICT_SAMPLES {
    take:
    ch_input // [meta, data, samplesheet or []]: the new samples (a local file or a download)

    main:
    ch_versions = Channel.empty()

    IMPORT(ch_input.map { meta, data, samplesheet -> importInput(meta, data, samplesheet) })
    ch_versions = ch_versions.mix(IMPORT.out.versions)

    NORMALISE(IMPORT.out.dataset)
    ch_versions = ch_versions.mix(NORMALISE.out.versions)

    def model = file(params.model)
    PREDICT(NORMALISE.out.dataset.map { meta, dataset -> [meta + [set: 'predict'], model, dataset, []] })
    ch_versions = ch_versions.mix(PREDICT.out.versions)

    emit:
    predictions = PREDICT.out.predictions
    versions    = ch_versions
}
