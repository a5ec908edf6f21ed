package org.exprflow.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.DatasetOutput;
import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.Batches;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;
import org.exprflow.data.ValueKind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exprflow import}: reads an expression file in one of the supported formats (detected from
 * its content unless {@code --format} is given), applies an optional samplesheet, and writes the
 * dataset as {@code .xfd}. Logs the format, the shape and the class counts, which are the first
 * things to check when a later step misbehaves.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Read an expression file (CuMiDa, GEO series matrix, GEO SOFT, Golub, ARFF, TSV/CSV) or RNA-seq "
                + "quantifications (nf-core/rnaseq gene matrix, featureCounts, STAR ReadsPerGene, salmon quant.sf, "
                + "kallisto abundance.tsv, RSEM genes.results) and write an exprflow dataset (.xfd).",
            "Per-sample files (STAR, salmon, kallisto, RSEM) are listed in --samplesheet (column --file-column, paths "
                + "relative to the samplesheet); then --input is not given."})
public final class ImportCommand extends StepCommand {

    @Option(names = "--input", description = "Expression file (plain or gzip); omit it when --samplesheet lists "
            + "one quantification file per sample.")
    Path input;

    @Option(names = "--format", defaultValue = "auto",
            description = "auto, cumida, geo-matrix, geo-soft, golub, arff, tsv, gene-matrix, featurecounts, star, "
                    + "salmon, kallisto or rsem (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--value-kind", defaultValue = "auto", paramLabel = "auto|counts|abundance|expression",
            description = "What the values are (default: ${DEFAULT-VALUE}: counts for count formats, by file name for "
                    + "nf-core matrices, counts for a TSV matrix of non-negative whole numbers, else expression).")
    String valueKind;

    @Option(names = "--file-column", defaultValue = "file",
            description = "Samplesheet column naming each sample's quantification file, or its BAM for featureCounts "
                    + "(default: ${DEFAULT-VALUE}).")
    String fileColumn;

    @Option(names = "--sample-files", arity = "1..*", paramLabel = "FILE",
            description = "The samplesheet's per-sample files as staged by the pipeline, in the samplesheet's row order; "
                    + "they replace the --file-column paths, which Nextflow cannot keep (every salmon file is quant.sf).")
    List<Path> sampleFiles;

    @Option(names = "--star-strand", defaultValue = "auto", paramLabel = "unstranded|forward|reverse|auto",
            description = "STAR ReadsPerGene column: unstranded (2), forward (3), reverse (4), or auto: forward or "
                    + "reverse when that column's sum is >= 4x the other's, else unstranded (default: ${DEFAULT-VALUE}).")
    String starStrand;

    @Option(names = "--tx2gene", description = "Transcript-to-gene table for salmon/kallisto (transcript id, gene id"
            + "[, symbol]; tab or comma separated).")
    Path tx2gene;

    @Option(names = "--counts-from-abundance", defaultValue = "no", paramLabel = "no|scaledTPM|lengthScaledTPM",
            description = "salmon/kallisto gene counts as tximport's countsFromAbundance (default: ${DEFAULT-VALUE}).")
    String countsFromAbundance;

    @Option(names = "--quantity", defaultValue = "counts", paramLabel = "counts|tpm",
            description = "salmon/kallisto/RSEM: import estimated counts or TPM (default: ${DEFAULT-VALUE}).")
    String quantity;

    @Option(names = "--max-missing-transcripts", defaultValue = "0.05",
            description = "Largest fraction of a quant file's transcripts absent from --tx2gene (dropped, as tximport "
                    + "does); more is an error (default: ${DEFAULT-VALUE}).")
    double maxMissingTranscripts;

    @Option(names = "--samplesheet", description = "CSV/TSV with a sample column, label columns and annotations.")
    Path samplesheet;

    @Option(names = "--sample-column", defaultValue = SamplesheetReader.DEFAULT_SAMPLE_COLUMN,
            description = "Samplesheet column with the sample ids (default: ${DEFAULT-VALUE}).")
    String sampleColumn;

    @Option(names = "--label-column",
            description = "Samplesheet label column, repeatable (default: label); without a samplesheet, "
                    + "the ARFF class attribute.")
    List<String> labelColumns;

    @Option(names = "--batch-column",
            description = "Samplesheet column with each sample's batch (scan date, lab, run), stored as the dataset's "
                    + "'batch' annotation for ComBat, leave-one-batch-out CV and QC (default: batch, when present).")
    String batchColumn;

    @Option(names = "--allow-extra-samples",
            description = "Skip samplesheet rows naming samples absent from the data (default: error).")
    boolean allowExtraSamples;

    @Option(names = "--label-key", description = "GEO characteristics key (or GDS subset type) holding the label.")
    String labelKey;

    @Option(names = "--label-field", description = "GEO sample field holding the label text, e.g. title, source_name_ch1.")
    String labelField;

