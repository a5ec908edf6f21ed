package org.exprflow.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.data.Batches;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.Target;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exprflow import}: reads an expression file in one of the supported formats (detected from
 * its content unless {@code --format} is given), applies an optional samplesheet, and writes the
 * dataset as {@code .xfd}. Logs the format, the shape and the class counts, which are the first
 * things to check when a later step misbehaves.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read an expression file (CuMiDa, GEO series matrix, GEO SOFT, Golub, ARFF, TSV/CSV) "
                + "and write an exprflow dataset (.xfd).")
public final class ImportCommand extends StepCommand {

    @Option(names = "--input", required = true, description = "Expression file (plain or gzip).")
    Path input;

    @Option(names = "--format", defaultValue = "auto",
            description = "auto, cumida, geo-matrix, geo-soft, golub, arff or tsv (default: ${DEFAULT-VALUE}).")
    String format;

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

    @Option(names = "--name", description = "Dataset name (default: input file name without extensions).")
    String name;

    @Option(names = "--output", required = true, description = "Output dataset (.xfd).")
    Path output;

    @Override
    protected void validateArguments() {
        if (labelKey != null && labelField != null) {
            throw UserException.badParameter("give --label-key or --label-field, not both");
        }
    }

    @Override
    protected void execute() throws IOException {
        InputFormat inputFormat;
        if (format.equalsIgnoreCase("auto")) {
            inputFormat = FormatDetector.detect(input);
            Log.info("format: " + inputFormat.cliName + " (detected)");
        } else {
            inputFormat = InputFormat.fromCli(format);
            FormatDetector.requireNotMarkup(input);
            Log.info("format: " + inputFormat.cliName + " (given)");
        }
        String classAttribute = null;
        if (samplesheet == null && labelColumns != null) {
            if (inputFormat != InputFormat.ARFF || labelColumns.size() != 1) {
                throw UserException.badParameter("--label-column names samplesheet columns (or one ARFF class "
                        + "attribute); give --samplesheet");
            }
            classAttribute = labelColumns.get(0);
        }
        ReaderOptions options = new ReaderOptions(labelKey, labelField, LabelMap.parse(labelMap), platform, classAttribute);
        Dataset data = read(inputFormat, options);
        if (samplesheet != null) {
            List<String> labels = labelColumns == null ? List.of(SamplesheetReader.DEFAULT_LABEL_COLUMN) : labelColumns;
            data = SamplesheetReader.read(samplesheet, sampleColumn, labels).applyTo(data, allowExtraSamples);
        }
        data = data.withName(name != null ? name : baseName(input));
        // The default name is optional (most data have no batch column); a column the user names must exist.
        data = Batches.fromColumn(data, batchColumn == null ? Batches.ANNOTATION : batchColumn,
                batchColumn != null && !batchColumn.equals(Batches.ANNOTATION));
        Log.info("shape: " + data.sampleCount() + " samples x " + data.featureCount() + " features ("
                + data.featureIdType().name().toLowerCase(java.util.Locale.ROOT) + " ids)");
        for (Target t : data.targets()) {
            Log.info(describe(t));
        }
        if (data.targets().isEmpty()) {
            Log.info("no labels (give --samplesheet, or --label-key/--label-field for GEO files)");
        }
        DatasetFile.write(data, output);
    }

    private Dataset read(InputFormat inputFormat, ReaderOptions options) {
        if (inputFormat != InputFormat.GEO_MATRIX && inputFormat != InputFormat.GEO_SOFT
                && (labelKey != null || labelField != null || labelMap != null || platform != null)) {
            throw UserException.badParameter("--label-key, --label-field, --label-map and --platform apply to GEO "
                    + "files only; this input is " + inputFormat.cliName);
        }
        return switch (inputFormat) {
            case CUMIDA -> CumidaCsvReader.read(input);
            case GEO_MATRIX -> {
                if (platform != null) {
                    throw UserException.badParameter("--platform applies to GEO SOFT files; a series matrix has one platform");
                }
                yield GeoSeriesMatrixReader.read(input, options);
            }
            case GEO_SOFT -> GeoSoftReader.read(input, options);
            case GOLUB -> GolubTableReader.read(input);
            case ARFF -> ArffReader.read(input, options);
            case TSV -> TsvMatrixReader.read(input);
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
