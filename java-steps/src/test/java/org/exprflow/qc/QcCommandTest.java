package org.exprflow.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.cli.Main;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;
import org.exprflow.io.Fields;
import org.exprflow.stepfile.StepJson;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The qc step end to end: fixture datasets with known answers, and the simulator's test data. */
@Tag("unit")
class QcCommandTest {
    private static final double NA = Double.NaN;

    /**
     * Six samples x five features, log-scale values (no log2 applied). Known answers:
     * missing fractions 0, 0.2, 0, 0, 0.4, 0; feature f3 is constant; id "dup" appears twice;
     * classes a=2, b=3 (one sample unlabelled).
     */
    private static Dataset fixture() {
        double[][] v = {
            {5.0, 7.0, 3.0, 9.0, 6.0},
            {5.5, NA, 3.0, 8.5, 6.2},
            {4.8, 7.4, 3.0, 9.3, 5.9},
            {5.2, 6.8, 3.0, 8.8, 6.1},
            {NA, 7.1, 3.0, 9.1, NA},
            {5.1, 7.2, 3.0, 8.9, 6.0},
        };
        List<String> labels = Arrays.asList("a", "b", "a", "b", "b", null);
        return new Dataset("fixture", List.of("s1", "s2", "s3", "s4", "s5", "s6"),
                List.of("f1", "dup", "f3", "dup", "f5"), FeatureIdType.OTHER, v, Map.of(),
                List.of(Target.nominal("label", labels)));
    }

    private static int qc(Path xfd, Path out, String... extra) {
        String[] args = Stream.concat(Stream.of("--quiet", "qc", "--input", xfd.toString(),
                "--output-tsv", out.resolve("qc.tsv").toString(), "--output-json", out.resolve("qc.json").toString()),
                Arrays.stream(extra)).toArray(String[]::new);
        return Main.run(args);
    }

    @Test
    void fixtureGivesKnownMissingFractionsConstantAndDuplicatedFeaturesAndClassCounts(@TempDir Path tmp) throws IOException {
        Path xfd = tmp.resolve("d.xfd");
        DatasetFile.write(fixture(), xfd);
        assertEquals(0, qc(xfd, tmp));

        List<String> tsv = Files.readAllLines(tmp.resolve("qc.tsv"));
        assertEquals(QcReportWriter.TSV_HEADER, tsv.get(0));
        assertEquals(7, tsv.size());
        List<String> missing = tsv.subList(1, 7).stream().map(l -> Fields.split(l, '\t').get(1)).toList();
        assertEquals(List.of("0", "0.2", "0", "0", "0.4", "0"), missing);
        // s1: values 3, 5, 6, 7, 9 -> min 3, q25 5, median 6, q75 7, max 9, mean 6
        assertEquals(List.of("s1", "0", "3", "5", "6", "7", "9", "6"), Fields.split(tsv.get(1), '\t').subList(0, 8));

        String json = Files.readString(tmp.resolve("qc.json"));
        // Keys sorted at every level, two-space layout.
        assertTrue(json.contains("\"features\": {\n    \"constant\": 1,\n    \"count\": 5,\n    \"duplicated_ids\": 1,\n"
                + "    \"near_constant\": 0\n  }"), json);
        assertTrue(json.contains("\"classes\": {\n    \"label\": {\n      \"a\": 2,\n      \"b\": 3\n    }\n  }"), json);
        assertTrue(json.contains("\"quantiles\": [\n        3,\n        5,\n        6,\n        7,\n        9\n      ]"), json);
        assertTrue(json.startsWith("{\n  \"checks\": [") && json.endsWith("\n}\n"), json);
        assertTrue(json.contains("\n  \"dataset\": \"fixture\",\n  \"exprflow_format\": 1,\n  \"exprflow_kind\": \"qc\",\n"
                + "  \"features\": {"), json);
        JsonNode root = StepJson.QC.read(tmp.resolve("qc.json"));
        // values 3..9 look log-scaled (the report draws them as they are)
        assertEquals("log", root.path("scale").textValue());
        // Largest per-sample missing fraction 0.4 > 0.2: fail; smallest class 2 < 5: fail.
        Map<String, JsonNode> checks = new java.util.HashMap<>();
        root.path("checks").forEach(c -> checks.put(c.path("name").textValue(), c));
        assertEquals("fail", checks.get("missing_fraction").path("status").textValue());
        assertEquals("0.4", checks.get("missing_fraction").path("value").asText());
        assertEquals("fail", checks.get("min_class_size").path("status").textValue());
        assertEquals(2, checks.get("min_class_size").path("value").intValue());
    }

