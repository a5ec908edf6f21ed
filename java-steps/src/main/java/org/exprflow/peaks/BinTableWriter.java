package org.exprflow.peaks;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Writes the sparse long table of a binned matrix: a header, then one row per non-zero
 * (bin, sample) with columns chrom, start, end, sample, value, sorted by bin (chromosome-sizes file
 * order, then start) and, within a bin, by sample in command-line order. The per-sample sparse
 * arrays are merged with a heap, so the table is never held in memory.
 */
public final class BinTableWriter {
    public static final String HEADER = "chrom\tstart\tend\tsample\tvalue";

    private BinTableWriter() {
    }

    public static void write(Path target, BinLayout layout, List<SampleBins> samples) throws IOException {
        TextOutput.write(target, out -> writeRows(out, layout, samples));
    }

    private static void writeRows(Writer out, BinLayout layout, List<SampleBins> samples) throws IOException {
        out.write(HEADER);
        out.write('\n');
        // Heap entries pack (bin, sample index) into one long, so ties on a bin order by sample.
        PriorityQueue<Long> heap = new PriorityQueue<>(Math.max(1, samples.size()));
        int[] cursor = new int[samples.size()];
        for (int s = 0; s < samples.size(); s++) {
            if (samples.get(s).nonZeroCount() > 0) {
                heap.add(key(samples.get(s).bins()[0], s));
            }
        }
        int currentBin = -1;
        String binPrefix = null;
        StringBuilder row = new StringBuilder(64);
        while (!heap.isEmpty()) {
            long k = heap.poll();
            int bin = (int) (k >>> 32);
            int s = (int) k;
            if (bin != currentBin) {
                currentBin = bin;
                int segment = layout.segmentOfBin(bin);
                int j = bin - layout.segmentFirstBin(segment);
                binPrefix = layout.genome().name(layout.segmentContig(segment)) + "\t" + layout.localBinStart(segment, j)
                        + "\t" + layout.localBinEnd(segment, j) + "\t";
            }
            SampleBins sample = samples.get(s);
            row.setLength(0);
            row.append(binPrefix).append(sample.sample()).append('\t').append(TextOutput.number(sample.values()[cursor[s]])).append('\n');
            out.append(row);
            if (++cursor[s] < sample.nonZeroCount()) {
                heap.add(key(sample.bins()[cursor[s]], s));
            }
        }
    }

    private static long key(int bin, int sample) {
        return ((long) bin << 32) | sample;
    }
}
