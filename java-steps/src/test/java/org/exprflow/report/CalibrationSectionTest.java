package org.exprflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.testing.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's calibration section: the Brier table and the reliability diagrams. */
@Tag("unit")
class CalibrationSectionTest {
    @TempDir
    Path dir;

    private String report(String header, String rows) throws IOException {
        Path pred = dir.resolve("pred.tsv");
        Files.writeString(pred, header + rows);
        Path json = dir.resolve("m.json");
        Cli.Result e = Cli.run("evaluate", "--predictions", pred.toString(), "--bootstrap", "0",
                "--output-tsv", dir.resolve("m.tsv").toString(), "--output-json", json.toString());
        assertEquals(0, e.exitCode(), e.stderr());
        Path html = dir.resolve("r.html");
        Cli.Result r = Cli.run("report", "--metrics", json.toString(), "--output", html.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        return Files.readString(html);
    }

    @Test
    void twoClassesOneCurvePerDiagramAndTheUncalibratedBeside() throws IOException {
        String html = report("set\trepeat\tfold\tsample\tlearner\ttruth\tpredicted\tprob:A\tprob:B\n",
                "cv\t1\t1\ts1\tmodel\tA\tA\t0.9\t0.1\n"
                        + "cv\t1\t1\ts1\tmodel_uncalibrated\tA\tA\t1\t0\n"
                        + "cv\t1\t1\ts1\tZeroR\tA\tA\t0.5\t0.5\n"
                        + "cv\t1\t1\ts2\tmodel\tB\tB\t0.2\t0.8\n"
                        + "cv\t1\t1\ts2\tmodel_uncalibrated\tB\tB\t0\t1\n"
                        + "cv\t1\t1\ts2\tZeroR\tB\tA\t0.5\t0.5\n");
        assertTrue(html.contains("<section id=\"calibration\">"), html);
        assertTrue(html.contains("<th>model before calibration</th>"));
        // Brier: model 0.02 and 0.08 -> 0.05; uncalibrated 0; ZeroR 0.5
        assertTrue(html.contains("<tr><td>cv</td><td>0.0500</td><td>0.0000</td><td>0.5000</td></tr>"), html);
        List<String> plots = ReportHtml.plots(html, "plot reliability");
        assertEquals(2, plots.size());
        for (String svg : plots) {
            assertTrue(svg.contains(">mean predicted probability</text>"));
            assertTrue(svg.contains(">observed frequency</text>"));
            assertTrue(svg.contains("class=\"chance\""), "the diagonal");
            assertEquals(1, ReportHtml.count(svg, "<polyline"), "two classes: the second class's curve only");
            assertTrue(svg.contains(">B (Brier "));
        }
        assertTrue(plots.get(1).contains("model before calibration, pooled cross-validation predictions (2)"));
    }

    @Test
    void moreClassesOneCurvePerClassAndNoUncalibratedColumn() throws IOException {
        String html = report("set\trepeat\tfold\tsample\tlearner\ttruth\tpredicted\tprob:X\tprob:Y\tprob:Z\n",
                "cv\t1\t1\ts1\tmodel\tX\tX\t0.5\t0.3\t0.2\n"
                        + "cv\t1\t1\ts2\tmodel\tZ\tZ\t0.1\t0.1\t0.8\n"
                        + "cv\t1\t1\ts3\tmodel\tY\tY\t0.2\t0.7\t0.1\n");
        assertFalse(html.contains("model before calibration"));
        List<String> plots = ReportHtml.plots(html, "plot reliability");
        assertEquals(1, plots.size());
        assertEquals(3, ReportHtml.count(plots.get(0), "<polyline"));
    }
}
