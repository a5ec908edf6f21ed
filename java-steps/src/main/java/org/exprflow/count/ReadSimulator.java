package org.exprflow.count;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import org.exprflow.io.AtomicOutput;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.TextCigarCodec;

/**
 * Writes coordinate-sorted, indexed BAM files (htsjdk's {@link SAMFileWriterFactory}) with counts
 * known in advance, for the count tests and the benchmark. Regions are regular: on every contig, a
 * region of {@link #REGION_LENGTH} bases starts {@link #REGION_OFFSET} into each
 * {@link #REGION_SPACING}-base tile, so a read or fragment (at most {@link #MAX_FRAGMENT} bases)
 * overlaps at most one region and the expected counts follow from arithmetic, independently of the
 * counting code. Reads carry duplicates (both mates), QC failures (both mates), secondary and
 * supplementary copies, random MAPQs, soft clips, insertions and deletions. Records are generated
 * in coordinate order and buffered only as long as a later mate or copy may still come first, so
 * 20 million reads stream through a small heap.
 */
final class ReadSimulator {
    static final int READ_LENGTH = 50;
    static final int REGION_SPACING = 10_000;
    static final int REGION_OFFSET = 4_000;
    static final int REGION_LENGTH = 2_000;
    static final int MAX_FRAGMENT = 500;
    /** The MAPQ threshold of the second expected table. */
    static final int MAPQ_THRESHOLD = 20;
    private static final String[] CIGARS = {"50M", "50M", "50M", "50M", "10S40M", "20M2D30M", "20M1I29M", "45M5S"};
    private static final String BASES = "ACGTTGCAACGTTGCAACGTTGCAACGTTGCAACGTTGCAACGTTGCAAC";

    private final long seed;
    private final int contigs;
    private final int contigLength;
    private final long reads;
    private final boolean paired;

    ReadSimulator(long seed, int contigs, int contigLength, long reads, boolean paired) {
        this.seed = seed;
        this.contigs = contigs;
        this.contigLength = contigLength;
        this.reads = reads;
        this.paired = paired;
    }

    SAMFileHeader header() {
        SAMFileHeader h = new SAMFileHeader();
        for (int c = 0; c < contigs; c++) {
            h.addSequence(new SAMSequenceRecord(contigName(c), contigLength));
        }
        h.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        return h;
    }

    static String contigName(int c) {
        return "chr" + (c + 1);
    }

    /** The regions: per contig, every tile's region, in contig then start order. */
    List<long[]> regions() {
        List<long[]> out = new ArrayList<>();
        for (int c = 0; c < contigs; c++) {
            for (long s = REGION_OFFSET; s + REGION_LENGTH <= contigLength; s += REGION_SPACING) {
                out.add(new long[] {c, s, s + REGION_LENGTH});
            }
        }
        return out;
    }

    /** regions.bed (0-based), regions.saf (1-based, for featureCounts) and chrom.sizes. */
    void writeAnnotation(Path dir) throws IOException {
        AtomicOutput.writeText(dir.resolve("regions.bed"), out -> {
            for (long[] r : regions()) {
                out.write(contigName((int) r[0]) + "\t" + r[1] + "\t" + r[2] + "\n");
            }
        });
        AtomicOutput.writeText(dir.resolve("regions.saf"), out -> {
            out.write("GeneID\tChr\tStart\tEnd\tStrand\n");
            for (long[] r : regions()) {
                String chrom = contigName((int) r[0]);
                out.write(chrom + ":" + r[1] + "-" + r[2] + "\t" + chrom + "\t" + (r[1] + 1) + "\t" + r[2] + "\t+\n");
            }
        });
        AtomicOutput.writeText(dir.resolve("chrom.sizes"), out -> {
            for (int c = 0; c < contigs; c++) {
                out.write(contigName(c) + "\t" + contigLength + "\n");
            }
        });
    }

