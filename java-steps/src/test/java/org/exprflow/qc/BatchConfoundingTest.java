package org.exprflow.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import org.exprflow.cli.Main;
import org.exprflow.data.Batches;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;
import org.exprflow.stepfile.StepJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QC's batch × class table: Cramér's V, batches of one class, the warning, and the report's table. */
@Tag("unit")
class BatchConfoundingTest {

    /** Hand-computed: chi² = 2 (2.5²/5.5 + 2.5²/4.5) = 5.0505, n = 20, V = sqrt(chi² / 20) = 0.50252 (R: chisq.test(correct = FALSE)). */
    @Test
    void cramersVOfKnownTables() {
        assertEquals(1.0, BatchConfounding.cramersV(new int[][] {{10, 0}, {0, 10}}), 1e-12);
        assertEquals(0.0, BatchConfounding.cramersV(new int[][] {{5, 5}, {5, 5}}), 1e-12);
        assertEquals(Math.sqrt(2 * (6.25 / 5.5 + 6.25 / 4.5) / 20), BatchConfounding.cramersV(new int[][] {{8, 2}, {3, 7}}), 1e-12);
        assertEquals(0.50252, BatchConfounding.cramersV(new int[][] {{8, 2}, {3, 7}}), 1e-5);
        // An empty batch row does not count towards min(rows, columns) - 1.
        assertEquals(1.0, BatchConfounding.cramersV(new int[][] {{10, 0}, {0, 0}, {0, 10}}), 1e-12);
        assertTrue(Double.isNaN(BatchConfounding.cramersV(new int[][] {{3, 4}})));
    }

    /**
     * 5 batches, one holding only normal samples and another only biopsies (the case): QC
     * warns, names both batches, writes the table, and the report shows it.
     */
    @Test
    void aBatchOfOneClassIsFlaggedInQcAndTheReport(@TempDir Path tmp) throws Exception {
        List<String> labels = new ArrayList<>();
        List<String> batches = new ArrayList<>();
        String[][] plan = {{"b1", "normal", "6"}, {"b2", "biopsy", "6"}, {"b3", "mixed", "6"}, {"b4", "mixed", "6"},
            {"b5", "mixed", "6"}};
        for (String[] b : plan) {
            for (int k = 0; k < Integer.parseInt(b[2]); k++) {
                labels.add(b[1].equals("mixed") ? (k % 2 == 0 ? "normal" : "biopsy") : b[1]);
                batches.add(b[0]);
            }
        }
        int n = labels.size();
        Random rng = new Random(3);
        double[][] v = new double[n][20];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("s" + (i + 1));
            for (int g = 0; g < 20; g++) {
                v[i][g] = 8 + rng.nextGaussian();
            }
        }
        List<String> features = new ArrayList<>();
        for (int g = 0; g < 20; g++) {
            features.add("g" + g);
        }
        Dataset d = new Dataset("batches", ids, features, FeatureIdType.OTHER, v, Map.of(Batches.ANNOTATION, batches),
                List.of(Target.nominal("label", labels)));
        Path xfd = tmp.resolve("d.xfd");
        DatasetFile.write(d, xfd);
        assertEquals(0, Main.run("--quiet", "qc", "--input", xfd.toString(), "--output-tsv", tmp.resolve("qc.tsv").toString(),
                "--output-json", tmp.resolve("qc.json").toString()));
        JsonNode root = StepJson.QC.read(tmp.resolve("qc.json"));
        JsonNode table = root.path("batches").path("label");
        assertEquals("[\"b1\",\"b2\"]", table.path("single_class_batches").toString());
        assertEquals("[[0,6],[6,0],[3,3],[3,3],[3,3]]", table.path("counts").toString());
        assertEquals("[\"biopsy\",\"normal\"]", table.path("classes").toString());
        // chi² = 6 + 6 (b1, b2: |6 - 3|² / 3 twice each) = 12, n = 30, V = sqrt(12 / 30)
        assertEquals(Math.sqrt(12.0 / 30), table.path("cramers_v").doubleValue(), 1e-9);
        JsonNode check = null;
        for (JsonNode c : root.path("checks")) {
            if (c.path("name").textValue().equals("batch_confounding")) {
                check = c;
            }
        }
        assertEquals("warn", check.path("status").textValue());
        assertTrue(check.path("message").textValue().contains("one class only in batch(es) b1, b2"));

        Path html = tmp.resolve("report.html");
        assertEquals(0, Main.run("--quiet", "report", "--qc", tmp.resolve("qc.json").toString(), "--output", html.toString()));
        String report = Files.readString(html);
        assertTrue(report.contains("Batch × class: label"), report);
        assertTrue(report.contains("Cramér's V 0.632"), report);
        assertTrue(report.contains("batch(es) b1, b2 hold one class only"), report);
    }

    @Test
    void noBatchColumnMeansNoBatchCheck() {
        Dataset d = new Dataset("plain", List.of("a", "b", "c"), List.of("g"), FeatureIdType.OTHER,
                new double[][] {{1}, {2}, {3}}, Map.of(), List.of(Target.nominal("label", List.of("x", "y", "x"))));
        QcReport r = QcAnalysis.run(d, new QcThresholds(0.05, 0.2, 0, 5, 10, 5, 0.25, 0.75, 5, 0.01, 0.01, 0.95));
        assertTrue(r.batches().isEmpty());
        assertTrue(r.checks().stream().noneMatch(c -> c.name().equals(QcAnalysis.BATCH_CONFOUNDING)));
    }
}
