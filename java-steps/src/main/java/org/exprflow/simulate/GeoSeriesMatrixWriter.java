package org.exprflow.simulate;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.Deflater;

import org.exprflow.io.AtomicOutput;

/**
 * GEO series matrix layout ({@code GSEnnn_series_matrix.txt.gz}): tab-separated
 * {@code !Series_*} lines, a blank line, {@code !Sample_*} lines with one double-quoted value per
 * sample (characteristics repeated on several lines), then the table between
 * {@code !series_matrix_table_begin} and {@code !series_matrix_table_end}, with a quoted
 * {@code "ID_REF"} header, quoted probe ids and unquoted values. Missing values are written "null",
 * one of the spellings found in GEO downloads.
 */
final class GeoSeriesMatrixWriter {
    static final String FILE_NAME = "series_matrix.txt.gz";

    private GeoSeriesMatrixWriter() {
    }

    static void write(SimulatedStudy study, Path dir) throws IOException {
        AtomicOutput.writeGzipText(dir.resolve(FILE_NAME), Deflater.DEFAULT_COMPRESSION, out -> {
            seriesHeader(study, out);
            out.write('\n');
            sampleHeader(study, out);
            out.write("!series_matrix_table_begin\n");
            out.write(quote("ID_REF"));
            for (String id : study.sampleIds()) {
                out.write('\t');
                out.write(quote(id));
            }
            out.write('\n');
            for (int p = 0; p < study.probeCount(); p++) {
                out.write(quote(study.probeIds().get(p)));
                for (int s = 0; s < study.sampleCount(); s++) {
                    out.write('\t');
                    out.write(study.intensityText(s, p, "null"));
                }
                out.write('\n');
            }
            out.write("!series_matrix_table_end\n");
        });
    }

    private static void seriesHeader(SimulatedStudy study, Writer out) throws IOException {
        single(out, "!Series_title", SimulatedStudy.SERIES_TITLE);
        single(out, "!Series_geo_accession", SimulatedStudy.SERIES_ACCESSION);
        single(out, "!Series_status", GeoSampleMetadata.STATUS);
        single(out, "!Series_submission_date", GeoSampleMetadata.SUBMISSION_DATE);
        single(out, "!Series_last_update_date", GeoSampleMetadata.LAST_UPDATE_DATE);
        single(out, "!Series_summary", "Bone marrow and peripheral blood of " + study.classNames().size()
                + " leukaemia subtypes (" + String.join(", ", study.classNames()) + "), simulated to test classifiers.");
        single(out, "!Series_overall_design", study.sampleCount() + " arrays; some patients contributed a bone marrow"
                + " and a peripheral blood sample.");
        single(out, "!Series_type", "Expression profiling by array");
        single(out, "!Series_contributor", "exprflow,,simulator");
        // GEO lists all sample accessions in one quoted value, space-separated with a trailing space.
        StringBuilder ids = new StringBuilder();
        for (String id : study.sampleIds()) {
            ids.append(id).append(' ');
        }
        single(out, "!Series_sample_id", ids.toString());
        single(out, "!Series_contact_name", "exprflow,,simulator");
        single(out, "!Series_contact_country", "None");
        single(out, "!Series_platform_id", SimulatedStudy.PLATFORM_ACCESSION);
        single(out, "!Series_platform_taxid", "9606");
        single(out, "!Series_sample_taxid", "9606");
    }

    private static void sampleHeader(SimulatedStudy study, Writer out) throws IOException {
        int n = study.sampleCount();
        perSample(out, "!Sample_title", n, s -> GeoSampleMetadata.title(study, s));
        perSample(out, "!Sample_geo_accession", n, s -> study.sampleIds().get(s));
        perSample(out, "!Sample_status", n, s -> GeoSampleMetadata.STATUS);
        perSample(out, "!Sample_submission_date", n, s -> GeoSampleMetadata.SUBMISSION_DATE);
        perSample(out, "!Sample_last_update_date", n, s -> GeoSampleMetadata.LAST_UPDATE_DATE);
        perSample(out, "!Sample_type", n, s -> "RNA");
        perSample(out, "!Sample_channel_count", n, s -> "1");
        perSample(out, "!Sample_source_name_ch1", n, s -> GeoSampleMetadata.sourceName(study, s));
        perSample(out, "!Sample_organism_ch1", n, s -> "Homo sapiens");
        List<List<String>> characteristics = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            characteristics.add(GeoSampleMetadata.characteristics(study, s));
        }
        for (int line = 0; line < characteristics.get(0).size(); line++) {
            int l = line;
            perSample(out, "!Sample_characteristics_ch1", n, s -> characteristics.get(s).get(l));
        }
        perSample(out, "!Sample_molecule_ch1", n, s -> "total RNA");
        perSample(out, "!Sample_label_ch1", n, s -> "biotin");
        perSample(out, "!Sample_taxid_ch1", n, s -> "9606");
        perSample(out, "!Sample_description", n, s -> GeoSampleMetadata.description(study, s));
        perSample(out, "!Sample_data_processing", n, s -> GeoSampleMetadata.DATA_PROCESSING);
        perSample(out, "!Sample_platform_id", n, s -> SimulatedStudy.PLATFORM_ACCESSION);
        perSample(out, "!Sample_data_row_count", n, s -> Integer.toString(study.probeCount()));
    }

    private static void single(Writer out, String key, String value) throws IOException {
        out.write(key);
        out.write('\t');
        out.write(quote(value));
        out.write('\n');
    }

    private static void perSample(Writer out, String key, int n, IntFunction<String> value) throws IOException {
        out.write(key);
        for (int s = 0; s < n; s++) {
            out.write('\t');
            out.write(quote(value.apply(s)));
        }
        out.write('\n');
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