    @Option(names = "--label-map", paramLabel = "REGEX=LABEL",
            description = "Ordered rules mapping the label text to a label; first match wins, repeatable.")
    List<String> labelMap;

    @Option(names = "--platform", description = "GEO platform to read from a multi-platform SOFT file (default: most samples).")
    String platform;

    @Option(names = "--feature-annotation", paramLabel = "TABLE",
            description = "Feature id -> symbol, entrez, ensembl, description table (tab or comma separated, first column "
                    + "the id; e.g. a GPL annotation file). Its values replace the input file's own annotation.")
    Path featureAnnotation;

    @Option(names = "--name", description = "Dataset name (default: input file name without extensions).")
    String name;

    @Mixin
    DatasetOutput output;

    @Override
    protected void validateArguments() {
        if (labelKey != null && labelField != null) {
            throw UserException.badParameter("give --label-key or --label-field, not both");
        }
        if (input == null && samplesheet == null) {
            throw UserException.badParameter("give --input, or a --samplesheet whose '" + fileColumn
                    + "' column lists one quantification file per sample");
        }
        if (!(maxMissingTranscripts >= 0 && maxMissingTranscripts <= 1)) {
            throw UserException.badParameter("--max-missing-transcripts must be between 0 and 1, got " + maxMissingTranscripts);
        }
        if (!quantity.equals("counts") && !quantity.equals("tpm")) {
            throw UserException.badParameter("unknown --quantity '" + quantity + "'; expected counts or tpm");
        }
        if (sampleFiles != null && (input != null || samplesheet == null)) {
            throw UserException.badParameter("--sample-files goes with --samplesheet and without --input");
        }
        StarStrand.fromCli(starStrand);
        Tximport.CountsFromAbundance.fromCli(countsFromAbundance);
        requestedKind();
    }

    /** The --value-kind given, or null for auto. */
    private ValueKind requestedKind() {
        if (valueKind.equalsIgnoreCase("auto")) {
            return null;
        }
        for (ValueKind k : ValueKind.values()) {
            if (k.cliName().equalsIgnoreCase(valueKind)) {
                return k;
            }
        }
        throw UserException.badParameter("unknown --value-kind '" + valueKind + "'; expected auto, counts, abundance or expression");
    }

    private PerSampleQuantifications.Options quantOptions() {
        return new PerSampleQuantifications.Options(StarStrand.fromCli(starStrand), tx2gene,
                Tximport.CountsFromAbundance.fromCli(countsFromAbundance), quantity.equals("tpm"), maxMissingTranscripts);
    }

    @Override
    protected void execute() throws IOException {
        if (input == null) {
            executePerSample();
            return;
        }
        InputFormat inputFormat = inputFormat(input, format);
        String classAttribute = null;
        if (samplesheet == null && labelColumns != null) {
            if (inputFormat != InputFormat.ARFF || labelColumns.size() != 1) {
                throw UserException.badParameter("--label-column names samplesheet columns (or one ARFF class "
                        + "attribute); give --samplesheet");
            }
            classAttribute = labelColumns.get(0);
        }
        ReaderOptions options = new ReaderOptions(labelKey, labelField, LabelMap.parse(labelMap), platform, classAttribute);
        Dataset data = decideValueKind(read(inputFormat, options), inputFormat);
        if (samplesheet != null) {
            Samplesheet sheet = SamplesheetReader.read(samplesheet, sampleColumn, labelColumnsOrDefault());
            if (inputFormat == InputFormat.FEATURECOUNTS && sheet.column(fileColumn) != null) {
                data = BamSampleNames.rename(data, sheet, fileColumn);
                sheet = sheet.withoutColumn(fileColumn);
            }
            data = sheet.applyTo(data, allowExtraSamples);
        }
        finish(data.withName(name != null ? name : baseName(input)));
    }

    private List<String> labelColumnsOrDefault() {
        return labelColumns == null ? List.of(SamplesheetReader.DEFAULT_LABEL_COLUMN) : labelColumns;
    }

