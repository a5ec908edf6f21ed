package org.exprflow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

/**
 * The Golub et al. 1999 training patients (38: 27 ALL, 11 AML) from ../shared/data as the realdata
 * tests use them: imported with their labels from actual.csv (which lists all 72 patients), then
 * floored at 100, ceilinged at 16000 and logged, as Golub's and Dudoit's preprocessing and
 * docs/results.md do.
 */
public final class GolubTraining {
    private GolubTraining() {
    }

    /** Writes DIR/golub.xfd (imported) and DIR/golub.norm.xfd (normalised); returns the latter. */
    public static Path normalised(Path dir) {
        Path raw = dir.resolve("golub.xfd");
        Path norm = dir.resolve("golub.norm.xfd");
        assertEquals(0, Cli.run("import", "--input", TestEnvironment.sharedFile("golub/data_set_ALL_AML_train.csv.gz").toString(),
                "--samplesheet", TestEnvironment.sharedFile("golub/actual.csv.gz").toString(), "--sample-column", "patient",
                "--label-column", "cancer", "--allow-extra-samples", "--output", raw.toString()).exitCode());
        assertEquals(0, Cli.run("normalise", "--input", raw.toString(), "--output", norm.toString(), "--floor", "100",
                "--ceiling", "16000", "--log2", "always").exitCode());
        return norm;
    }
}
