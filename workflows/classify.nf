/*
 * CLASSIFY: cross-validated classification of samples from their expression profiles.
 *
 *   IMPORT -> NORMALISE -> SPLIT -> TRAIN per (repeat, fold)  -> EVALUATE -> REPORT
 *                     -> QC       -> TRAIN final -> PREDICT test ------^
 *                                 -> PERMUTE per chunk of permutations -^
 *
 * With a grid of learners and k, each TRAIN task runs the inner loop of nested CV on its own
 * training samples; PERMUTE reruns that whole procedure on permuted labels.
 *
 * With --learning_curve 0.25,0.5,...: TRAIN_CURVE reruns every outer fold's procedure on each
 * fraction of the fold's training samples (nested subsets, drawn inside the task) and scores the same
 * held-out fold; EVALUATE turns them into the learning curve, the main CV being the full size.
 *
 * Several label columns (--label_column a,b,c) are a multi-label task solved by binary relevance:
 * from SPLIT on, every label is its own branch (meta.target, meta.id = <dataset>.<label>) with its
 * own folds, models and metrics, and MULTILABEL gathers the labels' predictions into micro and
 * macro F1.
 *
 * QC runs on NORMALISE's output, beside SPLIT and TRAIN: it describes the values the model is given
 * (a missing fraction that counts what log2 made NA), only reports (and fails the run on data that
 * cannot support the analysis), so nothing downstream needs to wait for it except the report.
 * Every gather sorts by key, so the published files are the same whatever order tasks finish in.
 *
 * The data arrive as channels (main.nf resolves local files and accessions alike), so CLASSIFY
 * never cares where a file came from.
 */
include { IMPORT; importInput          } from '../modules/local/import'
include { IMPORT    as IMPORT_TEST      } from '../modules/local/import'
include { QC                            } from '../modules/local/qc'
include { NORMALISE                     } from '../modules/local/normalise'
include { NORMALISE as NORMALISE_TEST   } from '../modules/local/normalise'
include { SPLIT                         } from '../modules/local/split'
include { TRAIN     as TRAIN_CV         } from '../modules/local/train'
include { TRAIN     as TRAIN_FINAL      } from '../modules/local/train'
include { TRAIN     as TRAIN_CURVE      } from '../modules/local/train'
include { PREDICT   as PREDICT_HELDOUT  } from '../modules/local/predict'
include { PREDICT   as PREDICT_TEST     } from '../modules/local/predict'
include { PERMUTE                       } from '../modules/local/permute'
include { EVALUATE                      } from '../modules/local/evaluate'
include { REPORT                        } from '../modules/local/report'
include { MULTILABEL                    } from '../modules/local/multilabel'

/*
 * The CV folds of a splits table: sorted (repeat, fold) pairs of its training samples. Read from
 * the table rather than from --folds/--repeats, so the scatter matches what SPLIT actually made.
 * StepFile skips the table's kind line ('## exprflow splits 1'), which splitCsv would take for the header.
 */
def cvFolds(splits) {
    StepFile.rows(splits)
        .findAll { row -> row.partition == 'train' }
        .collect { row -> [row.repeat as int, row.fold as int] }
        .unique()
        .sort { a, b -> a[0] <=> b[0] ?: a[1] <=> b[1] }
}

/* Whether the split column marked any sample as test (then the final model predicts them). */
def hasTestSamples(splits) {
    StepFile.rows(splits).any { row -> row.partition == 'test' }
}

/*
 * Gathers files per branch id in key order: [id, key, file] items become [id, [files sorted by key]].
 * groupTuple alone keeps completion order, which would change EVALUATE's command line and hash.
 */
def sortedGroups(ch) {
    ch.groupTuple()
        .map { id, keys, files -> [id, [keys, files].transpose().sort { a, b -> byKey(a, b) }.collect { it[1] }] }
}

/*
 * The learning curve's training fractions (--learning_curve '0.25,0.5'), as canonical decimal strings
 * in increasing order, without repeats; none when the parameter is unset. The schema has checked
 * that each is in (0, 1).
 */
def learningCurveFractions(value) {
    value == null ? [] : value.toString().tokenize(',')*.trim().findAll()
        .collect { new BigDecimal(it).stripTrailingZeros() }
        .unique()
        .sort()
        .collect { it.toPlainString() }
}

/* Orders [key, file] pairs by key, a list compared element by element. */
def byKey(a, b) {
    for (int i = 0; i < Math.min(a[0].size(), b[0].size()); i++) {
        int c = a[0][i] <=> b[0][i]
        if (c != 0) {
            return c
        }
    }
    return a[0].size() <=> b[0].size()
}

