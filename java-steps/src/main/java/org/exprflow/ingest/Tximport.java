package org.exprflow.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;
import org.exprflow.ingest.TranscriptQuantReader.TranscriptQuant;

/**
 * Transcript estimates summarised to genes exactly as R's tximport (1.26, {@code summarizeToGene}
 * and {@code makeCountsFromAbundance}) does for salmon and kallisto input:
 * <ul>
 *   <li>transcripts missing from tx2gene are dropped (refused here when more than a given fraction
 *       of the file's transcripts are missing: the annotation versions probably differ);</li>
 *   <li>abundance = sum of the transcripts' TPM; counts = sum of their estimated counts;</li>
 *   <li>length = abundance-weighted mean of the transcripts' effective lengths; where a gene's
 *       abundance is 0 in a sample (0/0), the geometric mean of its lengths in the other samples,
 *       or, when it is 0 in every sample, the mean over its transcripts of their mean length across
 *       samples;</li>
 *   <li>countsFromAbundance "scaledTPM": abundance scaled to each sample's summed counts;
 *       "lengthScaledTPM": abundance x the gene's mean length across samples, scaled the same way;
 *       "no": the summed counts.</li>
 * </ul>
 * Genes are in sorted id order (R's factor levels in the C locale). Every file must list the same
 * transcripts in the same order, as tximport requires.
 */
public final class Tximport {
    /** tximport's countsFromAbundance choices, with R's spelling. */
    public enum CountsFromAbundance {
        NO("no"), SCALED_TPM("scaledTPM"), LENGTH_SCALED_TPM("lengthScaledTPM");

        public final String rName;

        CountsFromAbundance(String rName) {
            this.rName = rName;
        }

        public static CountsFromAbundance fromCli(String text) {
            for (CountsFromAbundance c : values()) {
                if (c.rName.equalsIgnoreCase(text)) {
                    return c;
                }
            }
            throw UserException.badParameter("unknown --counts-from-abundance '" + text
                    + "'; expected no, scaledTPM or lengthScaledTPM");
        }
    }

    /** Gene-level matrices, [sample][gene], genes in {@link #geneIds} order. */
    public record Result(List<String> geneIds, double[][] abundance, double[][] counts, double[][] length) {
    }

    private Tximport() {
    }

    /**
     * @param maxMissingFraction largest fraction of a file's transcripts that may be absent from
     *                           tx2gene (dropped, as tximport drops them); more is an error
     */
    public static Result summarise(List<TranscriptQuant> samples, Tx2Gene tx2gene, CountsFromAbundance cfa,
                                   double maxMissingFraction) {
        TranscriptQuant first = samples.get(0);
        List<String> txIds = first.ids();
        for (TranscriptQuant q : samples.subList(1, samples.size())) {
            requireSameTranscripts(first, q);
        }
        int nTx = txIds.size();
        String[] geneOfTx = new String[nTx];
        int missing = 0;
        String exampleMissing = null;
        TreeSet<String> genes = new TreeSet<>();
        for (int t = 0; t < nTx; t++) {
            geneOfTx[t] = tx2gene.gene(txIds.get(t));
            if (geneOfTx[t] == null) {
                missing++;
                if (exampleMissing == null) {
                    exampleMissing = txIds.get(t);
                }
            } else {
                genes.add(geneOfTx[t]);
            }
        }
        if (missing > 0) {
            double fraction = (double) missing / nTx;
            String what = missing + " of " + nTx + " transcripts (" + percent(fraction) + ", e.g. '" + exampleMissing
                    + "') are not in tx2gene " + tx2gene.file();
            if (genes.isEmpty() || fraction > maxMissingFraction) {
                throw UserException.badFile(first.file(), what + ", more than --max-missing-transcripts "
                        + maxMissingFraction + "; do the annotations match (versions, ids with or without .N)?");
            }
            Log.warn(what + "; they are dropped, as tximport drops them");
        }
        List<String> geneIds = new ArrayList<>(genes);
        Map<String, Integer> geneIndex = new HashMap<>();
        for (int g = 0; g < geneIds.size(); g++) {
            geneIndex.put(geneIds.get(g), g);
        }
        int[] g2 = new int[nTx];
        for (int t = 0; t < nTx; t++) {
            g2[t] = geneOfTx[t] == null ? -1 : geneIndex.get(geneOfTx[t]);
        }
        int nGenes = geneIds.size();
        int nSamples = samples.size();
        double[][] abundance = new double[nSamples][nGenes];
        double[][] counts = new double[nSamples][nGenes];
        double[][] length = new double[nSamples][nGenes];
        for (int s = 0; s < nSamples; s++) {
            TranscriptQuant q = samples.get(s);
            double[] weighted = new double[nGenes];
            for (int t = 0; t < nTx; t++) {
                int g = g2[t];
                if (g >= 0) {
                    abundance[s][g] += q.abundance()[t];
                    counts[s][g] += q.counts()[t];
                    weighted[g] += q.abundance()[t] * q.length()[t];
                }
            }
            for (int g = 0; g < nGenes; g++) {
                length[s][g] = weighted[g] / abundance[s][g];
            }
        }
        replaceMissingLength(samples, g2, length);
        if (cfa != CountsFromAbundance.NO) {
            counts = countsFromAbundance(counts, abundance, length, cfa);
        }
        return new Result(geneIds, abundance, counts, length);
    }

