package org.exprflow.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each writer lays its file out like the real files of that format, and every format carries the
 * same values and labels as the simulated study (within the format's own rounding).
 */
@Tag("unit")
class FormatLayoutTest {
    @TempDir
    static Path dir;
    private static SimulatedStudy study;

    @BeforeAll
    static void writeAllFormats() throws IOException {
        study = ExpressionSimulator.simulate(new SimulationParameters(3, 24, 400, 3, 6));
        for (OutputFormat f : OutputFormat.values()) {
            f.write(study, dir, 3);
        }
        TsvMatrixWriter.writeSamplesheet(study, dir);
        TruthTableWriter.write(study, dir);
    }

    private static List<String> lines(String name) {
        List<String> out = new ArrayList<>();
        try (TextInput in = TextInput.open(dir.resolve(name))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                out.add(l);
            }
        }
        return out;
    }

    private static double parse(String cell) {
        Double v = Fields.parseNumber(cell);
        assertTrue(v != null, "not a number: '" + cell + "'");
        return v;
    }

    private static void assertSameValue(double expected, double actual, double tolerance, String where) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), where + ": expected NA, got " + actual);
        } else {
            assertEquals(expected, actual, tolerance, where);
        }
    }

    @Test
    void tsvMatrixIsProbesBySamplesWithNaForMissing() {
        List<String> l = lines("matrix.tsv");
        assertEquals("probe\t" + String.join("\t", study.sampleIds()), l.get(0));
        assertEquals(study.probeCount() + 1, l.size());
        for (int p = 0; p < study.probeCount(); p++) {
            List<String> f = Fields.split(l.get(p + 1), '\t');
            assertEquals(study.probeIds().get(p), f.get(0));
            for (int s = 0; s < study.sampleCount(); s++) {
                assertSameValue(study.intensity(s, p), parse(f.get(s + 1)), 0, "matrix.tsv " + p + "," + s);
            }
        }
        assertTrue(String.join("\n", l).contains("\tNA"), "the study has missing values and they are written NA");
    }

    @Test
    void seriesMatrixHasGeoHeadersQuotedTableAndNullForMissing() {
        List<String> l = lines("series_matrix.txt.gz");
        assertTrue(l.get(0).startsWith("!Series_title\t\""));
        int blank = l.indexOf("");
        assertTrue(blank > 0 && l.get(blank + 1).startsWith("!Sample_title\t"), "a blank line separates series and samples");
        String disease = l.stream().filter(x -> x.startsWith("!Sample_characteristics_ch1\t\"disease state: ")).findFirst().orElseThrow();
        List<String> labels = Fields.split(disease, '\t');
        for (int s = 0; s < study.sampleCount(); s++) {
            assertEquals("disease state: " + study.labels().get(s), labels.get(s + 1));
        }
        int begin = l.indexOf("!series_matrix_table_begin");
        assertEquals("!series_matrix_table_end", l.get(l.size() - 1));
        assertTrue(l.get(begin + 1).startsWith("\"ID_REF\"\t\"" + study.sampleIds().get(0) + "\""));
        assertEquals(begin + 2 + study.probeCount() + 1, l.size());
        for (int p = 0; p < study.probeCount(); p++) {
            String row = l.get(begin + 2 + p);
            assertTrue(row.startsWith("\"" + study.probeIds().get(p) + "\"\t"), row);
            List<String> f = Fields.split(row, '\t');
            for (int s = 0; s < study.sampleCount(); s++) {
                String cell = f.get(s + 1);
                assertTrue(!Double.isNaN(study.intensity(s, p)) || cell.equals("null"));
                assertSameValue(study.intensity(s, p), parse(cell), 0, "series matrix " + p + "," + s);
            }
        }
    }

    @Test
    void familySoftHasOneSampleBlockPerArrayWithAFullTable() {
        List<String> l = lines("family.soft.gz");
        assertEquals("^DATABASE = GeoMiame", l.get(0));
        assertEquals(1, l.stream().filter(x -> x.startsWith("^SERIES = ")).count());
        assertEquals(1, l.stream().filter(x -> x.startsWith("^PLATFORM = ")).count());
        int platformBegin = l.indexOf("!platform_table_begin");
        assertEquals("!platform_table_end", l.get(platformBegin + 2 + study.probeCount()));
        int i = 0;
        for (int s = 0; s < study.sampleCount(); s++) {
            i = l.indexOf("^SAMPLE = " + study.sampleIds().get(s));
            assertTrue(i > 0, "sample block " + s);
            int begin = l.subList(i, l.size()).indexOf("!sample_table_begin") + i;
            assertTrue(l.subList(i, begin).contains("!Sample_characteristics_ch1 = disease state: " + study.labels().get(s)));
            assertEquals("ID_REF\tVALUE\tABS_CALL", l.get(begin + 1));
            for (int p = 0; p < study.probeCount(); p++) {
                List<String> f = Fields.split(l.get(begin + 2 + p), '\t');
                assertEquals(study.probeIds().get(p), f.get(0));
                assertSameValue(study.intensity(s, p), parse(f.get(1)), 0, "soft " + s + "," + p);
                assertTrue(f.get(2).matches("[AMP]?"));
            }
            assertEquals("!sample_table_end", l.get(begin + 2 + study.probeCount()));
        }
        assertEquals(study.sampleCount(), l.stream().filter(x -> x.startsWith("^SAMPLE = ")).count());
    }

    @Test
    void golubTableHasCrlfValueCallPairsAndScrambledPatientColumns() throws IOException {
        String raw = Files.readString(dir.resolve("golub.csv"), StandardCharsets.UTF_8);
        assertEquals(raw.split("\n", -1).length - 1, raw.split("\r\n", -1).length - 1, "every line ends in CRLF");
        List<String> l = lines("golub.csv");
        List<String> header = Fields.split(l.get(0), ',');
        assertEquals("Gene Description", header.get(0));
        assertEquals("Gene Accession Number", header.get(1));
        List<Integer> patients = new ArrayList<>();
        for (int c = 2; c < header.size(); c += 2) {
            assertEquals("call", header.get(c + 1));
            patients.add(Integer.parseInt(header.get(c)));
        }
        assertEquals(study.sampleCount(), patients.size());
        assertTrue(!patients.equals(patients.stream().sorted().toList()), "columns are not in patient order");
        boolean quotedDescription = false;
        for (int p = 0; p < study.probeCount(); p++) {
            quotedDescription |= l.get(p + 1).startsWith("\"");
            List<String> f = Fields.split(l.get(p + 1), ',');
            assertEquals(2 + 2 * study.sampleCount(), f.size(), "row " + p);
            assertEquals(study.probeIds().get(p), f.get(1));
            for (int c = 0; c < patients.size(); c++) {
                double expected = study.intensity(patients.get(c) - 1, p);
                assertSameValue(Double.isNaN(expected) ? expected : Math.round(expected), parse(f.get(2 + 2 * c)), 0,
                        "golub " + p + "," + c);
            }
        }
        assertTrue(quotedDescription, "descriptions with commas or quotes are CSV-quoted");
        List<String> labels = lines("golub_labels.csv");
        assertEquals("patient,cancer", labels.get(0));
        assertEquals("1," + study.labels().get(0), labels.get(1));
        assertEquals("", labels.get(labels.size() - 1), "trailing empty line, as in actual.csv");
    }

    @Test
    void arffHasNumberedAttributesNominalClassAndQuestionMarksForMissing() {
        List<String> l = lines("data.arff");
        assertEquals("@relation " + ArffWriter.RELATION, l.get(0));
        assertEquals("@attribute a1_" + study.probeIds().get(0) + " numeric", l.get(1));
        assertEquals("@attribute a" + (study.probeCount() + 1) + "_class {'AML','B-ALL','T-ALL'}", l.get(study.probeCount() + 1));
        assertEquals("@data", l.get(study.probeCount() + 2));
        for (int s = 0; s < study.sampleCount(); s++) {
            List<String> f = Fields.split(l.get(study.probeCount() + 3 + s), ',');
            assertEquals("'" + study.labels().get(s) + "'", f.get(study.probeCount()));
            for (int p = 0; p < study.probeCount(); p++) {
                assertSameValue(study.intensity(s, p), parse(f.get(p)), 0, "arff " + s + "," + p);
            }
        }
    }

    @Test
    void cumidaHasSampleNumbersTypesAndLog2Values() {
        List<String> l = lines("cumida.csv");
        assertEquals("samples,type," + String.join(",", study.probeIds()), l.get(0));
        for (int s = 0; s < study.sampleCount(); s++) {
            List<String> f = Fields.split(l.get(s + 1), ',');
            assertEquals(Integer.toString(s + 1), f.get(0));
            assertEquals(study.labels().get(s), f.get(1));
            for (int p = 0; p < study.probeCount(); p++) {
                double v = study.intensity(s, p);
                assertSameValue(Double.isNaN(v) ? v : Math.log(v) / Math.log(2), parse(f.get(p + 2)), 1e-6, "cumida " + s + "," + p);
            }
        }
    }

    @Test
    void samplesheetAndTruthDescribeTheStudy() {
        List<String> sheet = lines("samplesheet.csv");
        assertEquals("sample,label,batch,group,split", sheet.get(0));
        assertEquals(String.join(",", study.sampleIds().get(0), study.labels().get(0), study.batches().get(0),
                study.patients().get(0), study.splits().get(0)), sheet.get(1));
        List<String> truth = lines("truth.tsv");
        assertEquals("kind\tid\tclass\tlog2_fold_change", truth.get(0));
        assertEquals(1 + 3 * 6 + 1, truth.size());
        assertEquals("outlier\t" + study.sampleIds().get(study.outlierSample()) + "\t"
                + study.labels().get(study.outlierSample()) + "\tNA", truth.get(truth.size() - 1));
    }
}