    /** Per-sample quantification files listed in the samplesheet's file column, merged into one dataset. */
    private void executePerSample() throws IOException {
        // a samplesheet that only lists files has no label column, and needs none
        List<String> labels = labelColumns != null || SamplesheetReader.columns(samplesheet)
                .contains(SamplesheetReader.DEFAULT_LABEL_COLUMN) ? labelColumnsOrDefault() : List.of();
        Samplesheet sheet = SamplesheetReader.read(samplesheet, sampleColumn, labels);
        List<String> fileNames = sheet.column(fileColumn);
        if (fileNames == null) {
            throw UserException.badLine(samplesheet, 1, "no column '" + fileColumn + "' (--file-column): without "
                    + "--input the samplesheet lists one quantification file per sample");
        }
        if (sampleFiles != null && sampleFiles.size() != fileNames.size()) {
            throw UserException.badParameter("--sample-files names " + sampleFiles.size() + " files; the samplesheet "
                    + samplesheet + " lists " + fileNames.size());
        }
        Path base = samplesheet.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        for (int r = 0; r < fileNames.size(); r++) {
            String f = fileNames.get(r);
            if (f == null || f.isBlank()) {
                throw UserException.badLine(samplesheet, sheet.lines().get(r), "empty '" + fileColumn + "' for sample '"
                        + sheet.sampleIds().get(r) + "'");
            }
            Path p = sampleFiles != null ? sampleFiles.get(r) : base.resolve(f.strip());
            if (!java.nio.file.Files.isRegularFile(p)) {
                throw UserException.badLine(samplesheet, sheet.lines().get(r), "file '" + f.strip() + "' of sample '"
                        + sheet.sampleIds().get(r) + "' does not exist (paths are relative to the samplesheet)");
            }
            files.add(p);
        }
        InputFormat inputFormat = perSampleFormat(files);
        requireQuantOptionsApply(inputFormat);
        Dataset data = PerSampleQuantifications.read(inputFormat, sheet.sampleIds(), files, quantOptions());
        data = sheet.withoutColumn(fileColumn).applyTo(data, false);
        finish(data.withName(name != null ? name : baseName(samplesheet)));
    }

    /** The format of the per-sample files: given, or detected and the same for every file. */
    private InputFormat perSampleFormat(List<Path> files) {
        InputFormat given = format.equalsIgnoreCase("auto") ? null : InputFormat.fromCli(format);
        InputFormat found = given;
        for (Path f : files) {
            if (given != null) {
                FormatDetector.requireNotMarkup(f);
                continue;
            }
            InputFormat detected = FormatDetector.detect(f);
            if (!detected.perSample) {
                throw UserException.badFile(f, "looks like " + detected.cliName + ", not a per-sample quantification "
                        + "(STAR ReadsPerGene.out.tab, salmon quant.sf, kallisto abundance.tsv, RSEM genes.results)");
            }
            if (found != null && detected != found) {
                throw UserException.badFile(f, "is " + detected.cliName + " but " + files.get(0) + " is " + found.cliName
                        + ": one format per samplesheet");
            }
            found = detected;
        }
        if (!found.perSample) {
            throw UserException.badParameter("--format " + found.cliName + " is one file for all samples: give it as "
                    + "--input; the samplesheet's file column is for star, salmon, kallisto or rsem files");
        }
        Log.info("format: " + found.cliName + " (" + (given != null ? "given" : "detected") + "), " + files.size()
                + " per-sample files");
        return found;
    }

    /**
     * Applies --value-kind, or decides it (auto): count formats are counts already; a plain TSV
     * matrix is counts when every value is a non-negative whole number (a raw count matrix such as
     * TCGA's), since no microarray or log-scale matrix looks like that.
     */
    private Dataset decideValueKind(Dataset data, InputFormat inputFormat) {
        ValueKind requested = requestedKind();
        if (requested == null) {
            if (inputFormat == InputFormat.TSV && CountValues.allWholeNonNegative(data)) {
                Log.info("values: counts (every value is a non-negative whole number; --value-kind expression "
                        + "to treat them as expression values)");
                return data.withValueKind(ValueKind.COUNTS);
            }
            return data;
        }
        if (requested == ValueKind.COUNTS && data.valueKind() != ValueKind.COUNTS) {
            CountValues.requireAll(input, data);
        }
        return data.withValueKind(requested);
    }

    private void finish(Dataset data) throws IOException {
        // The default name is optional (most data have no batch column); a column the user names must exist.
        data = Batches.fromColumn(data, batchColumn == null ? Batches.ANNOTATION : batchColumn,
                batchColumn != null && !batchColumn.equals(Batches.ANNOTATION));
        if (featureAnnotation != null) {
            data = FeatureAnnotationTable.apply(featureAnnotation, data);
        }
        Log.info("shape: " + data.sampleCount() + " samples x " + data.featureCount() + " features ("
                + data.featureIdType().name().toLowerCase(java.util.Locale.ROOT) + " ids), values: "
                + data.valueKind().cliName());
        for (Target t : data.targets()) {
            Log.info(describe(t));
        }
        if (data.targets().isEmpty()) {
            Log.info("no labels (give --samplesheet, or --label-key/--label-field for GEO files)");
        }
        DatasetFile.write(data, output.path());
    }

    /** The format --format names, or the one detected from the file's content ("auto"); logged. */
    static InputFormat inputFormat(Path file, String format) {
        InputFormat inputFormat;
        if (format.equalsIgnoreCase("auto")) {
            inputFormat = FormatDetector.detect(file);
            Log.info("format: " + inputFormat.cliName + " (detected)");
        } else {
            inputFormat = InputFormat.fromCli(format);
            FormatDetector.requireNotMarkup(file);
            Log.info("format: " + inputFormat.cliName + " (given)");
        }
        return inputFormat;
    }

