package org.exprflow.download;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exprflow.core.UserException;

/**
 * One requested accession and the source it belongs to, recognised by its shape. The accession is
 * validated here, before it is ever used in a URL or a local path, so an accession can never smuggle
 * a path separator or a query into either.
 */
public record Accession(String id, Kind kind) {

    public enum Kind {
        /** GEO series: GSE781, or GSE781-GPL96 for one platform's matrix of a multi-platform series. */
        GEO_SERIES,
        /** CuMiDa dataset: a cancer type and a GEO series, e.g. Leukemia_GSE9476 or Liver_GSE14520_U133A. */
        CUMIDA_DATASET,
        /** ENCODE file: ENCFF... */
        ENCODE_FILE,
        /** ENCODE experiment: ENCSR..., whose released files are filtered by format, output type and assembly. */
        ENCODE_EXPERIMENT
    }

    /*
     * The accession grammar. The pipeline needs it before any task runs, so it has two copies that
     * PipelineContractTest keeps equal to these: the --accession patterns of nextflow_schema.json,
     * and subworkflows/local/fetch_inputs' GEO and ENCODE tests (which file an accession imports).
     */
    /** A GEO series, optionally one platform's matrix. */
    public static final String GEO_SERIES_REGEX = "GSE[0-9]+(-GPL[0-9]+)?";
    /** An ENCODE file or experiment. */
    public static final String ENCODE_REGEX = "ENC(FF|SR)[0-9A-Z]+";
    private static final Pattern GEO = Pattern.compile("(GSE[0-9]+)(-GPL[0-9]+)?");
    private static final Pattern CUMIDA = Pattern.compile("([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z][A-Za-z0-9]*)*?)_(GSE[0-9]+)((?:_[A-Za-z0-9]+)*)");
    private static final Pattern ENCODE_FILE_ID = Pattern.compile("ENCFF[0-9A-Z]+");
    private static final Pattern ENCODE_EXPERIMENT_ID = Pattern.compile("ENCSR[0-9A-Z]+");

    /** The accession's kind, or a one-line usage error naming it. */
    static Accession parse(String text) {
        Accession a = tryParse(text);
        if (a == null) {
            throw UserException.badParameter(describeInvalid(text));
        }
        return a;
    }

    /** The accession, or null when the text has none of the known shapes. */
    public static Accession tryParse(String text) {
        if (GEO.matcher(text).matches()) {
            return new Accession(text, Kind.GEO_SERIES);
        }
        if (ENCODE_FILE_ID.matcher(text).matches()) {
            return new Accession(text, Kind.ENCODE_FILE);
        }
        if (ENCODE_EXPERIMENT_ID.matcher(text).matches()) {
            return new Accession(text, Kind.ENCODE_EXPERIMENT);
        }
        if (CUMIDA.matcher(text).matches()) {
            return new Accession(text, Kind.CUMIDA_DATASET);
        }
        return null;
    }

    static String describeInvalid(String text) {
        return "unknown accession '" + printable(text) + "' (expected GSE781, GSE781-GPL96, ENCFF..., ENCSR..."
                + " or a CuMiDa name such as Leukemia_GSE9476)";
    }

    static boolean isEncodeFileId(String text) {
        return text != null && ENCODE_FILE_ID.matcher(text).matches();
    }

    /** GEO: the series part (GSE781 of GSE781-GPL96). CuMiDa: the series in the name. */
    String series() {
        Matcher m = (kind == Kind.CUMIDA_DATASET ? CUMIDA : GEO).matcher(id);
        if (!m.matches() || (kind != Kind.GEO_SERIES && kind != Kind.CUMIDA_DATASET)) {
            throw new IllegalStateException("no GEO series in " + id);
        }
        return m.group(kind == Kind.CUMIDA_DATASET ? 2 : 1);
    }

    /** CuMiDa: the cancer type before the series, e.g. Leukemia. */
    String cumidaType() {
        Matcher m = CUMIDA.matcher(id);
        if (kind != Kind.CUMIDA_DATASET || !m.matches()) {
            throw new IllegalStateException("not a CuMiDa name: " + id);
        }
        return m.group(1);
    }

    /** Control characters are shown escaped so an error about them stays on one line. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
