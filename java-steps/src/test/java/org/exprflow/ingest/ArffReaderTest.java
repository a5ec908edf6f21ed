package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class ArffReaderTest {

    @Test
    void readsDenseRowsWithQuotesMissingValuesAndComments() {
        Dataset d = ArffReader.read(fixture("dense_small.arff"), ReaderOptions.defaults());
        assertEquals(3, new java.util.HashSet<>(d.sampleIds()).size());
        assertTrue(d.sampleIds().stream().allMatch(id -> id.matches("arff_[0-9a-f]{12}")), d.sampleIds().toString());
        assertEquals(List.of("g1", "gene two", "g3"), d.featureIds());
        assertArrayEquals(new double[] {1.5, 2.25, 3}, d.row(0));
        assertArrayEquals(new double[] {-0.5, Double.NaN, 7}, d.row(1));
        assertArrayEquals(new double[] {0.001, 4, Double.NaN}, d.row(2));
        assertEquals(List.of("BL", "EWS", "NB"), d.primaryTarget().labels(), "class = last nominal attribute");
        assertEquals(Arrays.asList("b1", "b2", null), d.annotation("batch"));
    }

    /** ARFF has no ids: a sample's id comes from its content, so reordering the rows keeps every id. */
    @Test
    void sampleIdsDoNotDependOnRowOrderAndIdenticalRowsAreNumbered(@TempDir Path dir) throws IOException {
        String header = "@relation r\n@attribute g1 numeric\n@attribute g2 numeric\n@attribute class {A,B}\n@data\n";
        Path ordered = Files.writeString(dir.resolve("a.arff"), header + "1,2,A\n3,4,B\n5,6,A\n");
        Path reordered = Files.writeString(dir.resolve("b.arff"), header + "5,6,A\n1,2,A\n3,4,B\n");
        List<String> a = ArffReader.read(ordered, ReaderOptions.defaults()).sampleIds();
        List<String> b = ArffReader.read(reordered, ReaderOptions.defaults()).sampleIds();
        assertEquals(List.of(a.get(2), a.get(0), a.get(1)), b);
        // the same values with another class are another sample
        Path relabelled = Files.writeString(dir.resolve("c.arff"), header + "1,2,B\n");
        assertNotEquals(a.get(0), ArffReader.read(relabelled, ReaderOptions.defaults()).sampleIds().get(0));
        Path twice = Files.writeString(dir.resolve("d.arff"), header + "1,2,A\n1,2,A\n");
        assertEquals(List.of(a.get(0), a.get(0) + "_2"), ArffReader.read(twice, ReaderOptions.defaults()).sampleIds());
    }

    @Test
    void aNamedAttributeBecomesTheClass() {
        Dataset d = ArffReader.read(fixture("dense_small.arff"),
                new ReaderOptions(null, null, LabelMap.none(), null, "batch"));
        assertEquals(Arrays.asList("b1", "b2", null), d.primaryTarget().labels());
        assertEquals(List.of("BL", "EWS", "NB"), d.annotation("class"));
        Dataset numeric = ArffReader.read(fixture("dense_small.arff"),
                new ReaderOptions(null, null, LabelMap.none(), null, "g3"));
        assertEquals(Target.Kind.NUMERIC, numeric.primaryTarget().kind());
        assertArrayEquals(new double[] {3, 7, Double.NaN}, numeric.primaryTarget().values());
        assertEquals(List.of("g1", "gene two"), numeric.featureIds());
    }

    @Test
    void readsSparseRowsWithWekaDefaults() {
        Dataset d = ArffReader.read(fixture("sparse_small.arff"), ReaderOptions.defaults());
        assertArrayEquals(new double[] {1.5, 0, 0}, d.row(0));
        assertArrayEquals(new double[] {0, -2, 0}, d.row(1));
        assertArrayEquals(new double[] {0, 0, Double.NaN}, d.row(2));
        // an omitted nominal value is its first declared level, as in Weka
        assertEquals(List.of("yes", "no", "yes"), d.primaryTarget().labels());
    }

    @Test
    void anUndeclaredNominalValueIsAnErrorAtItsLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.arff"),
                "@relation r\n@attribute x numeric\n@attribute c {a,b}\n@data\n1,a\n2,z\n");
        UserException e = assertThrows(UserException.class, () -> ArffReader.read(bad, ReaderOptions.defaults()));
        assertTrue(e.getMessage().endsWith("bad.arff:6: attribute 2 'c': 'z' is not one of its declared values [a, b]"),
                e.getMessage());
    }

    @Test
    void aDuplicateAttributeNameIsAnError(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("dup.arff"),
                "@relation r\n@attribute x numeric\n@attribute 'x' numeric\n@data\n1,2\n");
        UserException e = assertThrows(UserException.class, () -> ArffReader.read(bad, ReaderOptions.defaults()));
        assertTrue(e.getMessage().endsWith("dup.arff:3: duplicate attribute name 'x' (first on line 2)"), e.getMessage());
    }
}
