package org.exprflow.landmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureIdType;
import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.exprflow.stepfile.DgexSummary;
import org.exprflow.stepfile.TargetMetricsTable;

/**
 * The D-GEX task on real arrays: GEOquery's GSE781 (17 HG-U133A samples, GPL96, MAS5, log2 by the
 * normalise step) with D-GEX's probe maps. Small (12 training samples for 943 landmarks), so the
 * assertions are sanity only, at levels measured first (docs/landmark.md): on the 3 test samples
 * linear regression had mean MAE 0.782 against 0.867 for the training mean, and beat the mean on
 * 3,576 of 5,765 targets.
 */
@Tag("realdata")
class GseLandmarkRealDataTest {

    @TempDir
    Path dir;

    @Test
    void dgexProbeMapsOnGse781() throws Exception {
        Path soft = TestEnvironment.systemFile("/usr/lib/R/site-library/GEOquery/extdata/GSE781_family.soft.gz", "r-bioc-geoquery");
        Path lm = TestEnvironment.sharedFile("landmark/map_lm.txt");
        Path tg = TestEnvironment.sharedFile("landmark/map_tg.txt");
        run("import", "--input", soft.toString(), "--format", "geo-soft", "--platform", "GPL96", "--output", dir.resolve("raw.xfd").toString());
        run("normalise", "--input", dir.resolve("raw.xfd").toString(), "--output", dir.resolve("d.xfd").toString());

        Dataset d = DatasetFile.read(dir.resolve("d.xfd"));
        FeatureMatch m = FeatureMatch.match(d, GeneList.read(lm), GeneList.read(tg), FeatureIdType.PROBE);
        assertEquals(943, m.landmarkColumns().length, "every D-GEX landmark probe is on GPL96");
        assertEquals(5765, m.targetColumns().length, "D-GEX's targets that are GPL96 probes");
        assertEquals(3755, m.targetsAbsent());

        run("landmark-fit", "--input", dir.resolve("d.xfd").toString(), "--landmarks", lm.toString(), "--targets", tg.toString(),
                "--learner", "linear", "--output", dir.resolve("c.tsv").toString());
        TargetMetricsTable t = TargetMetricsTable.read(dir.resolve("c.tsv"));
        Map<String, Double> meanMae = new HashMap<>();
        t.rows().stream().filter(r -> r.set().equals(LandmarkFit.TEST) && r.learner().equals("mean"))
                .forEach(r -> meanMae.put(r.target(), r.mae()));
        List<TargetMetricsTable.Row> linear = t.rows().stream()
                .filter(r -> r.set().equals(LandmarkFit.TEST) && r.learner().equals("linear")).toList();
        assertEquals(5765, linear.size());
        assertTrue(linear.stream().allMatch(r -> Double.isFinite(r.mae()) && r.n() == 3), "every target evaluated on 3 test samples");
        long better = linear.stream().filter(r -> r.mae() < meanMae.get(r.target())).count();
        assertTrue(better > linear.size() / 2, "linear beats the training mean on most targets: " + better + " of " + linear.size());
        DgexSummary s = DgexSummaries.of(t, "linear");
        assertTrue(s.line("test", "linear").maeMean() < s.line("test", "mean").maeMean(), s.render("test"));
    }

    private static void run(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.stderr());
    }
}
