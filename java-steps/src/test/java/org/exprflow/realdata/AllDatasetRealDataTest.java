package org.exprflow.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.testing.Cli;
import org.exprflow.testing.ReferenceR;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bioconductor ALL data set (Chiaretti et al. 2004, Debian package r-bioc-all) as docs/results.md
 * uses it: exported by bench/results/export_all.R (Biobase exprs() and pData()) to a features x
 * samples TSV and a samplesheet, then read by the import step. The expected figures are what R says
 * ({@code dim(exprs(ALL))}, {@code table(ALL$BT)}, {@code table(ALL$mol.biol)}), checked by hand
 * with R before they were written here.
 */
@Tag("realdata")
class AllDatasetRealDataTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // about 15 s on a quiet laptop; generous for shared CI
    void exportedAllImportsWithRsShapeAndClassCounts() throws Exception {
        Path script = TestEnvironment.projectDir().resolve("bench/results/export_all.R");
        assertTrue(Files.isRegularFile(script), script + " is missing");

        // --only-full: the BCR/ABL subset matrix is not needed here and would double the export time.
        String rOut = run(ReferenceR.command("--vanilla", script.toString(), dir.toString(), "--only-full"));
        Path matrix = dir.resolve("ALL.tsv");
        Path sheet = dir.resolve("ALL.samples.tsv");
        assertTrue(Files.isRegularFile(matrix) && Files.isRegularFile(sheet), "export wrote no files:\n" + rOut);

        Cli.Result r = Cli.run("import", "--input", matrix.toString(), "--format", "tsv", "--samplesheet", sheet.toString(),
                "--label-column", "lineage", "--label-column", "bcrabl", "--label-column", "mol.biol",
                "--output", dir.resolve("all.xfd").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        Dataset all = DatasetFile.read(dir.resolve("all.xfd"));

        // dim(exprs(ALL)): 12625 probe sets x 128 patients
        assertEquals(128, all.sampleCount());
        assertEquals(12625, all.featureCount());
        // Orientation and value check: exprs(ALL)["1000_at", "01005"] = 7.59732298116387 (15 digits
        // written by write.table); a transposed or shifted table would not give it.
        assertEquals(7.59732298116387, all.value(all.sampleIndex("01005"), all.featureIds().indexOf("1000_at")), 1e-12);

        // table(ALL$BT): B 5, B1 19, B2 36, B3 23, B4 12 -> B 95; T 5, T1 1, T2 15, T3 10, T4 2 -> T 33
        assertEquals(Map.of("B", 95, "T", 33), counts(all.target("lineage")));
        // table(ALL$mol.biol): BCR/ABL 37, NEG 74 of all 128 (plus ALL1/AF4 10, E2A/PBX1 5, NUP-98 1, p15/p16 1)
        Map<String, Integer> mol = counts(all.target("mol.biol"));
        assertEquals(37, mol.get("BCR/ABL"));
        assertEquals(74, mol.get("NEG"));
        // The BCR/ABL vs NEG task is B lineage only (every T-lineage sample is NEG):
        // table(ALL$mol.biol[grepl("^B", ALL$BT)]) gives BCR/ABL 37, NEG 42; the other 49 are unlabelled.
        Target bcrabl = all.target("bcrabl");
        assertEquals(Map.of("BCR/ABL", 37, "NEG", 42), counts(bcrabl));
        long unlabelled = java.util.stream.IntStream.range(0, bcrabl.size()).filter(bcrabl::isMissing).count();
        assertEquals(128 - 79, unlabelled);

        // R printed the same counts (the export script's summary lines).
        assertTrue(rOut.contains("lineage: B 95, T 33"), rOut);
        assertTrue(rOut.contains("bcrabl (B lineage): BCR/ABL 37, NEG 42"), rOut);
    }

    /** Labelled samples per class; unlabelled samples are not counted. */
    private static Map<String, Integer> counts(Target t) {
        Map<String, Integer> out = new LinkedHashMap<>();
        int[] c = t.classCounts();
        for (int i = 0; i < c.length; i++) {
            out.put(t.levels().get(i), c[i]);
        }
        return out;
    }

    /** Runs a command, returns its stdout and stderr; fails the test on a non-zero exit or after 100 s. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        // Read before waiting, so a full pipe buffer can never block R.
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(100, TimeUnit.SECONDS), "Rscript did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + text);
        return text;
    }
}