    /** tximport's replaceMissingLength: 0/0 lengths (no abundance in that sample) get a stand-in. */
    private static void replaceMissingLength(List<TranscriptQuant> samples, int[] geneOfTx, double[][] length) {
        int nSamples = length.length;
        int nGenes = length[0].length;
        // aveLengthSampGene: per gene, the mean over its transcripts of their mean length across samples
        double[] sum = new double[nGenes];
        int[] n = new int[nGenes];
        for (int t = 0; t < geneOfTx.length; t++) {
            int g = geneOfTx[t];
            if (g < 0) {
                continue;
            }
            double mean = 0;
            for (TranscriptQuant q : samples) {
                mean += q.length()[t];
            }
            sum[g] += mean / nSamples;
            n[g]++;
        }
        for (int g = 0; g < nGenes; g++) {
            int nan = 0;
            double logSum = 0;
            for (int s = 0; s < nSamples; s++) {
                if (Double.isNaN(length[s][g])) {
                    nan++;
                } else {
                    logSum += Math.log(length[s][g]);
                }
            }
            if (nan == 0) {
                continue;
            }
            double fill = nan == nSamples ? sum[g] / n[g] : Math.exp(logSum / (nSamples - nan));
            for (int s = 0; s < nSamples; s++) {
                if (Double.isNaN(length[s][g])) {
                    length[s][g] = fill;
                }
            }
        }
    }

    /** tximport's makeCountsFromAbundance, on [sample][gene] matrices. */
    static double[][] countsFromAbundance(double[][] counts, double[][] abundance, double[][] length,
                                          CountsFromAbundance cfa) {
        int nSamples = counts.length;
        int nGenes = counts[0].length;
        double[] meanLength = new double[nGenes];
        if (cfa == CountsFromAbundance.LENGTH_SCALED_TPM) {
            for (int g = 0; g < nGenes; g++) {
                double s = 0;
                for (int i = 0; i < nSamples; i++) {
                    s += length[i][g];
                }
                meanLength[g] = s / nSamples;
            }
        }
        double[][] out = new double[nSamples][nGenes];
        for (int i = 0; i < nSamples; i++) {
            double countsSum = 0;
            double newSum = 0;
            for (int g = 0; g < nGenes; g++) {
                out[i][g] = cfa == CountsFromAbundance.LENGTH_SCALED_TPM ? abundance[i][g] * meanLength[g] : abundance[i][g];
                countsSum += counts[i][g];
                newSum += out[i][g];
            }
            double ratio = countsSum / newSum;
            for (int g = 0; g < nGenes; g++) {
                out[i][g] *= ratio;
            }
        }
        return out;
    }

    private static void requireSameTranscripts(TranscriptQuant first, TranscriptQuant q) {
        List<String> a = first.ids();
        List<String> b = q.ids();
        int n = Math.min(a.size(), b.size());
        for (int t = 0; t < n; t++) {
            if (!a.get(t).equals(b.get(t))) {
                throw UserException.badLine(q.file(), t + 2, "transcript '" + b.get(t) + "' where " + first.file()
                        + " has '" + a.get(t) + "': every file must list the same transcripts in the same order "
                        + "(quantify all samples against one index)");
            }
        }
        if (a.size() != b.size()) {
            throw UserException.badFile(q.file(), "has " + b.size() + " transcripts, " + first.file() + " has " + a.size()
                    + ": quantify all samples against one index");
        }
    }

    private static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
