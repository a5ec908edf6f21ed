package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exprflow.testing.ReferencePython;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's scaled-down run of bench/classify-vs-sklearn.sh (issue 13): exprflow's whole pipeline and the
 * scikit-learn script on SRBCT with 3 outer folds, 2 x 2 inner folds and 2 permutations. It checks
 * that the comparison runs and that its table has the promised shape: a header, one row per data set
 * with both wall times, their ratio and both balanced accuracies, all numeric. The times and the
 * ratio are printed for the CI log and never compared with a threshold (speed is judged from the
 * benchmark's records, bench/README.md, not by a timed test); the balanced accuracies are only
 * checked to be proportions.
 */
@Tag("pipeline")
class ClassifyVsSklearnBenchIT {
    private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";
    private static final Pattern HEADER = Pattern.compile(
            "^dataset\\s+tier\\s+exprflow_s\\s+sklearn_s\\s+ratio\\s+exprflow_bal_acc\\s+sklearn_bal_acc$");
    private static final Pattern ROW = Pattern.compile(
            "^(\\w+)\\s+ci\\s+" + NUMBER + "\\s+" + NUMBER + "\\s+" + NUMBER + "\\s+" + NUMBER + "\\s+" + NUMBER + "$");

    @TempDir
    Path work;

    @Test
    void scaledDownComparisonPrintsBothWallTimesTheirRatioAndBothBalancedAccuracies() throws Exception {
        TestEnvironment.sharedFile("biolab/02_SRBCT.arff.gz");
        Path script = TestEnvironment.projectDir().resolve("bench/classify-vs-sklearn.sh");
        // The python3 that imports sklearn (skip outside CI, fail under CI=true when there is none).
        String python = ReferencePython.command(script).get(0);
        Path tsv = work.resolve("classify-vs-sklearn.ci.tsv");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "--ci").redirectErrorStream(true);
        pb.environment().put("BENCH_DIR", work.resolve("bench").toString());
        pb.environment().put("RESULTS_TSV", tsv.toString());
        pb.environment().put("SHARED_DATA", TestEnvironment.sharedData().toString());
        pb.environment().put("PYTHON", python);
        String jar = System.getProperty("exprflow.jar");
        if (jar != null && Files.isRegularFile(Path.of(jar))) {
            pb.environment().put("EXPRFLOW_JAR", jar);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), out);
        System.out.println(out);

        List<String> lines = out.lines().map(String::strip).toList();
        int header = lines.stream().filter(l -> HEADER.matcher(l).matches()).map(lines::indexOf).findFirst()
                .orElseThrow(() -> new AssertionError("no table header in:\n" + out));
        Matcher row = ROW.matcher(lines.get(header + 1));
        assertTrue(row.matches(), "one row per data set after the header:\n" + out);
        assertEquals("srbct", row.group(1));
        double exprflowSeconds = Double.parseDouble(row.group(2));
        double sklearnSeconds = Double.parseDouble(row.group(3));
        assertTrue(exprflowSeconds > 0 && sklearnSeconds > 0, row.group());
        // The ratio is the two wall times' quotient (rounded to 2 decimals), whatever its value.
        assertEquals(exprflowSeconds / sklearnSeconds, Double.parseDouble(row.group(4)), 0.006, row.group());
        for (int g = 5; g <= 6; g++) {
            double balancedAccuracy = Double.parseDouble(row.group(g));
            assertTrue(balancedAccuracy >= 0 && balancedAccuracy <= 1, "a balanced accuracy: " + row.group());
        }

        // The TSV record: its header and one row of the same figures, with the load average.
        List<String> records = Files.readAllLines(tsv);
        assertEquals(2, records.size(), String.join("\n", records));
        List<String> names = List.of(records.get(0).split("\t"));
        List<String> cells = List.of(records.get(1).split("\t", -1));
        assertEquals(names.size(), cells.size(), String.join("\n", records));
        for (String column : List.of("exprflow_wall_s", "sklearn_wall_s", "ratio", "exprflow_balanced_accuracy",
                "sklearn_balanced_accuracy", "exprflow_cpu_s", "sklearn_cpu_s", "load_before_exprflow",
                "load_before_sklearn")) {
            assertTrue(names.contains(column), "TSV column " + column + ": " + names);
            String cell = cells.get(names.indexOf(column));
            assertTrue(cell.matches(NUMBER), column + " is numeric: " + cell);
        }
        assertEquals(row.group(4), cells.get(names.indexOf("ratio")));
    }
}
