package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class GeoSoftReaderTest {

    @Test
    void readsThePlatformWithMostSamplesAndAlignsProbesByIdRef() {
        Dataset d = GeoSoftReader.read(fixture("gse_family_small.soft"), ReaderOptions.defaults());
        assertEquals(List.of("GSM91", "GSM92"), d.sampleIds());
        // GSM92 lists its probes in another order and has one more; GSM91 gets NA for it
        assertEquals(List.of("p1", "p2", "p3"), d.featureIds());
        assertArrayEquals(new double[] {100.5, 20, Double.NaN}, d.row(0));
        assertArrayEquals(new double[] {200, 30.25, 7}, d.row(1));
        assertEquals(List.of("N01 normal kidney", "C01 carcinoma"), d.annotation("title"));
        assertEquals(Arrays.asList("kidney", null), d.annotation("tissue"));
        assertEquals(List.of("GPL1", "GPL1"), d.annotation("platform_id"));
    }

    @Test
    void readsAnotherPlatformOnRequest() {
        Dataset d = GeoSoftReader.read(fixture("gse_family_small.soft"),
                new ReaderOptions(null, null, LabelMap.none(), "GPL2", null));
        assertEquals(List.of("GSM93"), d.sampleIds());
        assertEquals(List.of("q1"), d.featureIds());
        assertArrayEquals(new double[] {5.5}, d.row(0));
    }

    @Test
    void anAbsentPlatformIsAParameterErrorWithTheCounts() {
        UserException e = assertThrows(UserException.class, () -> GeoSoftReader.read(fixture("gse_family_small.soft"),
                new ReaderOptions(null, null, LabelMap.none(), "GPL3", null)));
        assertTrue(e.getMessage().contains("GPL1 2, GPL2 1"), e.getMessage());
    }

    @Test
    void labelsComeFromTheFieldTheUserNames() {
        LabelMap rules = LabelMap.parse(List.of("^N=normal", "^C=RCC"));
        Dataset byTitle = GeoSoftReader.read(fixture("gse_family_small.soft"),
                new ReaderOptions(null, "title", rules, null, null));
        assertEquals(List.of("normal", "RCC"), byTitle.primaryTarget().labels());
        Dataset bySource = GeoSoftReader.read(fixture("gse_family_small.soft"),
                new ReaderOptions(null, "source_name_ch1", LabelMap.none(), null, null));
        assertEquals(List.of("normal tissue", "tumour tissue"), bySource.primaryTarget().labels());
    }

    @Test
    void readsGdsSubsetsAsAnnotationsAndLabels() {
        Dataset d = GeoSoftReader.read(fixture("gds_small.soft"),
                new ReaderOptions("disease state", null, LabelMap.none(), null, null));
        assertEquals(List.of("GSM1", "GSM2", "GSM3"), d.sampleIds());
        assertEquals(List.of("200000_s_at", "200001_at"), d.featureIds());
        assertArrayEquals(new double[] {4254.0, 17996.2}, d.row(0));
        assertArrayEquals(new double[] {Double.NaN, 10283.5}, d.row(2));
        assertEquals(List.of("normal", "RCC", "RCC"), d.primaryTarget().labels());
        assertEquals(Arrays.asList("035", "035", null), d.annotation("individual"));
    }
}