    @Test
    void nearConstantFeaturesAreFoundBySdAndByADominantValue() {
        double[][] v = new double[40][3];
        for (int s = 0; s < 40; s++) {
            v[s][0] = s;                          // varies: not flagged
            v[s][1] = 8 + (s % 2) * 0.001;        // SD 0.0005 < 0.01
            v[s][2] = s == 0 ? 12 : 4;            // one value in 39 of 40 samples > 95%
        }
        Dataset d = new Dataset("nc", ids("s", 40), List.of("x", "y", "z"), FeatureIdType.OTHER, v, Map.of(), List.of());
        FeatureSummary f = QcAnalysis.run(d, defaults()).features();
        assertEquals(0, f.constant());
        assertEquals(2, f.nearConstant());
    }

    @Test
    void thresholdsDrivePassWarnAndFail(@TempDir Path tmp) throws IOException {
        Path xfd = tmp.resolve("d.xfd");
        DatasetFile.write(fixture(), xfd);
        // Worst sample misses 0.4 of its values.
        assertEquals("pass", missingStatus(tmp, xfd, "--max-missing-warn", "0.4", "--max-missing-fail", "0.5"));
        assertEquals("warn", missingStatus(tmp, xfd, "--max-missing-warn", "0.3", "--max-missing-fail", "0.5"));
        assertEquals("fail", missingStatus(tmp, xfd, "--max-missing-warn", "0.1", "--max-missing-fail", "0.39"));

        // A value equal to a threshold does not trip it, for "at most" and "at least" checks alike.
        assertEquals(QcCheck.Status.PASS, QcCheck.atMost(1, 1, 2));
        assertEquals(QcCheck.Status.WARN, QcCheck.atMost(2, 1, 2));
        assertEquals(QcCheck.Status.PASS, QcCheck.atLeast(2, 2, 1));
        assertEquals(QcCheck.Status.WARN, QcCheck.atLeast(2, 3, 2));
        assertEquals(QcCheck.Status.FAIL, QcCheck.atLeast(2, 3, 3));
    }

    private static String missingStatus(Path tmp, Path xfd, String... thresholds) throws IOException {
        assertEquals(0, qc(xfd, tmp, thresholds));
        String json = Files.readString(tmp.resolve("qc.json"));
        int at = json.indexOf("\"name\": \"missing_fraction\"");
        int status = json.indexOf("\"status\": \"", at) + 11;
        return json.substring(status, json.indexOf('"', status));
    }

    @Test
    void failingChecksExitZeroUnlessFailOnFailThenExit4WithOneLine(@TempDir Path tmp) throws IOException {
        Path xfd = tmp.resolve("d.xfd");
        DatasetFile.write(fixture(), xfd);
        assertEquals(0, qc(xfd, tmp));

        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.getSubcommands().get("qc").setErr(new PrintWriter(err));
        Path out2 = tmp.resolve("strict");
        int code = cli.execute("--quiet", "qc", "--input", xfd.toString(), "--output-tsv", out2.resolve("qc.tsv").toString(),
                "--output-json", out2.resolve("qc.json").toString(), "--fail-on-fail");
        assertEquals(4, code);
        String message = err.toString().strip();
        assertTrue(message.startsWith("qc: error: QC failed (--fail-on-fail): missing_fraction = 0.4"), message);
        assertFalse(message.contains("\n"), message);
        assertTrue(Files.exists(out2.resolve("qc.json")), "the report explaining the failure is written");
    }

