package org.exprflow.qc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;
import org.exprflow.data.Batches;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.exprflow.data.ValueKind;
import org.exprflow.stats.Quantile;
import org.exprflow.io.Canonical;
import org.exprflow.normalise.LogScaleCheck;

/**
 * Computes the QC report of a dataset: per-sample summaries, correlation outliers, feature flags,
 * class counts, and the rated checks. Pure: reads the dataset only.
 *
 * <p>Scale: intensity quantiles and means are on the input scale. Correlations and feature SDs are
 * computed on log2 values when the data look linear by GEO2R's rule (the same rule as
 * 'exprflow normalise --log2 auto'); values at or below 0 are then treated as NA. Count datasets
 * also get library sizes, zero fractions and detected genes, and their correlations are on
 * log2(count + 1).
 */
final class QcAnalysis {
    static final String MISSING = "missing_fraction";
    static final String OUTLIERS = "outliers";
    static final String MIN_CLASS_SIZE = "min_class_size";
    static final String FLAT_FEATURES = "flat_features";
    static final String BATCH_CONFOUNDING = "batch_confounding";
    /** Cramér's V above which a batch column counts as confounded with the class (a warning only). */
    static final double BATCH_CRAMERS_V_WARN = 0.5;

    private QcAnalysis() {
    }

    static QcReport run(Dataset d, QcThresholds t) {
        if (d.sampleCount() == 0 || d.featureCount() == 0) {
            throw UserException.unsuitable("dataset '" + d.name() + "' has " + d.sampleCount() + " samples and "
                    + d.featureCount() + " features; QC needs at least one of each");
        }
        List<SampleSummary> summaries = new ArrayList<>(d.sampleCount());
        boolean anyObserved = false;
        for (int s = 0; s < d.sampleCount(); s++) {
            SampleSummary summary = SampleSummary.of(d.sampleId(s), d.row(s));
            anyObserved |= summary.missingFraction() < 1;
            summaries.add(summary);
        }
        boolean log2 = false;
        double[][] scaled = d.copyValues();
        List<CountSummary> counts = null;
        if (d.valueKind() == ValueKind.COUNTS) {
            // counts: library sizes and detected genes, and correlations on log2(count + 1), so that
            // the many zeros count as low expression rather than as missing values
            counts = new ArrayList<>(d.sampleCount());
            for (int s = 0; s < d.sampleCount(); s++) {
                counts.add(CountSummary.of(d.row(s)));
            }
            Log.info(describe(counts));
            log2 = true;
            for (double[] row : scaled) {
                for (int f = 0; f < row.length; f++) {
                    row[f] = Math.log1p(row[f]) / Math.log(2);
                }
            }
        } else if (anyObserved) {
            LogScaleCheck scale = LogScaleCheck.of(scaled);
            log2 = scale.needsLog();
            Log.info((log2 ? "values look linear, correlations on log2 (" : "values look log-scaled (") + scale.figures() + ")");
            if (log2) {
                toLog2(scaled);
            }
        }
        CorrelationOutliers correlations = CorrelationOutliers.detect(scaled, t.outlierMadK(), t.outlierMinDrop());
        List<QcReport.SampleRow> rows = new ArrayList<>(d.sampleCount());
        for (int s = 0; s < d.sampleCount(); s++) {
            rows.add(new QcReport.SampleRow(summaries.get(s), correlations.meanCorrelation(s), correlations.isOutlier(s)));
        }
        FeatureSummary features = FeatureSummary.of(d.featureIds(), scaled, t.nearConstantSd(), t.nearConstantShare());
        Map<String, Map<String, Integer>> classes = classCounts(d);

        List<QcCheck> checks = new ArrayList<>(List.of(
                missingCheck(rows, t),
                outlierCheck(rows, correlations, t),
                classSizeCheck(classes, t),
                flatFeatureCheck(features, t)));
        List<BatchConfounding> batches = batchTables(d);
        if (!batches.isEmpty()) {
            checks.add(batchCheck(batches));
        }
        return new QcReport(d.name(), rows, features, classes, List.copyOf(checks), log2, counts, batches);
    }

