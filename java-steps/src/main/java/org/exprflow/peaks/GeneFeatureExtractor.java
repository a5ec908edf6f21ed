package org.exprflow.peaks;

import java.util.ArrayList;
import java.util.List;

/**
 * Features of one gene from one mark's peaks (design b). The feature ids depend only on the mark
 * name and these parameters, never on the data, so datasets of different tissues built with the
 * same options have identical columns and a model trained on one applies to another.
 *
 * <p>Per mark M:
 * <ul>
 *   <li>{@code M:tss_pm<W>:count|log1p_signal|max_signal} for each window TSS +- W bases
 *       ([tss - W, tss + W + 1));</li>
 *   <li>{@code M:up<i>:log1p_signal}, {@code M:down<i>:log1p_signal}: strand-aware flank bins of
 *       B bases, i = 1 nearest the TSS; downstream bin 1 starts at the TSS base, upstream bin 1 ends
 *       just before it (on the minus strand "upstream" means higher coordinates);</li>
 *   <li>{@code M:body:count|log1p_signal|coverage_fraction} over the gene body;</li>
 *   <li>{@code M:distance_weighted_signal}: sum of signalValue * exp(-d / scale) over peaks whose
 *       summit lies within the largest window, d = |summit - TSS|.</li>
 * </ul>
 * Peaks overlap a window when they share at least one base (zero-length peaks as in bedtools).
 * log1p is the natural log of (1 + summed signalValue).
 */
public final class GeneFeatureExtractor {
    private final int[] windows;
    private final int flankBins;
    private final int flankBinSize;
    private final double distanceScale;
    private final int reach;

    public GeneFeatureExtractor(int[] windows, int flankBins, int flankBinSize, double distanceScale) {
        this.windows = windows.clone();
        this.flankBins = flankBins;
        this.flankBinSize = flankBinSize;
        this.distanceScale = distanceScale;
        int maxWindow = 0;
        for (int w : windows) {
            maxWindow = Math.max(maxWindow, w);
        }
        this.reach = Math.max(maxWindow, flankBins * flankBinSize) + 1;
    }

    public int featuresPerMark() {
        return windows.length * 3 + 2 * flankBins + 3 + 1;
    }

    public List<String> featureIds(String mark) {
        List<String> ids = new ArrayList<>();
        for (int w : windows) {
            ids.add(mark + ":tss_pm" + w + ":count");
            ids.add(mark + ":tss_pm" + w + ":log1p_signal");
            ids.add(mark + ":tss_pm" + w + ":max_signal");
        }
        for (int i = 1; i <= flankBins; i++) {
            ids.add(mark + ":up" + i + ":log1p_signal");
        }
        for (int i = 1; i <= flankBins; i++) {
            ids.add(mark + ":down" + i + ":log1p_signal");
        }
        ids.add(mark + ":body:count");
        ids.add(mark + ":body:log1p_signal");
        ids.add(mark + ":body:coverage_fraction");
        ids.add(mark + ":distance_weighted_signal");
        return ids;
    }

    /** Writes the gene's features for one mark into row[offset .. offset + featuresPerMark()). */
    public void extract(Gene gene, PeakSet peaks, double[] row, int offset) {
        int tss = gene.tss();
        int c = gene.contig();
        int nw = windows.length;
        double[] count = new double[nw];
        double[] sum = new double[nw];
        double[] max = new double[nw];
        double[] up = new double[flankBins];
        double[] down = new double[flankBins];
        double weighted = 0;
        int maxWindow = reach - 1;
        long lo = (long) tss - reach;
        long hi = (long) tss + reach + 1;
        for (int i = peaks.firstStartingAtOrAfter(c, (int) Math.max(0, lo - peaks.maxLength(c) - 1));
             i < peaks.contigEnd(c) && peaks.start(i) < hi; i++) {
            int ps = peaks.overlapStart(i);
            int pe = peaks.overlapEnd(i);
            double signal = peaks.signal(i);
            for (int k = 0; k < nw; k++) {
                if (overlaps(ps, pe, (long) tss - windows[k], (long) tss + windows[k] + 1)) {
                    count[k]++;
                    sum[k] += signal;
                    max[k] = Math.max(max[k], signal);
                }
            }
            for (int b = 1; b <= flankBins; b++) {
                long near = (long) (b - 1) * flankBinSize;
                long far = (long) b * flankBinSize;
                // + strand: downstream [tss + near, tss + far), upstream [tss - far, tss - near).
                // - strand mirrored around the TSS base: downstream (tss - far, tss - near].
                long downStart = gene.minusStrand() ? tss - far + 1 : tss + near;
                long upStart = gene.minusStrand() ? tss + 1 + near : tss - far;
                if (overlaps(ps, pe, downStart, downStart + flankBinSize)) {
                    down[b - 1] += signal;
                }
                if (overlaps(ps, pe, upStart, upStart + flankBinSize)) {
                    up[b - 1] += signal;
                }
            }
            int distance = Math.abs(peaks.summit(i) - tss);
            if (distance <= maxWindow) {
                weighted += signal * Math.exp(-distance / distanceScale);
            }
        }
        int o = offset;
        for (int k = 0; k < nw; k++) {
            row[o++] = count[k];
            row[o++] = Math.log1p(sum[k]);
            row[o++] = max[k];
        }
        for (int b = 0; b < flankBins; b++) {
            row[o++] = Math.log1p(up[b]);
        }
        for (int b = 0; b < flankBins; b++) {
            row[o++] = Math.log1p(down[b]);
        }
        o = body(gene, peaks, row, o);
        row[o] = weighted;
    }

    private int body(Gene gene, PeakSet peaks, double[] row, int o) {
        int c = gene.contig();
        int count = 0;
        double sum = 0;
        long covered = 0;
        long runStart = -1;
        long runEnd = -1;
        for (int i = peaks.firstStartingAtOrAfter(c, Math.max(0, gene.start() - peaks.maxLength(c) - 1));
             i < peaks.contigEnd(c) && peaks.start(i) < gene.end() + 1; i++) {
            if (!overlaps(peaks.overlapStart(i), peaks.overlapEnd(i), gene.start(), gene.end())) {
                continue;
            }
            count++;
            sum += peaks.signal(i);
            // Peaks come sorted by start, so clipped intervals merge in one pass for the covered bases.
            long s = Math.max(peaks.start(i), gene.start());
            long e = Math.min(peaks.end(i), gene.end());
            if (s > runEnd) {
                covered += runEnd - runStart;
                runStart = s;
                runEnd = e;
            } else {
                runEnd = Math.max(runEnd, e);
            }
        }
        covered += runEnd - runStart;
        row[o++] = count;
        row[o++] = Math.log1p(sum);
        row[o++] = (double) covered / (gene.end() - gene.start());
        return o;
    }

    private static boolean overlaps(long ps, long pe, long ws, long we) {
        return ps < we && pe > ws;
    }
}
