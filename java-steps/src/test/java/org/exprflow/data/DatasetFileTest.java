package org.exprflow.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .xfd format: value kind and feature annotations round-trip (format 2); format 1 files still read. */
@Tag("unit")
class DatasetFileTest {
    @TempDir
    Path dir;

    private static Dataset counts() {
        Map<String, List<String>> symbols = new LinkedHashMap<>();
        symbols.put(FeatureAnnotations.SYMBOL, Arrays.asList("TP53", null, "GAPDH"));
        symbols.put(FeatureAnnotations.LENGTH, List.of("100", "200", "300"));
        return new Dataset("d", List.of("s1", "s2"), List.of("ENSG1", "ENSG2", "ENSG3"), FeatureIdType.ENSEMBL,
                new double[][] {{1, 0, 2.5}, {4, 5, 6}}, Map.of(), List.of(), ValueKind.COUNTS,
                new FeatureAnnotations(symbols, 3));
    }

    @Test
    void valueKindAndFeatureAnnotationsRoundTrip() throws IOException {
        Path f = dir.resolve("d.xfd");
        DatasetFile.write(counts(), f);
        Dataset back = DatasetFile.read(f);
        assertEquals(ValueKind.COUNTS, back.valueKind());
        assertEquals(Arrays.asList("TP53", null, "GAPDH"), back.featureAnnotations().column(FeatureAnnotations.SYMBOL));
        assertEquals("300", back.featureAnnotations().column(FeatureAnnotations.LENGTH).get(2));
        Path again = dir.resolve("again.xfd");
        DatasetFile.write(back, again);
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again));
    }

    @Test
    void annotationsFollowFeatureSubsetsAndKindSurvivesSampleSubsets() {
        Dataset sub = counts().subsetFeatures(new int[] {2, 0});
        assertEquals(List.of("GAPDH", "TP53"), sub.featureAnnotations().column(FeatureAnnotations.SYMBOL));
        assertEquals("GAPDH", sub.featureAnnotations().symbol(0));
        assertEquals(ValueKind.COUNTS, counts().subsetSamples(new int[] {1}).valueKind());
        assertEquals(ValueKind.COUNTS, counts().withValues(new double[][] {{0, 0, 0}, {0, 0, 0}}).valueKind());
    }

    @Test
    void aFormatOneFileReadsAsExpressionWithoutFeatureAnnotations() throws IOException {
        Path f = dir.resolve("v1.xfd");
        try (OutputStream raw = Files.newOutputStream(f); DataOutputStream out = new DataOutputStream(raw)) {
            out.write(new byte[] {'X', 'F', 'D', 'S'});
            out.writeInt(1);
            out.writeUTF("old");
            out.writeUTF("PROBE");
            out.writeInt(1);
            out.writeUTF("s1");
            out.writeInt(2);
            out.writeUTF("p1");
            out.writeUTF("p2");
            out.writeInt(0); // annotations
            out.writeInt(0); // targets
            out.writeByte(0);
            ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            b.putDouble(7.5).putDouble(8.5);
            out.write(b.array());
        }
        Dataset d = DatasetFile.read(f);
        assertEquals(ValueKind.EXPRESSION, d.valueKind());
        assertTrue(d.featureAnnotations().isEmpty());
        assertArrayEquals(new double[] {7.5, 8.5}, d.row(0));
    }
}
