package org.exprflow.peaks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.exprflow.core.UserException;
import org.exprflow.io.TextInput;

/**
 * The contigs and lengths of a genome (a UCSC {@code chrom.sizes} file: name TAB length), in file
 * order. It is the reference every peak, gene and bin is resolved against: contig names written
 * differently by other tools (Ensembl's {@code 1}, {@code MT} against UCSC's {@code chr1},
 * {@code chrM}) resolve to the same contig, so files from both worlds can be combined.
 */
public final class ChromosomeSizes {
    private static final Pattern PRIMARY = Pattern.compile("(chr)?([0-9]+|X|Y|M|MT)");

    private final List<String> names;
    private final int[] lengths;
    private final Map<String, Integer> index = new HashMap<>();
    /** Names seen in data files, resolved once: most files name a handful of contigs millions of times. */
    private final Map<String, Integer> resolved = new HashMap<>();

    private ChromosomeSizes(List<String> names, int[] lengths) {
        this.names = List.copyOf(names);
        this.lengths = lengths;
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
    }

    /**
     * Reads a UCSC {@code chrom.sizes} file, or, by name, a sequence dictionary ({@code .dict}) or a
     * FASTA index ({@code .fai}) through htsjdk.
     */
    public static ChromosomeSizes read(Path path) {
        String name = path.getFileName().toString();
        if (name.endsWith(".dict") || name.endsWith(".fai")) {
            return of(path, HtsjdkDictionaries.read(path));
        }
        List<String> names = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (TextInput in = TextInput.open(path)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\s+");
                if (f.length < 2) {
                    throw in.error("expected 'name<TAB>length', found '" + line + "'");
                }
                long length;
                try {
                    length = Long.parseLong(f[1]);
                } catch (NumberFormatException e) {
                    throw in.error("length '" + f[1] + "' of contig " + f[0] + " is not an integer");
                }
                if (length <= 0 || length > Integer.MAX_VALUE) {
                    throw in.error("length " + length + " of contig " + f[0] + " is not in 1.." + Integer.MAX_VALUE);
                }
                Long first = seen.putIfAbsent(f[0], in.lineNumber());
                if (first != null) {
                    throw in.error("contig " + f[0] + " is listed twice (first on line " + first + ")");
                }
                names.add(f[0]);
                lengths.add((int) length);
            }
        }
        if (names.isEmpty()) {
            throw UserException.badFile(path, "no contigs in the chromosome-sizes file");
        }
        return new ChromosomeSizes(names, lengths.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The contigs of an htsjdk sequence dictionary (a BAM header's, a {@code .dict}'s), in its order. */
    public static ChromosomeSizes of(Path source, htsjdk.samtools.SAMSequenceDictionary dictionary) {
        if (dictionary.isEmpty()) {
            throw UserException.badFile(source, "no contigs in the sequence dictionary");
        }
        List<String> names = new ArrayList<>();
        int[] lengths = new int[dictionary.size()];
        for (htsjdk.samtools.SAMSequenceRecord s : dictionary.getSequences()) {
            lengths[names.size()] = s.getSequenceLength();
            names.add(s.getSequenceName());
        }
        return new ChromosomeSizes(names, lengths);
    }

    /** The contigs as an htsjdk sequence dictionary, in this order. */
    public htsjdk.samtools.SAMSequenceDictionary dictionary() {
        List<htsjdk.samtools.SAMSequenceRecord> records = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            records.add(new htsjdk.samtools.SAMSequenceRecord(names.get(i), lengths[i]));
        }
        return new htsjdk.samtools.SAMSequenceDictionary(records);
    }

    /** For tests and simulators: contigs given in memory. */
    public static ChromosomeSizes of(List<String> names, int[] lengths) {
        return new ChromosomeSizes(names, lengths.clone());
    }

    public int size() {
        return names.size();
    }

    public String name(int contig) {
        return names.get(contig);
    }

    public int length(int contig) {
        return lengths[contig];
    }

    public List<String> names() {
        return names;
    }

    /**
     * The index of the contig a data file calls {@code name}, or -1 when the genome has none.
     * Tries the name as written, then with the {@code chr} prefix added or removed, then the
     * mitochondrial spellings M, MT, chrM, chrMT.
     */
    public int resolve(String name) {
        Integer cached = resolved.get(name);
        if (cached != null) {
            return cached;
        }
        int found = lookup(name);
        resolved.put(name, found);
        return found;
    }

    private int lookup(String name) {
        Integer direct = index.get(name);
        if (direct != null) {
            return direct;
        }
        String bare = name.startsWith("chr") ? name.substring(3) : name;
        List<String> candidates = new ArrayList<>(List.of(bare, "chr" + bare));
        if (bare.equals("M") || bare.equals("MT")) {
            candidates.addAll(List.of("M", "MT", "chrM", "chrMT"));
        }
        for (String c : candidates) {
            Integer i = index.get(c);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    /** True for the assembled chromosomes (1-22..., X, Y, mitochondrion) in either naming style. */
    public static boolean isPrimary(String name) {
        return PRIMARY.matcher(name).matches();
    }
}
