package org.exprflow.simulate;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.zip.Deflater;

import org.exprflow.io.AtomicOutput;

/**
 * GEO family SOFT layout ({@code GSEnnn_family.soft.gz}), as in GSE781_family.soft.gz shipped with
 * GEOquery: {@code ^DATABASE}, {@code ^SERIES}, {@code ^PLATFORM} (with its annotation table) and one
 * {@code ^SAMPLE} block per array, each with "!key = value" lines, "#column = description" lines and
 * a tab-separated ID_REF / VALUE / ABS_CALL table between {@code !sample_table_begin} and
 * {@code !sample_table_end}. Missing values are empty VALUE cells.
 */
final class GeoFamilySoftWriter {
    static final String FILE_NAME = "family.soft.gz";

    private GeoFamilySoftWriter() {
    }

    static void write(SimulatedStudy study, Path dir) throws IOException {
        AtomicOutput.writeGzipText(dir.resolve(FILE_NAME), Deflater.DEFAULT_COMPRESSION, out -> {
            database(out);
            series(study, out);
            platform(study, out);
            for (int s = 0; s < study.sampleCount(); s++) {
                sample(study, s, out);
            }
        });
    }

    private static void database(Writer out) throws IOException {
        out.write("^DATABASE = GeoMiame\n");
        line(out, "!Database_name", "Gene Expression Omnibus (GEO)");
        line(out, "!Database_institute", "NCBI NLM NIH");
        line(out, "!Database_web_link", "http://www.ncbi.nlm.nih.gov/geo");
        line(out, "!Database_email", "geo@ncbi.nlm.nih.gov");
    }

    private static void series(SimulatedStudy study, Writer out) throws IOException {
        line(out, "^SERIES", SimulatedStudy.SERIES_ACCESSION);
        line(out, "!Series_title", SimulatedStudy.SERIES_TITLE);
        line(out, "!Series_geo_accession", SimulatedStudy.SERIES_ACCESSION);
        line(out, "!Series_status", GeoSampleMetadata.STATUS);
        line(out, "!Series_submission_date", GeoSampleMetadata.SUBMISSION_DATE);
        line(out, "!Series_last_update_date", GeoSampleMetadata.LAST_UPDATE_DATE);
        line(out, "!Series_summary", "Bone marrow and peripheral blood of " + study.classNames().size()
                + " leukaemia subtypes (" + String.join(", ", study.classNames()) + "), simulated to test classifiers.");
        line(out, "!Series_type", "Expression profiling by array");
        line(out, "!Series_contributor", "exprflow,,simulator");
        for (String id : study.sampleIds()) {
            line(out, "!Series_sample_id", id);
        }
        line(out, "!Series_contact_name", "exprflow,,simulator");
        line(out, "!Series_platform_id", SimulatedStudy.PLATFORM_ACCESSION);
    }

    private static void platform(SimulatedStudy study, Writer out) throws IOException {
        line(out, "^PLATFORM", SimulatedStudy.PLATFORM_ACCESSION);
        line(out, "!Platform_title", SimulatedStudy.PLATFORM_TITLE);
        line(out, "!Platform_geo_accession", SimulatedStudy.PLATFORM_ACCESSION);
        line(out, "!Platform_status", GeoSampleMetadata.STATUS);
        line(out, "!Platform_technology", "in situ oligonucleotide");
        line(out, "!Platform_distribution", "commercial");
        line(out, "!Platform_organism", "Homo sapiens");
        line(out, "!Platform_manufacturer", "Affymetrix");
        line(out, "!Platform_data_row_count", Integer.toString(study.probeCount()));
        line(out, "#ID", "Affymetrix Probe Set ID");
        line(out, "#SPOT_ID", "identifies controls");
        line(out, "#Sequence Type", "");
        out.write("!platform_table_begin\n");
        out.write("ID\tSPOT_ID\tSequence Type\n");
        for (String id : study.probeIds()) {
            boolean control = AffymetrixProbeIds.isControl(id);
            out.write(id);
            out.write(control ? "\t--Control\tControl sequence\n" : "\t\tConsensus sequence\n");
        }
        out.write("!platform_table_end\n");
    }

    private static void sample(SimulatedStudy study, int s, Writer out) throws IOException {
        line(out, "^SAMPLE", study.sampleIds().get(s));
        line(out, "!Sample_title", GeoSampleMetadata.title(study, s));
        line(out, "!Sample_geo_accession", study.sampleIds().get(s));
        line(out, "!Sample_status", GeoSampleMetadata.STATUS);
        line(out, "!Sample_submission_date", GeoSampleMetadata.SUBMISSION_DATE);
        line(out, "!Sample_last_update_date", GeoSampleMetadata.LAST_UPDATE_DATE);
        line(out, "!Sample_type", "RNA");
        line(out, "!Sample_channel_count", "1");
        line(out, "!Sample_source_name_ch1", GeoSampleMetadata.sourceName(study, s));
        line(out, "!Sample_organism_ch1", "Homo sapiens");
        for (String c : GeoSampleMetadata.characteristics(study, s)) {
            line(out, "!Sample_characteristics_ch1", c);
        }
        line(out, "!Sample_molecule_ch1", "total RNA");
        line(out, "!Sample_description", GeoSampleMetadata.description(study, s));
        line(out, "!Sample_data_processing", GeoSampleMetadata.DATA_PROCESSING);
        line(out, "!Sample_platform_id", SimulatedStudy.PLATFORM_ACCESSION);
        line(out, "!Sample_series_id", SimulatedStudy.SERIES_ACCESSION);
        line(out, "!Sample_data_row_count", Integer.toString(study.probeCount()));
        // GSE781 has "#ID_REF = " followed by a blank description: two spaces after '='.
        out.write("#ID_REF =  \n");
        line(out, "#VALUE", "MAS 5.0 Statistical Algorithm (mean scaled to 500)");
        line(out, "#ABS_CALL", "MAS 5.0 Absent, Marginal, Present call  with Alpha1 = 0.05, Alpha2 = 0.065");
        out.write("!sample_table_begin\n");
        out.write("ID_REF\tVALUE\tABS_CALL\n");
        for (int p = 0; p < study.probeCount(); p++) {
            out.write(study.probeIds().get(p));
            out.write('\t');
            out.write(study.intensityText(s, p, ""));
            out.write('\t');
            out.write(GeoSampleMetadata.detectionCall(study.intensity(s, p)));
            out.write('\n');
        }
        out.write("!sample_table_end\n");
    }

    private static void line(Writer out, String key, String value) throws IOException {
        out.write(key);
        out.write(" = ");
        out.write(value);
        out.write('\n');
    }
}
