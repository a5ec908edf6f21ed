package org.exprflow.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The column-reading path of .xfd files (landmark-fit's): the same values as the full reader, the
 * same one-line errors, and memory for the chosen columns only, not for the file's other features.
 */
@Tag("unit")
class DatasetFileColumnsTest {
    @TempDir
    Path dir;

    /** samples x features with NaNs, two sample annotations, a target and feature annotations. */
    private static Dataset dataset(int samples, int features) {
        double[][] v = new double[samples][features];
        List<String> ids = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            ids.add("f" + j);
            symbols.add(j % 5 == 0 ? null : "G" + j);
        }
        List<String> sampleIds = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        double[] label = new double[samples];
        for (int i = 0; i < samples; i++) {
            sampleIds.add("s" + i);
            batch.add("b" + (i % 3));
            label[i] = i % 2;
            for (int j = 0; j < features; j++) {
                v[i][j] = (i * 31 + j * 7) % 11 == 0 ? Double.NaN : Math.sin(i * 0.37 + j * 1.3) * 1e3 + j;
            }
        }
        Map<String, List<String>> feat = new LinkedHashMap<>();
        feat.put(FeatureAnnotations.SYMBOL, symbols);
        return new Dataset("d", sampleIds, ids, FeatureIdType.PROBE, v, Map.of("batch", batch),
                List.of(Target.nominal("label", List.of("a", "b"), label)), ValueKind.EXPRESSION,
                new FeatureAnnotations(feat, features));
    }

    @Test
    void chosenColumnsHoldTheFullReadersValuesInTheChosenOrder() throws IOException {
        Path f = dir.resolve("d.xfd");
        DatasetFile.write(dataset(23, 40), f);
        int[] cols = {39, 0, 17, 5, 6, 21};
        Dataset full = DatasetFile.read(f);
        Dataset some = DatasetFile.readColumns(f, cols);
        Dataset expected = full.subsetFeatures(cols);
        assertEquals(expected.featureIds(), some.featureIds());
        assertEquals(expected.sampleIds(), some.sampleIds());
        assertEquals(expected.annotations(), some.annotations());
        assertEquals(expected.featureAnnotations().columns(), some.featureAnnotations().columns());
        assertEquals(expected.targets().get(0).levels(), some.targets().get(0).levels());
        for (int i = 0; i < full.sampleCount(); i++) {
            // assertArrayEquals on doubles compares bits through Double.equals: NaN == NaN, exact otherwise
            assertArrayEquals(expected.row(i), some.row(i), 0.0, "row " + i);
            assertEquals(expected.targets().get(0).value(i), some.targets().get(0).value(i));
        }
        // Written back, the column dataset is byte for byte the full one's subset.
        Path a = dir.resolve("a.xfd");
        Path b = dir.resolve("b.xfd");
        DatasetFile.write(expected, a);
        DatasetFile.write(some, b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void headerHasTheIdsAndNoValues() throws IOException {
        Path f = dir.resolve("d.xfd");
        DatasetFile.write(dataset(4, 7), f);
        DatasetFile.Header h = DatasetFile.readHeader(f);
        assertEquals("d", h.name());
        assertEquals(FeatureIdType.PROBE, h.featureIdType());
        assertEquals(List.of("s0", "s1", "s2", "s3"), h.sampleIds());
        assertEquals(7, h.featureCount());
        assertEquals("f6", h.featureIds().get(6));
    }

    @Test
    void badFilesAreOneLineErrorsNamingTheFile() throws IOException {
        Path f = dir.resolve("d.xfd");
        DatasetFile.write(dataset(5, 9), f);
        byte[] bytes = Files.readAllBytes(f);
        Path truncated = dir.resolve("truncated.xfd");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 8));
        Path text = dir.resolve("text.xfd");
        Files.writeString(text, "gene\ts1\nA\t1\n");
        Path missing = dir.resolve("missing.xfd");
        int[] cols = {1, 2};
        for (Path bad : List.of(truncated, text, missing)) {
            UserException e = assertThrows(UserException.class, () -> DatasetFile.readColumns(bad, cols));
            assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertEquals(truncated + ": dataset file is truncated",
                assertThrows(UserException.class, () -> DatasetFile.readColumns(truncated, cols)).getMessage());
        assertEquals(text + ": not an exprflow dataset (.xfd); run 'exprflow import' first",
                assertThrows(UserException.class, () -> DatasetFile.readHeader(text)).getMessage());
        // A column outside the file, or chosen twice, is the caller's bug, not bad input.
        assertThrows(IllegalStateException.class, () -> DatasetFile.readColumns(f, new int[] {9}));
        assertThrows(IllegalStateException.class, () -> DatasetFile.readColumns(f, new int[] {2, 2}));
    }

    /**
     * Memory, measured as the bytes this thread allocates (exact, unlike timing or RSS): reading 3
     * columns of a 300 x 20,000 file (48 MB of values) allocates the ids and one row's buffer, not
     * the matrix; the stored dataset holds 3 values per sample.
     */
    @Test
    void memoryIsForTheChosenColumnsNotTheOthers() throws IOException {
        int samples = 300;
        int features = 20_000;
        Path f = dir.resolve("wide.xfd");
        DatasetFile.write(dataset(samples, features), f);
        int[] cols = {3, 19_999, 10_000};
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Dataset some = DatasetFile.readColumns(f, cols);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        long matrix = 8L * samples * features;
        for (int i = 0; i < samples; i++) {
            assertEquals(cols.length, some.row(i).length);
        }
        assertTrue(allocated < matrix / 10, "readColumns allocated " + allocated + " bytes; the whole matrix is " + matrix);

        before = threads.getCurrentThreadAllocatedBytes();
        DatasetFile.read(f);
        long full = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(full >= matrix, "the full reader allocates the matrix: " + full + " >= " + matrix);
    }
}
