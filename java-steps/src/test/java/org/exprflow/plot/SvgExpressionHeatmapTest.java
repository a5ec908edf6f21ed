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
import org.w3c.dom.NodeList;

/** The expression heatmap: well-formed SVG, one cell per gene and sample, labelled axes, legend and key, fixed colours. */
@Tag("unit")
class SvgExpressionHeatmapTest {
    private static final SvgExpressionHeatmap.Data DATA = new SvgExpressionHeatmap.Data(
            List.of("CST3", "M27891_at", "A&B"), List.of("S1", "S2", "S3", "S4"), new int[] {0, 0, 1, -1},
            List.of("ALL", "AML"), new double[][] {{-1, 0, 2, 5}, {Double.NaN, 1, -3, 0}, {0, 0, 0, 0}});

    @Test
    void cellsLabelsAndKey() throws Exception {
        String svg = SvgExpressionHeatmap.render(DATA, "samples (by class)", "genes", "z-score", "Top 3 genes");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList titles = doc.getElementsByTagName("title");
        int cells = 0;
        for (int i = 0; i < titles.getLength(); i++) {
            cells += titles.item(i).getTextContent().matches(".+, S\\d: .+") ? 1 : 0;
        }
        assertEquals(12, cells, "one cell per gene and sample");
        assertTrue(svg.contains(">samples (by class)</text>") && svg.contains(">genes</text>"), "axis labels");
        assertTrue(svg.contains(">A&amp;B</text>"), "row labels escaped");
        assertTrue(svg.contains(">ALL</text>") && svg.contains(">AML</text>") && svg.contains(">z-score</text>"), "legend");
        assertTrue(svg.contains("S4: no class"), "a sample without a class is marked");
        assertTrue(svg.contains("Top 3 genes"), "caption");
        assertTrue(svg.contains("CST3, S4: 5.00</title></rect>") && svg.contains("fill=\"#b2182b\"><title>CST3, S4"),
                "beyond the limit: the end colour");
        assertEquals(svg, SvgExpressionHeatmap.render(DATA, "samples (by class)", "genes", "z-score", "Top 3 genes"));
    }

    @Test
    void divergingColours() {
        assertEquals("#2166ac", SvgExpressionHeatmap.colour(-3));
        assertEquals("#2166ac", SvgExpressionHeatmap.colour(-10));
        assertEquals("#ffffff", SvgExpressionHeatmap.colour(0));
        assertEquals("#b2182b", SvgExpressionHeatmap.colour(3));
        assertEquals("#bdbdbd", SvgExpressionHeatmap.colour(Double.NaN));
    }
}
