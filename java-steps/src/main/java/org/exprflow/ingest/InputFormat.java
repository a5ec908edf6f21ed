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
    TSV("tsv"),
    /** nf-core/rnaseq's genes x samples matrix: gene_id, gene_name, one column per sample. */
    GENE_MATRIX("gene-matrix"),
    /** featureCounts output: comment line, Geneid Chr Start End Strand Length, one column per BAM. */
    FEATURECOUNTS("featurecounts"),
    /** STAR ReadsPerGene.out.tab, one file per sample. */
    STAR("star", true),
    /** salmon quant.sf, one file per sample, summarised to genes through --tx2gene. */
    SALMON("salmon", true),
    /** kallisto abundance.tsv, one file per sample, summarised to genes through --tx2gene. */
    KALLISTO("kallisto", true),
    /** RSEM genes.results, one file per sample. */
    RSEM("rsem", true);

    public final String cliName;
    /** One file per sample (listed in a samplesheet), rather than one file for the whole study. */
    public final boolean perSample;

    InputFormat(String cliName) {
        this(cliName, false);
    }

    InputFormat(String cliName, boolean perSample) {
        this.cliName = cliName;
        this.perSample = perSample;
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
