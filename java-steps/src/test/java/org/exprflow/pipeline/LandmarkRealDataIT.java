package org.exprflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.exprflow.stepfile.DgexSummary;
import org.exprflow.testing.Cli;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * --analysis landmark through ./nextfloww on real arrays: GEOquery's GSE781 family SOFT (17
 * HG-U133A samples, Debian's r-bioc-geoquery) with D-GEX's probe maps (../shared/data/landmark),
 * the targets scattered in 3 chunks. The published per-target and summary tables must be
 * byte-identical to the same chain run through the CLI in one chunk (import, normalise with the
 * pipeline's defaults, landmark-fit, landmark-summary): the scatter, the gather and the pipeline's
 * option passing change nothing. The figures themselves are those of GseLandmarkRealDataTest.
 */
@Tag("pipeline")
class LandmarkRealDataIT {

    @Test
    void gse781ThroughThePipelineEqualsTheCliChain() throws Exception {
        Path soft = TestEnvironment.systemFile("/usr/lib/R/site-library/GEOquery/extdata/GSE781_family.soft.gz", "r-bioc-geoquery");
        Path lm = TestEnvironment.sharedFile("landmark/map_lm.txt");
        Path tg = TestEnvironment.sharedFile("landmark/map_tg.txt");
        ResumeIT.Launch launch = new ResumeIT.Launch("landmark-gse781");
        String learners = "linear;ridge:10";
        ResumeIT.Result run = launch.run("a", Map.of(), "--analysis", "landmark", "--input", soft.toString(),
                "--input_format", "geo-soft", "--platform", "GPL96", "--landmarks", lm.toString(), "--targets", tg.toString(),
                "--landmark_learner", learners, "--target_chunks", "3", "--seed", "42");
        assertEquals(0, run.exitCode(), run.describe());

        Path cli = launch.dir.resolve("cli");
        Files.createDirectories(cli);
        ok("import", "--input", soft.toString(), "--format", "geo-soft", "--platform", "GPL96", "--output", cli.resolve("raw.xfd").toString());
        ok("normalise", "--input", cli.resolve("raw.xfd").toString(), "--log2", "auto", "--output", cli.resolve("d.xfd").toString());
        ok("landmark-fit", "--input", cli.resolve("d.xfd").toString(), "--landmarks", lm.toString(), "--targets", tg.toString(),
                "--learner", learners, "--seed", "42", "--split-sizes", "0.7,0.1,0.2", "--output", cli.resolve("whole.tsv").toString());
        ok("landmark-summary", "--input", cli.resolve("whole.tsv").toString(), "--output-targets", cli.resolve("targets.tsv").toString(),
                "--output-summary", cli.resolve("summary.tsv").toString());

        String id = "GSE781_family";
        Path targets = run.outdir().resolve("metrics/" + id + ".landmark_targets.tsv");
        Path summary = run.outdir().resolve("metrics/" + id + ".landmark_summary.tsv");
        assertTrue(Files.isRegularFile(targets) && Files.isRegularFile(summary), run.describe());
        assertArrayEquals(Files.readAllBytes(cli.resolve("targets.tsv")), Files.readAllBytes(targets), "per-target table");
        assertArrayEquals(Files.readAllBytes(cli.resolve("summary.tsv")), Files.readAllBytes(summary), "D-GEX summary");

        DgexSummary s = DgexSummary.read(summary);
        List<String> lines = Files.readAllLines(summary);
        System.out.println("GSE781 through the pipeline (3 chunks):\n" + String.join("\n", lines));
        assertEquals(5765, s.line("test", "linear").targets(), "D-GEX targets that are GPL96 probes");
        assertTrue(s.line("test", "linear").maeMean() < s.line("test", "mean").maeMean(), s.render("test"));
        assertTrue(Files.readString(run.outdir().resolve("report/" + id + ".report.html")).contains("<section id=\"landmark\">"));
    }

    private static void ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exitCode(), r.stderr());
    }
}
