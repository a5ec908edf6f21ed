package org.exprflow.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.testing.ReferenceR;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The score step on test-data/fixtures/score, an Xpresso-like case: predictions per versioned Ensembl
 * transcript (tab, header, one NA, tied scores, two transcripts missing from the map), a BioMart
 * transcript-to-gene map (gene column first), and TPMs per versioned gene in a CSV with an extra
 * column, scored on the log2(TPM + 1) scale. R joins the same files independently (sub() for the
 * versions, match() for the map, merge()) and computes cor(); its results are also written here as
 * literals, so the agreement is checked even where R is absent.
 */
@Tag("unit")
class ScoreRAgreementTest {
    @TempDir
    Path dir;

    private static Path fixture(String name) {
        return TestEnvironment.projectDir().resolve("test-data/fixtures/score").resolve(name);
    }

    private ScoreRun score() {
        ScoreRun run = ScoreRun.run(dir.resolve("out"),
                "--predictions", fixture("predictions.tsv").toString(),
                "--measurements", fixture("measurements.csv").toString(), "--meas-value-column", "TPM",
                "--id-map", fixture("id-map.tsv").toString(),
                "--map-from-column", "Transcript stable ID", "--map-to-column", "Gene stable ID",
                "--transform", "log2p1");
        assertEquals(0, run.result.exitCode(), run.result.stderr());
        return run;
    }

    @Test
    void matchesValuesComputedByR() {
        ScoreRun run = score();
        // counts: 29 prediction rows, 2 transcripts not in the map, 27 genes predicted, 28 measured,
        // 25 in common, one of them with an NA prediction
        assertEquals(29, run.metric("predictions_rows"));
        assertEquals(2, run.metric("predictions_unmapped_ids"));
        assertEquals(27, run.metric("predictions_ids"));
        assertEquals(28, run.metric("measurements_ids"));
        assertEquals(25, run.metric("matched"));
        assertEquals(2, run.metric("unmatched_predictions"));
        assertEquals(3, run.metric("unmatched_measurements"));
        assertEquals(24, run.metric("scored"));
        // R 4.x: cor(y, x), cor(y, x, method = "spearman"), sqrt(mean((y - x)^2)), mean(abs(y - x)),
        // 1 - SS_res / SS_tot, and the same RMSE / MAE for x = mean(y)
        assertEquals(0.50802443053373569, run.metric("pearson"), 1e-11);
        assertEquals(0.60805236027881526, run.metric("spearman"), 1e-11);
        assertEquals(2.3547878698727174, run.metric("rmse"), 1e-10);
        assertEquals(1.4388404650572291, run.metric("mae"), 1e-10);
        assertEquals(-0.12069886052400514, run.metric("r2"), 1e-11);
        assertEquals(2.2243715143648486, run.metric("baseline_rmse"), 1e-10);
        assertEquals(1.8240320861419439, run.metric("baseline_mae"), 1e-10);
    }

    @Test
    void agreesWithAnIndependentJoinInR() throws Exception {
        ScoreRun run = score();
        Path script = dir.resolve("score.R");
        Files.writeString(script, String.join("\n",
                "args <- commandArgs(trailingOnly = TRUE)",
                "p <- read.delim(args[1], stringsAsFactors = FALSE)",
                "m <- read.csv(args[2], stringsAsFactors = FALSE)",
                "map <- read.delim(args[3], stringsAsFactors = FALSE, check.names = FALSE)",
                "p$gene <- map[['Gene stable ID']][match(sub('\\\\.[0-9]+$', '', p$ID), map[['Transcript stable ID']])]",
                "m$gene <- sub('\\\\.[0-9]+$', '', m$gene_id)",
                "j <- merge(p[!is.na(p$gene), ], m, by = 'gene')",
                "j <- j[order(j$gene, method = 'radix'), ]",
                "y <- log2(j$TPM + 1)",
                "x <- j$SCORE",
                "ok <- !is.na(x) & !is.na(y)",
                "cat(nrow(j), sum(ok), sprintf('%.17g', cor(y[ok], x[ok])),",
                "    sprintf('%.17g', cor(y[ok], x[ok], method = 'spearman')), sep = '\\n')",
                "cat(sprintf('%s\\t%.17g\\t%.17g', j$gene, y, x), sep = '\\n')",
                ""));
        Process proc = new ProcessBuilder(ReferenceR.command(script.toString(),
                fixture("predictions.tsv").toString(), fixture("measurements.csv").toString(),
                fixture("id-map.tsv").toString())).redirectErrorStream(true).start();
        List<String> out = new String(proc.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, proc.waitFor(), String.join("\n", out));

        assertEquals(Integer.parseInt(out.get(0)), (int) run.metric("matched"));
        assertEquals(Integer.parseInt(out.get(1)), (int) run.metric("scored"));
        assertEquals(Double.parseDouble(out.get(2)), run.metric("pearson"), 1e-11);
        assertEquals(Double.parseDouble(out.get(3)), run.metric("spearman"), 1e-11);

        // the same joined pairs, in the same (byte) order of gene ids
        List<String> rPairs = out.subList(4, out.size());
        List<String> pairs = run.lines("pairs.tsv");
        assertEquals("## exprflow score-pairs 1", pairs.get(0));
        assertEquals("id\tmeasured\tpredicted", pairs.get(1));
        assertEquals(rPairs.size(), pairs.size() - 2);
        for (int i = 0; i < rPairs.size(); i++) {
            String[] r = rPairs.get(i).split("\t");
            String[] j = pairs.get(i + 2).split("\t");
            assertEquals(r[0], j[0], "row " + i);
            assertEquals(Double.parseDouble(r[1]), Double.parseDouble(j[1]), 1e-10, "measured of " + r[0]);
            if (r[2].equals("NA")) {
                assertEquals("NA", j[2], "predicted of " + r[0]);
            } else {
                assertEquals(Double.parseDouble(r[2]), Double.parseDouble(j[2]), 1e-12, "predicted of " + r[0]);
            }
        }
    }
}
