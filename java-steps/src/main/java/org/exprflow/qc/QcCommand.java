package org.exprflow.qc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.io.Canonical;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exprflow qc}: quality control of an imported dataset. QC reports, it does not stop the
 * pipeline: the step exits 0 whatever the checks say, unless --fail-on-fail asks it to exit 4 when a
 * check fails (the reports are still written first, so the reason can be read).
 */
@Command(name = "qc",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Quality control of a dataset: per-sample missing fraction, intensity quantiles and mean;",
            "correlation outliers (each sample's mean Pearson correlation with the others, on log2 values",
            "when the data look linear, pairwise-complete; outlier when below median - k * MAD of those",
            "means, MAD scaled by 1.4826, and at least --outlier-min-drop below the median); constant and",
            "near-constant features; duplicated feature ids; class counts per target.",
            "Checks rated pass/warn/fail: missing_fraction (largest per-sample fraction, at most),",
            "outliers (count, at most), min_class_size (smallest class, at least),",
            "flat_features (fraction constant or near-constant, at most).",
            "Exits 0 even when a check fails, unless --fail-on-fail is given (then exit 4)."
        })
public final class QcCommand extends StepCommand {

    @Option(names = "--input", required = true, paramLabel = "D.xfd", description = "Dataset written by 'exprflow import'.")
    Path input;

    @Option(names = "--output-tsv", required = true, paramLabel = "QC.tsv", description = "Per-sample table.")
    Path outputTsv;

    @Option(names = "--output-json", required = true, paramLabel = "QC.json", description = "Full QC summary, read by 'exprflow report'.")
    Path outputJson;

    @Option(names = "--max-missing-warn", defaultValue = "0.05", description = "Warn when a sample misses more than this fraction of values (default: ${DEFAULT-VALUE}).")
    double maxMissingWarn;

    @Option(names = "--max-missing-fail", defaultValue = "0.2", description = "Fail when a sample misses more than this fraction (default: ${DEFAULT-VALUE}).")
    double maxMissingFail;

    @Option(names = "--max-outliers-warn", defaultValue = "0", description = "Warn when more samples than this are outliers (default: ${DEFAULT-VALUE}).")
    int maxOutliersWarn;

    @Option(names = "--max-outliers-fail", defaultValue = "5", description = "Fail when more samples than this are outliers (default: ${DEFAULT-VALUE}).")
    int maxOutliersFail;

    @Option(names = "--min-class-size-warn", defaultValue = "10", description = "Warn when the smallest class has fewer samples (default: ${DEFAULT-VALUE}).")
    int minClassSizeWarn;

    @Option(names = "--min-class-size-fail", defaultValue = "5", description = "Fail when the smallest class has fewer samples (default: ${DEFAULT-VALUE}).")
    int minClassSizeFail;

    @Option(names = "--max-flat-features-warn", defaultValue = "0.25", description = "Warn when a larger fraction of features is constant or near-constant (default: ${DEFAULT-VALUE}).")
    double maxFlatFeaturesWarn;

    @Option(names = "--max-flat-features-fail", defaultValue = "0.75", description = "Fail above this fraction of constant or near-constant features (default: ${DEFAULT-VALUE}).")
    double maxFlatFeaturesFail;

    @Option(names = "--outlier-mad-k", defaultValue = "5", paramLabel = "K", description = "Outlier cut-off: median - K * MAD of the mean correlations (default: ${DEFAULT-VALUE}).")
    double outlierMadK;

    @Option(names = "--outlier-min-drop", defaultValue = "0.01", description = "An outlier's mean correlation is also at least this far below the median (default: ${DEFAULT-VALUE}).")
    double outlierMinDrop;

    @Option(names = "--near-constant-sd", defaultValue = "0.01", description = "Near-constant feature: SD below this, on the correlation scale (default: ${DEFAULT-VALUE}).")
    double nearConstantSd;

    @Option(names = "--near-constant-share", defaultValue = "0.95", description = "Near-constant feature: one value in more than this share of samples (default: ${DEFAULT-VALUE}).")
    double nearConstantShare;

    @Option(names = "--fail-on-fail", description = "Exit 4 when any check fails (outputs are still written).")
    boolean failOnFail;

    @Override
    protected void execute() {
        QcThresholds thresholds = new QcThresholds(maxMissingWarn, maxMissingFail, maxOutliersWarn, maxOutliersFail,
                minClassSizeWarn, minClassSizeFail, maxFlatFeaturesWarn, maxFlatFeaturesFail,
                outlierMadK, outlierMinDrop, nearConstantSd, nearConstantShare);
        Dataset dataset = DatasetFile.read(input);
        Log.info("dataset '" + dataset.name() + "': " + dataset.sampleCount() + " samples x " + dataset.featureCount() + " features");
        QcReport report = QcAnalysis.run(dataset, thresholds);
        try {
            QcReportWriter.writeTsv(report, outputTsv);
            QcReportWriter.writeJson(report, outputJson);
        } catch (IOException e) {
            throw UserException.badParameter("cannot write QC output: " + e.getMessage());
        }
        for (QcCheck c : report.checks()) {
            String line = c.name() + ": " + c.status().json() + " (" + c.message() + ")";
            if (c.status() == QcCheck.Status.PASS) {
                Log.info(line);
            } else {
                Log.warn(line);
            }
        }
        if (failOnFail && report.anyFailed()) {
            throw UserException.unsuitable("QC failed (--fail-on-fail): " + report.checks().stream()
                    .filter(c -> c.status() == QcCheck.Status.FAIL)
                    .map(c -> c.name() + " = " + Canonical.number(c.value()))
                    .collect(Collectors.joining(", ")));
        }
    }
}
