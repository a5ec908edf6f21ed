/*
 * PREDICT_SAMPLES (--analysis predict): applies a model saved by an earlier classify run to new
 * samples. They go through the same per-value normalisation; the model file carries the fitted
 * cross-sample transforms and the selected features, so nothing is refitted on the new samples.
 *
 *   IMPORT -> NORMALISE -> PREDICT (--model) [-> EVALUATE_PREDICTED -> REPORT]
 *
 * When the new samples have labels (the input's own class column, e.g. ARFF or CuMiDa, or the
 * --samplesheet's --label_column), PREDICT writes them as each row's truth, and EVALUATE (as
 * EVALUATE_PREDICTED) scores the model on them beside ZeroR, which predicts the saved model's
 * training class prior; REPORT renders those metrics. Without labels the run stops at PREDICT, as
 * before. The choice is made on PREDICT's own output (a row of learner 'model' whose truth is not
 * NA), so it never depends on how the labels were given.
 */
include { IMPORT; importInput } from '../modules/local/import'
include { NORMALISE } from '../modules/local/normalise'
include { PREDICT   } from '../modules/local/predict'
include { EVALUATE as EVALUATE_PREDICTED } from '../modules/local/evaluate'
include { REPORT    } from '../modules/local/report'

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

    // Labelled new samples only: metrics and a report of the model against its ZeroR baseline.
    ch_labelled = PREDICT.out.predictions.filter { meta, predictions ->
        StepFile.rows(predictions).any { row -> row.learner == 'model' && row.truth != 'NA' }
    }
    EVALUATE_PREDICTED(ch_labelled.map { meta, predictions -> [meta, predictions, [], [], [], [], []] })
    ch_versions = ch_versions.mix(EVALUATE_PREDICTED.out.versions)

    // PREDICT's table, not EVALUATE's merged copy of it (the same rows), for the ROC curves.
    REPORT(EVALUATE_PREDICTED.out.json.join(PREDICT.out.predictions).map { meta, json, predictions -> [meta, [], json, predictions, [], [], [], [], []] })
    ch_versions = ch_versions.mix(REPORT.out.versions)

    emit:
    predictions = PREDICT.out.predictions
    metrics     = EVALUATE_PREDICTED.out.json
    report      = REPORT.out.html
    versions    = ch_versions
}