    /** The region index (into {@link #regions()}) overlapping [start, end] (1-based), or -1. */
    private int regionOf(int contig, int start, int end) {
        int perContig = (contigLength - REGION_OFFSET - REGION_LENGTH) / REGION_SPACING + 1;
        int tile = (start - 1) / REGION_SPACING;
        for (int t = Math.max(0, tile - 1); t <= tile + 1 && t < perContig; t++) {
            long rs = (long) t * REGION_SPACING + REGION_OFFSET + 1; // 1-based first base
            long re = rs + REGION_LENGTH - 1;
            if (start <= re && end >= rs) {
                return contig * perContig + t;
            }
        }
        return -1;
    }

    /**
     * Writes the BAM and its index, atomically (temporary names, index renamed first). Returns the
     * expected counts per region: [0] with the default filters, [1] also with MAPQ >= 20.
     */
    long[][] writeBam(Path bam) throws IOException {
        long[][] expected = new long[2][regions().size()];
        SAMFileHeader header = header();
        Path tmpBam = bam.resolveSibling(".tmp-" + bam.getFileName());
        Path tmpBai = tmpBam.resolveSibling(tmpBam.getFileName().toString().replaceFirst("\\.bam$", ".bai"));
        PriorityQueue<SAMRecord> buffer = new PriorityQueue<>(Comparator.comparingInt(SAMRecord::getAlignmentStart)
                .thenComparing(SAMRecord::getReadName).thenComparingInt(SAMRecord::getFlags));
        SplittableRandom random = new SplittableRandom(seed);
        SAMFileWriterFactory factory = new SAMFileWriterFactory().setCreateIndex(true);
        try (SAMFileWriter writer = factory.makeBAMWriter(header, true, tmpBam)) {
            long perContig = reads / contigs;
            long id = 0;
            for (int c = 0; c < contigs; c++) {
                long n = c == contigs - 1 ? reads - perContig * (contigs - 1) : perContig;
                double meanGap = (double) (contigLength - MAX_FRAGMENT - 1) / Math.max(1, n);
                double position = 1;
                for (long i = 0; i < n; i++) {
                    position += -Math.log(1 - random.nextDouble()) * meanGap;
                    int start = (int) Math.min(position, contigLength - 2 * MAX_FRAGMENT);
                    while (!buffer.isEmpty() && buffer.peek().getAlignmentStart() < start) {
                        writer.addAlignment(buffer.poll());
                    }
                    fragment(header, c, start, "r" + (id++), random, buffer, expected);
                }
                while (!buffer.isEmpty()) {
                    writer.addAlignment(buffer.poll());
                }
            }
        }
        Path bai = bam.resolveSibling(bam.getFileName() + ".bai");
        Files.move(tmpBai, bai, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmpBam, bam, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return expected;
    }

    private void fragment(SAMFileHeader header, int contig, int start, String name, SplittableRandom random,
            PriorityQueue<SAMRecord> buffer, long[][] expected) {
        boolean duplicate = random.nextDouble() < 0.05;
        boolean qcFail = random.nextDouble() < 0.02;
        String cigar1 = CIGARS[random.nextInt(CIGARS.length)];
        SAMRecord first = record(header, name, contig, start, cigar1, random.nextInt(61), duplicate, qcFail);
        SAMRecord second = null;
        if (paired) {
            int length = 2 * READ_LENGTH + random.nextInt(MAX_FRAGMENT - 2 * READ_LENGTH - 10);
            String cigar2 = CIGARS[random.nextInt(CIGARS.length)];
            int start2 = start + length - READ_LENGTH;
            second = record(header, name, contig, start2, cigar2, random.nextInt(61), duplicate, qcFail);
            pair(first, second, true);
            pair(second, first, false);
            buffer.add(second);
        }
        buffer.add(first);
        // Copies that the default filters drop: a secondary and a supplementary alignment.
        if (random.nextDouble() < 0.03) {
            SAMRecord copy = record(header, name, contig, start + 1 + random.nextInt(MAX_FRAGMENT), "50M", 0, duplicate, qcFail);
            copy.setSecondaryAlignment(true);
            pairLike(copy, first, second);
            buffer.add(copy);
        }
        if (random.nextDouble() < 0.02) {
            SAMRecord copy = record(header, name, contig, start + 1 + random.nextInt(MAX_FRAGMENT), "30M20H", 60, duplicate, qcFail);
            copy.setSupplementaryAlignmentFlag(true);
            pairLike(copy, first, second);
            buffer.add(copy);
        }
        if (duplicate || qcFail) {
            return;
        }
        // Expected counts, from the simulator's own geometry: the read (read mode) or the fragment's
        // span (fragment mode) overlaps at most one region.
        int end = paired ? second.getAlignmentEnd() : first.getAlignmentEnd();
        int region = regionOf(contig, start, end);
        if (paired && region >= 0) {
            // Blocks, not the span, decide: the gap between mates may hold a whole region.
            boolean firstHits = regionOf(contig, start, first.getAlignmentEnd()) == region;
            boolean secondHits = regionOf(contig, second.getAlignmentStart(), end) == region;
            if (!firstHits && !secondHits) {
                region = -1;
            }
        }
        if (region < 0) {
            return;
        }
        expected[0][region]++;
        int mapq = paired ? Math.max(first.getMappingQuality(), second.getMappingQuality()) : first.getMappingQuality();
        if (mapq >= MAPQ_THRESHOLD) {
            expected[1][region]++;
        }
    }

    private static SAMRecord record(SAMFileHeader header, String name, int contig, int start, String cigar, int mapq,
            boolean duplicate, boolean qcFail) {
        SAMRecord r = new SAMRecord(header);
        r.setReadName(name);
        r.setReferenceIndex(contig);
        r.setAlignmentStart(start);
        r.setCigar(TextCigarCodec.decode(cigar));
        r.setMappingQuality(mapq);
        int length = r.getCigar().getReadLength();
        r.setReadString(BASES.substring(0, length));
        r.setBaseQualityString(SAMRecord.NULL_QUALS_STRING);
        r.setDuplicateReadFlag(duplicate);
        r.setReadFailsVendorQualityCheckFlag(qcFail);
        return r;
    }

    private static void pair(SAMRecord r, SAMRecord mate, boolean first) {
        r.setReadPairedFlag(true);
        r.setProperPairFlag(true);
        r.setFirstOfPairFlag(first);
        r.setSecondOfPairFlag(!first);
        r.setReadNegativeStrandFlag(!first);
        r.setMateNegativeStrandFlag(first);
        r.setMateReferenceIndex(mate.getReferenceIndex());
        r.setMateAlignmentStart(mate.getAlignmentStart());
        int insert = Math.max(r.getAlignmentEnd(), mate.getAlignmentEnd()) - Math.min(r.getAlignmentStart(), mate.getAlignmentStart()) + 1;
        r.setInferredInsertSize(first ? insert : -insert);
    }

    private static void pairLike(SAMRecord copy, SAMRecord first, SAMRecord second) {
        if (second != null) {
            pair(copy, second, true);
        }
    }

    /** The expected counts as a count table (the layout of {@link CountTableWriter}). */
    void writeExpected(Path target, List<String> samples, List<long[]> counts) throws IOException {
        AtomicOutput.writeText(target, out -> expectedRows(out, samples, counts));
    }

    private void expectedRows(Writer out, List<String> samples, List<long[]> counts) throws IOException {
        out.write(CountTableWriter.CORNER + "\t" + String.join("\t", samples) + "\n");
        List<long[]> regions = regions();
        for (int r = 0; r < regions.size(); r++) {
            StringBuilder row = new StringBuilder(contigName((int) regions.get(r)[0]) + ":" + regions.get(r)[1] + "-" + regions.get(r)[2]);
            for (long[] c : counts) {
                row.append('\t').append(c[r]);
            }
            out.write(row.append('\n').toString());
        }
    }
}
