package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TsvMatrixReaderTest {

    @Test
    void readsATabSeparatedFeatureBySampleMatrix() {
        Dataset d = TsvMatrixReader.read(fixture("matrix_small.tsv"));
        assertEquals(List.of("S1", "S2", "S3"), d.sampleIds());
        assertEquals(List.of("f1", "f2"), d.featureIds());
        assertArrayEquals(new double[] {1.5, Double.NaN}, d.row(0));
        assertArrayEquals(new double[] {2, 0}, d.row(1));
        assertArrayEquals(new double[] {-3.25, 1000}, d.row(2));
        assertEquals(List.of(), d.targets());
    }

    @Test
    void detectsCommasFromTheHeaderAndReadsEmptyCellsAsNa() {
        Dataset d = TsvMatrixReader.read(fixture("matrix_small.csv"));
        assertEquals(List.of("S1", "S2"), d.sampleIds());
        assertEquals(List.of("TP53", "BRCA1"), d.featureIds());
        assertEquals(FeatureIdType.OTHER, d.featureIdType());
        assertArrayEquals(new double[] {1, 3.5}, d.row(0));
        assertArrayEquals(new double[] {2, Double.NaN}, d.row(1));
    }
}
