package org.exprflow.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The scatter plot: well-formed, self-contained SVG with r in the title and one point per pair. */
@Tag("unit")
class SvgScatterPlotTest {
    private static final double[] MEASURED = {0, 1, 2, 3, 4, Double.NaN, 5};
    private static final double[] PREDICTED = {0.5, 0.8, 2.5, 2.9, Double.NaN, 1, 5.5};

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void selfContainedWithRInTitleAndOnePointPerCompletePair() throws Exception {
        String svg = SvgScatterPlot.standalone(MEASURED, PREDICTED, "measured TPM <log>", "predicted", "Predicted vs measured: Pearson r = 0.988 (n = 5)");
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("Predicted vs measured: Pearson r = 0.988 (n = 5)",
                doc.getElementsByTagName("title").item(0).getTextContent());
        // pairs with NA on either side are not drawn
        assertEquals(5, doc.getElementsByTagName("circle").getLength());
        for (String external : new String[] {"href", "url(", "<image", "@import", "<script", "<style"}) {
            assertFalse(svg.contains(external), external);
        }
        // the axis label was escaped, not taken as markup
        assertEquals(1, svg.split("measured TPM &lt;log&gt;", -1).length - 1);
    }

    @Test
    void sameInputSameBytesAndPointsInsideTheFrame() throws Exception {
        String a = SvgScatterPlot.standalone(MEASURED, PREDICTED, "x", "y", "t");
        String b = SvgScatterPlot.standalone(MEASURED.clone(), PREDICTED.clone(), "x", "y", "t");
        assertArrayEquals(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        var circles = parse(a).getElementsByTagName("circle");
        for (int i = 0; i < circles.getLength(); i++) {
            Element c = (Element) circles.item(i);
            double cx = Double.parseDouble(c.getAttribute("cx"));
            double cy = Double.parseDouble(c.getAttribute("cy"));
            assertFalse(cx < 55 || cx > 375 || cy < 15 || cy > 335, cx + "," + cy);
        }
        // the first point (measured 0, predicted 0.5) sits left of the second (1, 0.8) and below it
        Element p0 = (Element) circles.item(0);
        Element p1 = (Element) circles.item(1);
        assertFalse(Double.parseDouble(p0.getAttribute("cx")) >= Double.parseDouble(p1.getAttribute("cx")));
        assertFalse(Double.parseDouble(p0.getAttribute("cy")) <= Double.parseDouble(p1.getAttribute("cy")));
    }
}
