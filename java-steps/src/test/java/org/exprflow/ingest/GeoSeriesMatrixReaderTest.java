package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class GeoSeriesMatrixReaderTest {

    private static ReaderOptions options(String key, String field, String... map) {
        return new ReaderOptions(key, field, LabelMap.parse(Arrays.asList(map)), null, null);
    }

    @Test
    void readsTheTableTransposedWithGsmIds() {
        Dataset d = GeoSeriesMatrixReader.read(fixture("geo_series_small.txt"), ReaderOptions.defaults());
        assertEquals(List.of("GSM11", "GSM12", "GSM13"), d.sampleIds());
        assertEquals(List.of("1007_s_at", "1053_at"), d.featureIds());
        assertArrayEquals(new double[] {10.5, 3.5}, d.row(0));
        assertArrayEquals(new double[] {11.25, Double.NaN}, d.row(1));
        assertArrayEquals(new double[] {9, 4.125}, d.row(2));
        assertTrue(d.targets().isEmpty(), "no label option, no labels");
    }

    @Test
    void keepsTitleSourceAndEachCharacteristicsKeyAsAnnotations() {
        Dataset d = GeoSeriesMatrixReader.read(fixture("geo_series_small.txt"), ReaderOptions.defaults());
        assertEquals(List.of("title", "source_name_ch1", "disease state", "age", "sex"),
                List.copyOf(d.annotations().keySet()));
        assertEquals(List.of("AML patient 1", "healthy donor 1", "AML patient 2"), d.annotation("title"));
        assertEquals(Arrays.asList("61", "45", null), d.annotation("age"));
        assertEquals(Arrays.asList(null, null, "F"), d.annotation("sex"));
    }

    @Test
    void labelsFromACharacteristicsKey() {
        Dataset d = GeoSeriesMatrixReader.read(fixture("geo_series_small.txt"), options("disease state", null));
        assertEquals(List.of("AML", "normal", "AML"), d.primaryTarget().labels());
    }

    @Test
    void labelsFromAFieldThroughOrderedRules() {
        // "AML" also matches the catch-all second rule: the first matching rule must win
        Dataset d = GeoSeriesMatrixReader.read(fixture("geo_series_small.txt"),
                options(null, "!Sample_title", "AML=leukaemia", "patient|donor=other"));
        assertEquals(List.of("leukaemia", "other", "leukaemia"), d.primaryTarget().labels());
        Dataset bySource = GeoSeriesMatrixReader.read(fixture("geo_series_small.txt"),
                options(null, "source_name_ch1", "marrow=BM"));
        assertEquals(Arrays.asList("BM", null, "BM"), bySource.primaryTarget().labels(), "no match = unlabelled");
    }

    @Test
    void anUnknownLabelKeyIsAParameterErrorListingTheKeys() {
        UserException e = assertThrows(UserException.class,
                () -> GeoSeriesMatrixReader.read(fixture("geo_series_small.txt"), options("diagnosis", null)));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("available: disease state, age, sex"), e.getMessage());
    }
}