    @Test
    void badThresholdsAreUsageErrorsWithoutOutput(@TempDir Path tmp) throws IOException {
        Path xfd = tmp.resolve("d.xfd");
        DatasetFile.write(fixture(), xfd);
        String[][] cases = {
            {"--max-missing-warn", "0.5", "--max-missing-fail", "0.2"},
            {"--max-missing-fail", "1.5"},
            {"--min-class-size-warn", "2", "--min-class-size-fail", "5"},
            {"--outlier-mad-k", "0"},
        };
        for (String[] bad : cases) {
            Path out = tmp.resolve("o" + Arrays.hashCode(bad));
            assertEquals(2, qc(xfd, out, bad), String.join(" ", bad));
            assertFalse(Files.exists(out.resolve("qc.tsv")));
        }
        Path out = tmp.resolve("missing-input");
        assertEquals(3, qc(tmp.resolve("absent.xfd"), out));
        assertFalse(Files.exists(out.resolve("qc.json")));
    }

    @Test
    void theSimulatorsDegradedArrayIsTheOnlyOutlierAndTwoRunsAreByteIdentical(@TempDir Path tmp) throws IOException {
        Path data = TestEnvironment.projectDir().resolve("test-data/classify");
        Dataset d = readSimulatedMatrix(data);
        String planted = Files.readAllLines(data.resolve("truth.tsv")).stream()
                .filter(l -> l.startsWith("outlier\t")).map(l -> l.split("\t")[1]).findFirst().orElseThrow();
        Path xfd = tmp.resolve("sim.xfd");
        DatasetFile.write(d, xfd);

        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, qc(xfd, a));
        assertEquals(0, qc(xfd, b));
        assertEquals(-1L, Files.mismatch(a.resolve("qc.tsv"), b.resolve("qc.tsv")));
        assertEquals(-1L, Files.mismatch(a.resolve("qc.json"), b.resolve("qc.json")));
        // simulated intensities are linear: the report draws them on a log2 axis
        assertEquals("linear", StepJson.QC.read(a.resolve("qc.json")).path("scale").textValue());

        List<String> flagged = new ArrayList<>();
        for (String line : Files.readAllLines(a.resolve("qc.tsv")).subList(1, 61)) {
            List<String> f = Fields.split(line, '\t');
            if (f.get(9).equals("true")) {
                flagged.add(f.get(0));
            }
        }
        assertEquals(List.of(planted), flagged);
        String json = Files.readString(a.resolve("qc.json"));
        assertTrue(json.contains("\"name\": \"outliers\",\n      \"status\": \"warn\",\n      \"value\": 1,"), json);
        assertTrue(json.contains("\"name\": \"min_class_size\",\n      \"status\": \"pass\",\n      \"value\": 12,"), json);
    }

    /** matrix.tsv (probes x samples) and samplesheet.csv of the simulator, read without the importer. */
    private static Dataset readSimulatedMatrix(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("matrix.tsv"));
        List<String> samples = Fields.split(lines.get(0), '\t').subList(1, Fields.split(lines.get(0), '\t').size());
        List<String> probes = new ArrayList<>();
        double[][] v = new double[samples.size()][lines.size() - 1];
        for (int p = 1; p < lines.size(); p++) {
            List<String> f = Fields.split(lines.get(p), '\t');
            probes.add(f.get(0));
            for (int s = 0; s < samples.size(); s++) {
                v[s][p - 1] = Fields.parseNumber(f.get(s + 1));
            }
        }
        List<String> labels = Files.readAllLines(dir.resolve("samplesheet.csv")).stream().skip(1)
                .map(l -> l.split(",")[1]).toList();
        return new Dataset("classify", samples, probes, FeatureIdType.PROBE, v, Map.of(),
                List.of(Target.nominal("label", labels)));
    }

    private static List<String> ids(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    private static QcThresholds defaults() {
        return new QcThresholds(0.05, 0.2, 0, 5, 10, 5, 0.25, 0.75, 5, 0.01, 0.01, 0.95);
    }
}