    /** "counts: library size min 1.2e6, median 2e7, max 3e7; zero fraction median 0.41; detected genes median 11800". */
    static String describe(List<CountSummary> counts) {
        double[] sizes = counts.stream().mapToDouble(CountSummary::librarySize).sorted().toArray();
        double[] zeros = counts.stream().mapToDouble(CountSummary::zeroFraction).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] detected = counts.stream().mapToDouble(CountSummary::detected).sorted().toArray();
        return "counts: library size min " + Canonical.number(sizes[0]) + ", median "
                + Canonical.number(Quantile.type7(sizes, 0.5)) + ", max " + Canonical.number(sizes[sizes.length - 1])
                + "; zero fraction median " + (zeros.length == 0 ? "NA" : Canonical.number(Quantile.type7(zeros, 0.5)))
                + "; detected genes median " + Canonical.number(Quantile.type7(detected, 0.5));
    }

    private static void toLog2(double[][] values) {
        double ln2 = Math.log(2);
        for (double[] row : values) {
            for (int f = 0; f < row.length; f++) {
                double v = row[f];
                row[f] = v > 0 ? Math.log(v) / ln2 : Double.NaN;
            }
        }
    }

    /** Counts per level of each nominal target; numeric targets have no classes. */
    private static Map<String, Map<String, Integer>> classCounts(Dataset d) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (Target target : d.targets()) {
            if (!target.isNominal()) {
                continue;
            }
            int[] counts = target.classCounts();
            Map<String, Integer> perClass = new LinkedHashMap<>();
            for (int i = 0; i < counts.length; i++) {
                perClass.put(target.levels().get(i), counts[i]);
            }
            out.put(target.name(), perClass);
        }
        return out;
    }

    /** The batch × class table of every nominal target, when the dataset has batches. */
    private static List<BatchConfounding> batchTables(Dataset d) {
        String[] batchOf = Batches.of(d);
        List<BatchConfounding> out = new ArrayList<>();
        if (batchOf == null) {
            return out;
        }
        for (Target target : d.targets()) {
            if (target.isNominal()) {
                out.add(BatchConfounding.of(batchOf, target));
            }
        }
        return out;
    }

    /**
     * Warns when a batch holds one class only or when Cramér's V exceeds {@value #BATCH_CRAMERS_V_WARN}:
     * CV accuracy may then rest on the batch, and batch correction removes class signal. Never fails:
     * leave-one-batch-out CV tells how much it matters.
     */
    private static QcCheck batchCheck(List<BatchConfounding> tables) {
        double worst = Double.NaN;
        List<String> parts = new ArrayList<>();
        boolean single = false;
        for (BatchConfounding b : tables) {
            if (!Double.isNaN(b.cramersV()) && (Double.isNaN(worst) || b.cramersV() > worst)) {
                worst = b.cramersV();
            }
            String part = b.target() + ": " + b.batches().size() + " batches, Cramér's V " + Canonical.number(b.cramersV());
            if (!b.singleClassBatches().isEmpty()) {
                single = true;
                part += "; one class only in batch(es) " + String.join(", ", b.singleClassBatches());
                Log.warn("batch(es) " + String.join(", ", b.singleClassBatches()) + " hold one class of " + b.target()
                        + " only: the batch is confounded with the class");
            }
            parts.add(part);
        }
        QcCheck.Status status = single || worst > BATCH_CRAMERS_V_WARN ? QcCheck.Status.WARN : QcCheck.Status.PASS;
        return new QcCheck(BATCH_CONFOUNDING, status, worst, BATCH_CRAMERS_V_WARN, 1, String.join("; ", parts));
    }

    private static QcCheck missingCheck(List<QcReport.SampleRow> rows, QcThresholds t) {
        QcReport.SampleRow worst = rows.get(0);
        double total = 0;
        for (QcReport.SampleRow r : rows) {
            total += r.summary().missingFraction();
            if (r.summary().missingFraction() > worst.summary().missingFraction()) {
                worst = r;
            }
        }
        double value = worst.summary().missingFraction();
        String message = "largest per-sample missing fraction " + Canonical.number(value) + " (" + worst.summary().id()
                + "); overall " + Canonical.number(total / rows.size());
        return new QcCheck(MISSING, QcCheck.atMost(value, t.maxMissingWarn(), t.maxMissingFail()), value,
                t.maxMissingWarn(), t.maxMissingFail(), message);
    }

    private static QcCheck outlierCheck(List<QcReport.SampleRow> rows, CorrelationOutliers c, QcThresholds t) {
        List<String> ids = new ArrayList<>();
        for (QcReport.SampleRow r : rows) {
            if (r.outlier()) {
                ids.add(r.summary().id());
            }
        }
        String message;
        if (Double.isNaN(c.mad())) {
            message = "fewer than 3 samples with correlations: outliers not assessed";
        } else {
            String cut = "median mean correlation " + Canonical.number(c.median()) + ", MAD " + Canonical.number(c.mad())
                    + ", cut-off median - " + Canonical.number(t.outlierMadK()) + " MAD";
            message = ids.isEmpty() ? "no outlier samples (" + cut + ")"
                    : ids.size() + " outlier sample(s): " + String.join(", ", ids.subList(0, Math.min(10, ids.size())))
                    + (ids.size() > 10 ? ", ..." : "") + " (" + cut + ")";
        }
        int value = ids.size();
        return new QcCheck(OUTLIERS, QcCheck.atMost(value, t.maxOutliersWarn(), t.maxOutliersFail()), value,
                t.maxOutliersWarn(), t.maxOutliersFail(), message);
    }

    private static QcCheck classSizeCheck(Map<String, Map<String, Integer>> classes, QcThresholds t) {
        if (classes.isEmpty()) {
            return new QcCheck(MIN_CLASS_SIZE, QcCheck.Status.PASS, Double.NaN, t.minClassSizeWarn(), t.minClassSizeFail(),
                    "no class labels: not applicable");
        }
        String smallest = null;
        int min = Integer.MAX_VALUE;
        for (Map.Entry<String, Map<String, Integer>> target : classes.entrySet()) {
            for (Map.Entry<String, Integer> cls : target.getValue().entrySet()) {
                if (cls.getValue() < min) {
                    min = cls.getValue();
                    smallest = target.getKey() + "=" + cls.getKey();
                }
            }
        }
        if (smallest == null) {
            return new QcCheck(MIN_CLASS_SIZE, QcCheck.Status.FAIL, 0, t.minClassSizeWarn(), t.minClassSizeFail(),
                    "the class labels have no values");
        }
        return new QcCheck(MIN_CLASS_SIZE, QcCheck.atLeast(min, t.minClassSizeWarn(), t.minClassSizeFail()), min,
                t.minClassSizeWarn(), t.minClassSizeFail(), "smallest class " + smallest + " has " + min + " samples");
    }

    private static QcCheck flatFeatureCheck(FeatureSummary f, QcThresholds t) {
        double value = (f.constant() + f.nearConstant()) / (double) f.count();
        String message = f.constant() + " constant and " + f.nearConstant() + " near-constant of " + f.count() + " features";
        return new QcCheck(FLAT_FEATURES, QcCheck.atMost(value, t.maxFlatFeaturesWarn(), t.maxFlatFeaturesFail()), value,
                t.maxFlatFeaturesWarn(), t.maxFlatFeaturesFail(), message);
    }
}
