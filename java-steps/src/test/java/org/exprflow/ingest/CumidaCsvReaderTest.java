package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.exprflow.data.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CumidaCsvReaderTest {

    @Test
    void readsSamplesProbesValuesAndTypeLabels() {
        Dataset d = CumidaCsvReader.read(fixture("cumida_small.csv"));
        assertEquals(List.of("GSM1001", "GSM1002", "GSM1003"), d.sampleIds());
        assertEquals(List.of("1007_s_at", "1053_at", "117_at"), d.featureIds(), "quoted probe ids are unquoted");
        assertEquals(FeatureIdType.PROBE, d.featureIdType());
        assertArrayEquals(new double[] {7.25, 5.5, -0.125}, d.row(0));
        assertArrayEquals(new double[] {8, Double.NaN, 150}, d.row(1));
        assertArrayEquals(new double[] {6.0, 4.75, 3}, d.row(2));
        Target label = d.primaryTarget();
        assertEquals("label", label.name());
        assertEquals(List.of("AML", "normal"), label.levels());
        assertEquals(List.of("AML", "normal", "AML"), label.labels());
    }
}
