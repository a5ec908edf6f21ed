package org.exprflow.ingest;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.exprflow.core.UserException;

/** The input formats that {@code exprflow import} reads, with the names used on the command line. */
public enum InputFormat {
    /** CuMiDa CSV: {@code samples,type,<probe>...}, one row per sample. */
    CUMIDA("cumida"),
    /** GEO series matrix ({@code GSExxx_series_matrix.txt[.gz]}). */
    GEO_MATRIX("geo-matrix"),
    /** GEO SOFT: a GSE family file, a GDS file or a single GSM file. */
    GEO_SOFT("geo-soft"),
    /** The Golub et al. 1999 gene x sample table with value/call column pairs. */
    GOLUB("golub"),
    /** Weka ARFF, dense or sparse. */
    ARFF("arff"),
    /** A feature x sample matrix, tab or comma separated. */
    TSV("tsv");

    public final String cliName;

    InputFormat(String cliName) {
        this.cliName = cliName;
    }

    public static InputFormat fromCli(String name) {
        for (InputFormat f : values()) {
            if (f.cliName.equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw UserException.badParameter("unknown --format '" + name + "'; expected auto or one of "
                + Arrays.stream(values()).map(f -> f.cliName).collect(Collectors.joining(", ")));
    }
}
