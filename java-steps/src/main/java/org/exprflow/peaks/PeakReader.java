package org.exprflow.peaks;

import java.nio.file.Path;

import org.exprflow.io.Fields;
import org.exprflow.io.TextInput;

/**
 * Reads BED3-BED6, narrowPeak (BED6+4: signalValue, pValue, qValue, summit offset) and broadPeak
 * (BED6+3) files, plain, gzip or bgzip, in any order. The layout is recognised per line by its
 * column count (10 = narrowPeak, 9 = broadPeak, otherwise BED, of which the first six columns are
 * used), because htsjdk's BEDCodec drops exactly the narrowPeak columns we need.
 *
 * <p>Every malformed line stops the read with a one-line error naming file and line; nothing is
 * guessed. Lines starting with {@code track}, {@code browser} or {@code #} are headers.
 */
public final class PeakReader {
    private final ChromosomeSizes genome;
    private final UnknownContigPolicy unknownContigs;
    private final PeakFilter filter;

    public PeakReader(ChromosomeSizes genome, UnknownContigPolicy unknownContigs, PeakFilter filter) {
        this.genome = genome;
        this.unknownContigs = unknownContigs;
        this.filter = filter;
    }

    public PeakFile read(String sample, Path path) {
        PeakSet.Builder peaks = new PeakSet.Builder(genome.size());
        long records = 0;
        long filtered = 0;
        long unknown = 0;
        long primary = 0;
        String[] f = new String[10];
        // A file names a few dozen contigs hundreds of thousands of times: classify each name once.
        java.util.Map<String, Boolean> primaryContigs = new java.util.HashMap<>();
        try (TextInput in = TextInput.open(path)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("track") || line.startsWith("browser")) {
                    continue;
                }
                int n = splitTabs(line, f);
                if (n < 3) {
                    throw in.error("expected at least 3 tab-separated columns (chrom, start, end), found " + n);
                }
                records++;
                int start = coordinate(in, f[1], "start");
                int end = coordinate(in, f[2], "end");
                if (start > end) {
                    throw in.error("start " + start + " is greater than end " + end);
                }
                String chrom = f[0];
                if (primaryContigs.computeIfAbsent(chrom, ChromosomeSizes::isPrimary)) {
                    primary++;
                }
                double score = n >= 5 ? number(in, f[4], "score") : Double.NaN;
                boolean peakColumns = n == 9 || n == 10;
                double signal = peakColumns ? number(in, f[6], "signalValue") : Double.NaN;
                double pValue = peakColumns ? number(in, f[7], "pValue") : Double.NaN;
                double qValue = peakColumns ? number(in, f[8], "qValue") : Double.NaN;
                int summit = n == 10 ? summitOffset(in, f[9]) : -1;
                int contig = genome.resolve(chrom);
                if (contig < 0) {
                    if (unknownContigs == UnknownContigPolicy.ERROR) {
                        throw in.error("contig '" + chrom + "' is not in the chromosome-sizes file"
                                + " (use --unknown-contigs skip to drop such peaks)");
                    }
                    unknown++;
                    continue;
                }
                if (filter.isActive()) {
                    requireColumns(in, n, score, signal);
                    if (!filter.accepts(score, signal, pValue, qValue)) {
                        filtered++;
                        continue;
                    }
                }
                peaks.add(contig, start, end, score, signal, pValue, qValue, summit);
            }
        }
        PeakSet set = peaks.build();
        return new PeakFile(sample, set, new PeakReadSummary(records, set.size(), filtered, unknown, primary));
    }

    private void requireColumns(TextInput in, int columns, double score, double signal) {
        if (!Double.isNaN(filter.minScore()) && columns < 5) {
            throw in.error("--min-score is set but the line has no score column (BED column 5)");
        }
        boolean peakFilters = !Double.isNaN(filter.minSignal()) || !Double.isNaN(filter.minPValue())
                || !Double.isNaN(filter.minQValue());
        if (peakFilters && columns != 9 && columns != 10) {
            throw in.error("a signalValue/pValue/qValue threshold is set but the line is not narrowPeak or"
                    + " broadPeak (it has " + columns + " columns)");
        }
    }

    /** Splits on tabs into f (at most f.length fields are kept); returns the number of fields. */
    private static int splitTabs(String line, String[] f) {
        int n = 0;
        int from = 0;
        while (true) {
            int tab = line.indexOf('\t', from);
            String field = tab < 0 ? line.substring(from) : line.substring(from, tab);
            if (n < f.length) {
                f[n] = field;
            }
            n++;
            if (tab < 0) {
                return n;
            }
            from = tab + 1;
        }
    }

    private static int coordinate(TextInput in, String text, String what) {
        long value = 0;
        int len = text.length();
        boolean negative = len > 0 && text.charAt(0) == '-';
        int i = negative ? 1 : 0;
        if (i == len) {
            throw in.error(what + " '" + text + "' is not an integer");
        }
        for (; i < len; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw in.error(what + " '" + text + "' is not an integer");
            }
            if (value <= Integer.MAX_VALUE) {
                value = value * 10 + (c - '0'); // stops growing once too large, so it cannot overflow
            }
        }
        if (negative) {
            throw in.error("negative " + what + " coordinate " + text);
        }
        if (value > Integer.MAX_VALUE) {
            throw in.error(what + " " + text + " is larger than any chromosome (" + Integer.MAX_VALUE + ")");
        }
        return (int) value;
    }

    /**
     * A numeric column; "." (the BED placeholder) means not given. NaN, NA and the other missing
     * spellings are refused like Infinity: a peak with an unknown signal would silently drop out of
     * a window under --bin-value signal.
     */
    private static double number(TextInput in, String text, String what) {
        if (text.equals(".")) {
            return Double.NaN;
        }
        Double v = Fields.isMissing(text) ? null : Fields.parseNumber(text);
        if (v == null) {
            throw in.error(what + " '" + text + "' is not a number");
        }
        return v;
    }

    private static int summitOffset(TextInput in, String text) {
        if (text.equals("-1") || text.equals(".")) {
            return -1;
        }
        try {
            int v = Integer.parseInt(text);
            if (v < 0) {
                throw in.error("summit offset (narrowPeak column 10) " + text + " is negative and not -1");
            }
            return v;
        } catch (NumberFormatException e) {
            throw in.error("summit offset (narrowPeak column 10) '" + text + "' is not an integer");
        }
    }

    /** A sample name from a file name: the name without directories and peak/compression suffixes. */
    public static String sampleName(Path path) {
        String name = path.getFileName().toString();
        for (String suffix : new String[] {".gz", ".bgz", ".bed", ".narrowPeak", ".broadPeak", ".txt", ".tsv"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