    /** Refuses options of the RNA-seq readers given for a format that does not use them. */
    private void requireQuantOptionsApply(InputFormat f) {
        boolean transcripts = f == InputFormat.SALMON || f == InputFormat.KALLISTO;
        if (tx2gene != null && !transcripts) {
            throw UserException.badParameter("--tx2gene applies to salmon and kallisto files; this input is " + f.cliName);
        }
        if (!countsFromAbundance.equalsIgnoreCase("no") && !transcripts) {
            throw UserException.badParameter("--counts-from-abundance needs transcript-level estimates (salmon, "
                    + "kallisto), as in tximport; this input is " + f.cliName);
        }
        if (!starStrand.equalsIgnoreCase("auto") && f != InputFormat.STAR) {
            throw UserException.badParameter("--star-strand applies to STAR ReadsPerGene files; this input is " + f.cliName);
        }
        if (!quantity.equals("counts") && !transcripts && f != InputFormat.RSEM) {
            throw UserException.badParameter("--quantity applies to salmon, kallisto and RSEM files; this input is " + f.cliName);
        }
    }

    private Dataset read(InputFormat inputFormat, ReaderOptions options) {
        requireQuantOptionsApply(inputFormat);
        if (inputFormat != InputFormat.GEO_MATRIX && inputFormat != InputFormat.GEO_SOFT
                && (labelKey != null || labelField != null || labelMap != null || platform != null)) {
            throw UserException.badParameter("--label-key, --label-field, --label-map and --platform apply to GEO "
                    + "files only; this input is " + inputFormat.cliName);
        }
        if (inputFormat == InputFormat.GEO_MATRIX && platform != null) {
            throw UserException.badParameter("--platform applies to GEO SOFT files; a series matrix has one platform");
        }
        return read(input, inputFormat, options, requestedKind(), quantOptions());
    }

    /**
     * The file's samples and features as its format's reader gives them (no samplesheet applied).
     *
     * @param requestedKind the --value-kind given, or null (an nf-core matrix's kind then comes from its name)
     * @param quant         the options of the per-sample RNA-seq readers
     */
    static Dataset read(Path input, InputFormat inputFormat, ReaderOptions options, ValueKind requestedKind,
                        PerSampleQuantifications.Options quant) {
        return switch (inputFormat) {
            case CUMIDA -> CumidaCsvReader.read(input);
            case GEO_MATRIX -> GeoSeriesMatrixReader.read(input, options);
            case GEO_SOFT -> GeoSoftReader.read(input, options);
            case GOLUB -> GolubTableReader.read(input);
            case ARFF -> ArffReader.read(input, options);
            case TSV -> TsvMatrixReader.read(input);
            case GENE_MATRIX -> {
                ValueKind kind = requestedKind != null ? requestedKind : GeneMatrixReader.kindFromName(input);
                Log.info("values: " + kind.cliName() + (requestedKind != null ? " (given)" : " (from the nf-core file name)"));
                yield GeneMatrixReader.read(input, kind);
            }
            case FEATURECOUNTS -> FeatureCountsReader.read(input);
            case STAR, SALMON, KALLISTO, RSEM -> PerSampleQuantifications.read(inputFormat, List.of(baseName(input)),
                    List.of(input), quant);
        };
    }

    /** "classes (label): ALL 27, AML 11; 2 unlabelled". */
    static String describe(Target t) {
        if (!t.isNominal()) {
            return "numeric target (" + t.name() + ")";
        }
        int[] counts = t.classCounts();
        List<String> parts = new ArrayList<>();
        int labelled = 0;
        for (int i = 0; i < counts.length; i++) {
            parts.add(t.levels().get(i) + " " + counts[i]);
            labelled += counts[i];
        }
        String text = "classes (" + t.name() + "): " + String.join(", ", parts);
        return labelled < t.size() ? text + "; " + (t.size() - labelled) + " unlabelled" : text;
    }

    /** "GSE781_family.soft.gz" gives "GSE781_family": compression, then one format extension, removed. */
    static String baseName(Path file) {
        String n = file.getFileName().toString();
        for (String ext : new String[] {".gz", ".bgz"}) {
            if (n.endsWith(ext) && n.length() > ext.length()) {
                n = n.substring(0, n.length() - ext.length());
            }
        }
        for (String ext : new String[] {".csv", ".tsv", ".txt", ".arff", ".soft", ".tab"}) {
            if (n.toLowerCase(java.util.Locale.ROOT).endsWith(ext) && n.length() > ext.length()) {
                return n.substring(0, n.length() - ext.length());
            }
        }
        return n;
    }
}
