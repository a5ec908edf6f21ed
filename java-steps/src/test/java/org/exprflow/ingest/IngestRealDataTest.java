package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import weka.core.Instances;
import weka.core.converters.ArffLoader;

/** The readers on real files: /work/shared/data (see SOURCES.md there) and GEOquery's extdata. */
@Tag("realdata")
class IngestRealDataTest {
    private static final String GEOQUERY = "/usr/lib/R/site-library/GEOquery/extdata/";

    @TempDir
    Path dir;

    private static Path geoquery(String name) {
        return TestEnvironment.systemFile(GEOQUERY + name, "r-bioc-geoquery");
    }

    private static Map<String, Integer> classCounts(Target t) {
        Map<String, Integer> m = new TreeMap<>();
        int[] counts = t.classCounts();
        for (int i = 0; i < counts.length; i++) {
            m.put(t.levels().get(i), counts[i]);
        }
        return m;
    }

    @Test
    void golubTrainingSetWithTheActualCsvSamplesheet() {
        Path train = TestEnvironment.sharedFile("golub/data_set_ALL_AML_train.csv.gz");
        Path actual = TestEnvironment.sharedFile("golub/actual.csv.gz");
        Path out = dir.resolve("golub.xfd");
        // actual.csv labels all 72 patients, the training file holds 38 of them
        IngestFixtures.Run r = run("import", "--input", train.toString(), "--samplesheet", actual.toString(),
                "--sample-column", "patient", "--label-column", "cancer", "--allow-extra-samples",
                "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("format: golub (detected)"), r.stderr());
        Dataset d = DatasetFile.read(out);
        assertEquals("data_set_ALL_AML_train", d.name());
        assertEquals(38, d.sampleCount());
        assertEquals(7129, d.featureCount());
        assertEquals(Map.of("ALL", 27, "AML", 11), classCounts(d.target("cancer")));
        // first data line: AFFX-BioB-5_at, patient 1 = -214, last column (patient 33) = -135
        assertEquals("AFFX-BioB-5_at", d.featureIds().get(0));
        assertEquals(-214, d.value(d.sampleIndex("1"), 0));
        assertEquals(-135, d.value(d.sampleIndex("33"), 0));
        // the training file lists patients 34-38 before 28-33
        assertEquals(List.of("26", "27", "34"), d.sampleIds().subList(25, 28));
    }

    @Test
    void golubWithoutAllowExtraSamplesNamesTheFirstForeignRow() {
        Path train = TestEnvironment.sharedFile("golub/data_set_ALL_AML_train.csv.gz");
        Path actual = TestEnvironment.sharedFile("golub/actual.csv.gz");
        Path out = dir.resolve("golub.xfd");
        IngestFixtures.Run r = run("--quiet", "import", "--input", train.toString(), "--samplesheet", actual.toString(),
                "--sample-column", "patient", "--label-column", "cancer", "--output", out.toString());
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.lines().get(0).startsWith("import: error: " + actual + ":40: sample '39' is not in the data file"),
                r.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void truncatedRealGzipIsOneLineWithTheByteOffset() throws IOException {
        byte[] whole = Files.readAllBytes(TestEnvironment.sharedFile("golub/data_set_ALL_AML_train.csv.gz"));
        Path cut = Files.write(dir.resolve("train_cut.csv.gz"), Arrays.copyOf(whole, whole.length * 2 / 3));
        Path out = dir.resolve("cut.xfd");
        IngestFixtures.Run r = run("--quiet", "import", "--input", cut.toString(), "--output", out.toString());
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.lines().size(), r.stderr());
        assertTrue(r.lines().get(0).startsWith("import: error: " + cut + ": byte "), r.stderr());
        assertTrue(r.lines().get(0).contains("gzip stream is truncated or corrupt"), r.stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void srbctArffMatchesWekasOwnLoaderExactly() throws IOException {
        Path file = TestEnvironment.sharedFile("biolab/02_SRBCT.arff.gz");
        Dataset d = ArffReader.read(file, ReaderOptions.defaults());
        assertEquals(83, d.sampleCount());
        assertEquals(2308, d.featureCount());
        assertEquals(Map.of("BL", 11, "EWS", 29, "NB", 18, "RMS", 25), classCounts(d.primaryTarget()));

        Instances weka;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ArffLoader loader = new ArffLoader();
            loader.setSource(in);
            weka = loader.getDataSet();
        }
        weka.setClassIndex(weka.numAttributes() - 1);
        assertEquals(weka.numInstances(), d.sampleCount());
        assertEquals(weka.numAttributes() - 1, d.featureCount());
        for (int a = 0; a < d.featureCount(); a++) {
            assertEquals(weka.attribute(a).name(), d.featureIds().get(a));
        }
        for (int i = 0; i < weka.numInstances(); i++) {
            double[] expected = Arrays.copyOf(weka.instance(i).toDoubleArray(), d.featureCount());
            assertArrayEquals(expected, d.row(i), "row " + (i + 1) + " differs from Weka");
            assertEquals(weka.instance(i).stringValue(weka.classIndex()), d.primaryTarget().label(i));
        }
    }

    @Test
    void gse781FamilySoftDefaultsToGpl96AndLabelsFromTheNamedField() {
        Path file = geoquery("GSE781_family.soft.gz");
        // 34 ^SAMPLE blocks: 17 on GPL96 (22283 probes) and 17 on GPL97; the tie goes to GPL96
        Dataset byTitle = GeoSoftReader.read(file, new ReaderOptions(null, "title",
                LabelMap.parse(List.of("Normal=normal", "Carcinoma=RCC")), null, null));
        assertEquals(17, byTitle.sampleCount());
        assertEquals(22283, byTitle.featureCount());
        assertTrue(byTitle.annotation("platform_id").stream().allMatch("GPL96"::equals));
        // titles of N2, N3, N4 say "Renal Clear Cell Carcinoma" although their source is normal tissue
        assertEquals(Map.of("normal", 5, "RCC", 12), classCounts(byTitle.primaryTarget()));
        Dataset bySource = GeoSoftReader.read(file, new ReaderOptions(null, "source_name_ch1",
                LabelMap.parse(List.of("normal tissue=normal", "Carcinoma tissue=RCC")), null, null));
        assertEquals(Map.of("normal", 8, "RCC", 9), classCounts(bySource.primaryTarget()));

        // values checked against the file text
        int gsm11805 = byTitle.sampleIndex("GSM11805");
        int gsm12444 = byTitle.sampleIndex("GSM12444");
        assertEquals(953.9, byTitle.value(gsm11805, byTitle.featureIds().indexOf("AFFX-BioB-5_at")));
        assertEquals(1946.9, byTitle.value(gsm11805, byTitle.featureIds().indexOf("1007_s_at")));
        assertEquals(26.4, byTitle.value(gsm11805, byTitle.featureIds().indexOf("222384_at")));
        assertEquals(2203.3, byTitle.value(gsm12444, byTitle.featureIds().indexOf("1007_s_at")));
        assertEquals(3.7, byTitle.value(gsm12444, byTitle.featureIds().indexOf("AFFX-TrpnX-M_at")));
    }

    @Test
    void gse781SecondPlatformOnRequest() {
        Dataset d = GeoSoftReader.read(geoquery("GSE781_family.soft.gz"),
                new ReaderOptions(null, null, LabelMap.none(), "GPL97", null));
        assertEquals(17, d.sampleCount());
        assertEquals(22645, d.featureCount());
        assertEquals("GSM11810", d.sampleId(0));
    }

    @Test
    void gds507SubsetsGiveTheDiseaseStateLabels() {
        Dataset d = GeoSoftReader.read(geoquery("GDS507.soft.gz"),
                new ReaderOptions("disease state", null, LabelMap.none(), null, null));
        assertEquals(17, d.sampleCount());
        assertEquals(22645, d.featureCount());
        assertEquals(Map.of("RCC", 9, "normal", 8), classCounts(d.primaryTarget()));
        assertEquals("normal", d.primaryTarget().label(d.sampleIndex("GSM12448")));
        assertEquals("035", d.annotation("individual").get(d.sampleIndex("GSM11815")));
        // 200000_s_at PRPF8: GSM11815 4254.000, GSM12448 3482.100
        assertEquals(4254.0, d.value(d.sampleIndex("GSM11815"), d.featureIds().indexOf("200000_s_at")));
        assertEquals(3482.1, d.value(d.sampleIndex("GSM12448"), d.featureIds().indexOf("200000_s_at")));
    }

    @Test
    void singleSampleGsmFile() {
        Path file = geoquery("GSM11805.txt.gz");
        assertEquals(InputFormat.GEO_SOFT, FormatDetector.detect(file));
        Dataset d = GeoSoftReader.read(file, ReaderOptions.defaults());
        assertEquals(List.of("GSM11805"), d.sampleIds());
        assertEquals(22283, d.featureCount());
        assertEquals(953.9, d.value(0, 0));
        assertEquals(26.4, d.value(0, d.featureIds().indexOf("222384_at")));
        assertEquals("N035 Normal Human Kidney U133A", d.annotation("title").get(0));
    }
}