workflow CLASSIFY {
    take:
    ch_input // [meta, data, samplesheet or []]: the training data
    ch_test  // [meta, data, samplesheet or []]: independent test data, or an empty channel

    main:
    ch_versions = Channel.empty()

    IMPORT(ch_input.map { meta, data, samplesheet -> importInput(meta, data, samplesheet) })
    ch_versions = ch_versions.mix(IMPORT.out.versions)

    NORMALISE(IMPORT.out.dataset)
    ch_versions = ch_versions.mix(NORMALISE.out.versions)

    // QC describes the values the model is given (after floor, ceiling and log2): a missing fraction
    // counts the values log2 made NA. See docs/architecture.md, "QC on the normalised values".
    QC(NORMALISE.out.dataset)
    ch_versions = ch_versions.mix(QC.out.versions)

    // One branch per label: a single label keeps the dataset's id, several get <dataset>.<label>.
    def targets = params.label_column.toString().tokenize(',')*.trim().findAll()
    def multiLabel = targets.size() > 1
    ch_branches = NORMALISE.out.dataset.flatMap { meta, dataset ->
        multiLabel
            ? targets.collect { t -> [meta + [dataset: meta.id, target: t, id: "${meta.id}.${t}"], dataset] }
            : [[meta + [dataset: meta.id], dataset]]
    }

    SPLIT(ch_branches)
    ch_versions = ch_versions.mix(SPLIT.out.versions)

    // [meta, dataset, splits]
    ch_training = ch_branches.join(SPLIT.out.splits)

    // The scatter: one task per (label, repeat, fold), each writing its held-out predictions.
    ch_folds = ch_training.flatMap { meta, dataset, splits ->
        cvFolds(splits).collect { repeat, fold -> [meta + [repeat: repeat, fold: fold], dataset, splits] }
    }
    TRAIN_CV(ch_folds)
    ch_versions = ch_versions.mix(TRAIN_CV.out.versions)

    // The learning curve: every CV fold again per fraction, on a nested subset of its training samples.
    def curveFractions = learningCurveFractions(params.learning_curve)
    ch_curve_folds = ch_folds.flatMap { meta, dataset, splits ->
        curveFractions.collect { f ->
            [meta + [fraction: f, output_id: "${meta.id}.r${meta.repeat}.f${meta.fold}.lc${f}"], dataset, splits]
        }
    }
    TRAIN_CURVE(ch_curve_folds)
    ch_versions = ch_versions.mix(TRAIN_CURVE.out.versions)

    // The final model of each label, on every partition=train sample.
    TRAIN_FINAL(ch_training)
    ch_versions = ch_versions.mix(TRAIN_FINAL.out.versions)

    // Test samples marked by --split_column in the same dataset.
    ch_heldout = TRAIN_FINAL.out.model
        .join(ch_training)
        .filter { meta, model, dataset, splits -> hasTestSamples(splits) }
        .map { meta, model, dataset, splits -> [meta + [set: 'test', output_id: "${meta.id}.heldout"], model, dataset, splits] }
    PREDICT_HELDOUT(ch_heldout)
    ch_versions = ch_versions.mix(PREDICT_HELDOUT.out.versions)
    ch_test_predictions = PREDICT_HELDOUT.out.predictions

    // An independent test dataset, imported and normalised exactly like the training data, and
    // predicted by the final model of every label. Its own id, so its published files never
    // overwrite the training dataset's. meta.id stays the training branch's (the gather's key);
    // meta.output_id names the file after the test data (and the label, for multi-label). No test data: an empty channel, and these run no task.
    ch_test_data = ch_test
        .combine(ch_input.map { meta, data, samplesheet -> meta.id })
        .map { meta, data, samplesheet, input_id ->
            [meta.id == input_id ? meta + [id: "${meta.id}.test"] : meta, data, samplesheet]
        }
    IMPORT_TEST(ch_test_data.map { meta, data, samplesheet -> importInput(meta, data, samplesheet) })
    NORMALISE_TEST(IMPORT_TEST.out.dataset)
    PREDICT_TEST(
        TRAIN_FINAL.out.model
            .combine(NORMALISE_TEST.out.dataset)
            .map { meta, model, test_meta, dataset ->
                [meta + [set: 'test', output_id: multiLabel ? "${test_meta.id}.${meta.target}" : test_meta.id],
                 model, dataset, []]
            }
    )
    ch_versions = ch_versions.mix(IMPORT_TEST.out.versions, NORMALISE_TEST.out.versions, PREDICT_TEST.out.versions)
    ch_test_predictions = ch_test_predictions.mix(PREDICT_TEST.out.predictions)

    // The permutation test: chunks of permutations, each its own cached task.
    def chunkStarts = params.permutations > 0 ? (1..params.permutations).step(params.permutation_chunk) : []
    ch_permutation_chunks = ch_training.flatMap { meta, dataset, splits ->
        chunkStarts.collect { from ->
            int to = Math.min(from + params.permutation_chunk - 1, params.permutations)
            [meta + [from: from, to: to, fold_seed: params.seed], dataset, splits]
        }
    }
    PERMUTE(ch_permutation_chunks)
    ch_versions = ch_versions.mix(PERMUTE.out.versions)

    // The gathers, per label branch and sorted by key.
    ch_predictions = sortedGroups(
        TRAIN_CV.out.predictions.map { meta, table -> [meta.id, [0, meta.repeat, meta.fold, table.name], table] }
            .mix(ch_test_predictions.map { meta, table -> [meta.id, [1, 0, 0, table.name], table] })
    )
    ch_fold_choices = sortedGroups(TRAIN_CV.out.choice.map { meta, choice -> [meta.id, [meta.repeat, meta.fold], choice] })
    ch_permutations = sortedGroups(PERMUTE.out.permutations.map { meta, table -> [meta.id, [meta.from], table] })
    ch_curve = sortedGroups(
        TRAIN_CURVE.out.predictions.map { meta, table -> [meta.id, [new BigDecimal(meta.fraction), meta.repeat, meta.fold], table] }
    )
    // Every fold's per-candidate held-out scores: the model comparison's per-fold values.
    ch_candidate_scores = sortedGroups(TRAIN_CV.out.scores.map { meta, scores -> [meta.id, [meta.repeat, meta.fold], scores] })
    ch_evaluate = ch_branches.map { meta, dataset -> [meta.id, meta, dataset] }
        .join(ch_predictions)
        .join(ch_fold_choices)
        .join(ch_permutations, remainder: true)
        .join(ch_candidate_scores)
        .join(ch_curve, remainder: true)
        .map { id, meta, dataset, predictions, choices, permutations, scores, curve ->
            [meta, predictions, choices, permutations ?: [], dataset, scores, curve ?: []]
        }
    EVALUATE(ch_evaluate)
    ch_versions = ch_versions.mix(EVALUATE.out.versions)

    // What the run recorded about itself, for the report's methods and provenance (lib/Provenance.groovy;
    // docs/architecture.md, "Provenance"): the versions every task so far wrote, the input files.
    ch_provenance = ch_versions.map { versions -> ['versions', versions.text.trim()] }
        .mix(ch_input.map { meta, data, samplesheet -> ['input', [['input', data], ['samplesheet', samplesheet]]] })
        .mix(ch_test.map { meta, data, samplesheet -> ['input', [['test_input', data], ['test_samplesheet', samplesheet]]] })
        .toList()
        .map { items ->
            Provenance.write(workflow.workDir, file("${projectDir}/nextflow_schema.json"), params, workflow,
                nextflow.version.toString(), items.findAll { it[0] == 'versions' }.collect { it[1] }.unique().sort(),
                items.findAll { it[0] == 'input' }.collectMany { it[1] })
        }
    // The normalise summaries: the training data's, then every independent test set's (none: []).
    ch_test_summaries = NORMALISE_TEST.out.summary.map { meta, summary -> summary }.toSortedList { a, b -> a.name <=> b.name }

    // Each label's report shows the dataset's QC beside that label's metrics, and draws the normalised
    // dataset (PCA of the samples; with the label's genes table, the top genes' heatmap).
    ch_report = EVALUATE.out.json.join(EVALUATE.out.predictions)
        .join(EVALUATE.out.genes, remainder: true)
        .map { meta, json, predictions, genes -> [meta.dataset, meta, json, predictions, genes ?: []] }
        .combine(QC.out.json.map { meta, qc -> [meta.id, qc] }, by: 0)
        .combine(NORMALISE.out.dataset.map { meta, dataset -> [meta.id, dataset] }, by: 0)
        .combine(NORMALISE.out.summary.map { meta, summary -> [meta.id, summary] }, by: 0)
        .map { key, meta, json, predictions, genes, qc, dataset, summary -> [meta.id, meta, qc, json, predictions, summary, dataset, genes] }
        .join(TRAIN_FINAL.out.model.map { meta, model -> [meta.id, model] })
        .combine(ch_test_summaries.map { [it] })
        .combine(ch_provenance)
        .map { id, meta, qc, json, predictions, summary, dataset, genes, model, test_summaries, provenance ->
            [meta, qc, json, predictions, [summary] + test_summaries, model, provenance, dataset, genes]
        }
    REPORT(ch_report)
    ch_versions = ch_versions.mix(REPORT.out.versions)

    // Multi-label: micro and macro F1 over the labels' merged predictions, labels in name order.
    ch_multilabel = EVALUATE.out.predictions
        .filter { meta, table -> multiLabel }
        .map { meta, table -> [meta.dataset, [meta.target], [meta.target, table]] }
    MULTILABEL(
        sortedGroups(ch_multilabel).map { dataset, pairs -> [[id: dataset], pairs.collect { it[0] }, pairs.collect { it[1] }] }
    )
    ch_versions = ch_versions.mix(MULTILABEL.out.versions)

    // MultiQC's custom content (main.nf runs MULTIQC): the sample QC and each label's headline.
    ch_multiqc = QC.out.tsv.map { meta, table -> MultiqcContent.sampleQc(meta.id, table) }
        .mix(EVALUATE.out.json.map { meta, json -> MultiqcContent.classification(meta.id, json) })

    emit:
    metrics  = EVALUATE.out.tsv
    multiqc  = ch_multiqc
    report   = REPORT.out.html
    model    = TRAIN_FINAL.out.model
    versions = ch_versions
}
