package org.exprflow.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The PCA plot: a dot per sample, a diamond per QC outlier, labelled axes, class and outlier legend. */
@Tag("unit")
class SvgPcaPlotTest {
    private static final SvgPcaPlot.Points POINTS = new SvgPcaPlot.Points(List.of("S1", "S2", "S3", "S4"),
            new double[] {-2, -1, 1, 2}, new double[] {0.5, -0.5, 0.2, -0.1}, new int[] {0, 0, 1, 1},
            new boolean[] {false, false, true, false}, List.of("ALL", "AML"));

    @Test
    void pointsOutliersAxesAndLegend() throws Exception {
        String svg = SvgPcaPlot.render(POINTS, "PC1 (60.0% of variance)", "PC2 (20.0% of variance)", "PCA of 4 samples");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        // 3 samples and 2 class legend dots as circles; 1 outlier and the legend's outlier symbol as diamonds
        assertEquals(5, doc.getElementsByTagName("circle").getLength());
        assertEquals(2, doc.getElementsByTagName("path").getLength());
        assertTrue(svg.contains("S3 (AML), QC outlier</title></path>"));
        assertTrue(svg.contains(">PC1 (60.0% of variance)</text>") && svg.contains(">PC2 (20.0% of variance)</text>"));
        assertTrue(svg.contains(">QC outlier</text>") && svg.contains(">ALL</text>") && svg.contains(">AML</text>"));
        assertTrue(svg.contains(">PCA of 4 samples</text>"));
        assertEquals(svg, SvgPcaPlot.render(POINTS, "PC1 (60.0% of variance)", "PC2 (20.0% of variance)", "PCA of 4 samples"));
    }

    @Test
    void legendSaysWhenNoSampleIsFlagged() {
        SvgPcaPlot.Points none = new SvgPcaPlot.Points(POINTS.labels(), POINTS.x(), POINTS.y(), POINTS.group(),
                new boolean[4], POINTS.groups());
        assertTrue(SvgPcaPlot.render(none, "PC1", "PC2", "c").contains(">QC outlier (none)</text>"));
    }
}
