package org.exprflow.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Simulates an RNA-seq count study with the negative-binomial model DESeq2 and edgeR assume:
 * <ul>
 *   <li>library size per sample: log-normal around the median (default 20 M reads, sdlog 0.25);</li>
 *   <li>gene proportions: log-normal (sdlog 2), so a few genes take most reads and many are low;</li>
 *   <li>dispersion: DESeq2's parametric trend asymptotic + extraPoisson / mean (defaults 0.05 and
 *       2), times log-normal scatter (sdlog 0.4);</li>
 *   <li>differential genes: a random set, each with a log2 fold change of +-size (random sign) in
 *       one non-reference class;</li>
 *   <li>batch effect: per gene and batch (the first batch is the reference), a normal offset on the
 *       log2 scale (sd --batch-sd), i.e. additive on the log scale;</li>
 *   <li>transcripts: 1-4 per gene, log-normal lengths (median 1,800 bp, at least 300); per sample
 *       the gene's count is split among them by proportions that vary a little between samples,
 *       and the effective length is length - 200 + 1 with a small per-sample jitter (as salmon's bias
 *       correction gives), so that tximport's length-scaled TPM differs from its plain counts.</li>
 * </ul>
 * Classes and batches are crossed and balanced (sample i: class i mod k, batch (i / k) mod b), so the
 * batch is not confounded with the class. Only SplittableRandom and StrictMath are used, one stream
 * per part of the model: the same parameters and seed give the same study on every machine.
 */
final class CountStudySimulator {
    static final double FRAGMENT_LENGTH = 200;

    /** The model's parameters, as the command line gives them. */
    record Parameters(long seed, int samples, int genes, int classes, int differential, double log2FoldChange,
                      int batches, double batchSd, double librarySize, double librarySdlog,
                      double asymptoticDispersion, double extraPoisson) {
    }

    private CountStudySimulator() {
    }

    static List<String> classNames(int classes) {
        if (classes == 2) {
            return List.of("control", "case");
        }
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= classes; k++) {
            names.add("group" + k);
        }
        return names;
    }

    static CountStudy simulate(Parameters p) {
        SplittableRandom root = new SplittableRandom(p.seed());
        SplittableRandom geneRandom = root.split();
        SplittableRandom effectRandom = root.split();
        SplittableRandom sampleRandom = root.split();
        SplittableRandom countRandom = root.split();
        SplittableRandom transcriptRandom = root.split();

        int nGenes = p.genes();
        int nSamples = p.samples();
        List<String> classNames = classNames(p.classes());
        List<String> geneIds = new ArrayList<>();
        List<String> geneNames = new ArrayList<>();
        int[] geneLengths = new int[nGenes];
        List<List<String>> txIds = new ArrayList<>();
        int[][] txLength = new int[nGenes][];
        double[][] txWeight = new double[nGenes][];
        double[] proportion = new double[nGenes];
        double[] dispersionScatter = new double[nGenes];
        int width = Math.max(6, String.valueOf(nGenes).length());
        int txCounter = 0;
        double proportionSum = 0;
        for (int g = 0; g < nGenes; g++) {
            geneIds.add(String.format(Locale.ROOT, "ENSGSIM%0" + width + "d", g + 1));
            geneNames.add("GENE" + (g + 1));
            proportion[g] = StrictMath.exp(2 * NegativeBinomial.gaussian(geneRandom));
            proportionSum += proportion[g];
            dispersionScatter[g] = StrictMath.exp(0.4 * NegativeBinomial.gaussian(geneRandom));
            int nTx = 1 + (int) StrictMath.floor(4 * StrictMath.pow(geneRandom.nextDouble(), 1.5));
            List<String> ids = new ArrayList<>();
            txLength[g] = new int[nTx];
            txWeight[g] = new double[nTx];
            int longest = 0;
            double weightSum = 0;
            for (int t = 0; t < nTx; t++) {
                ids.add(String.format(Locale.ROOT, "ENSTSIM%0" + width + "d", ++txCounter));
                txLength[g][t] = (int) StrictMath.max(300, StrictMath.rint(1800 * StrictMath.exp(0.6
                        * NegativeBinomial.gaussian(geneRandom))));
                longest = StrictMath.max(longest, txLength[g][t]);
                txWeight[g][t] = NegativeBinomial.gamma(geneRandom, 1);
                weightSum += txWeight[g][t];
            }
            for (int t = 0; t < nTx; t++) {
                txWeight[g][t] /= weightSum;
            }
            txIds.add(ids);
            geneLengths[g] = (int) StrictMath.rint(longest * (1 + 0.2 * geneRandom.nextDouble()));
        }
        for (int g = 0; g < nGenes; g++) {
            proportion[g] /= proportionSum;
        }

        // differential genes: the first `differential` of a seeded shuffle
        double[] lfc = new double[nGenes];
        String[] effectClass = new String[nGenes];
        int[] order = new int[nGenes];
        for (int g = 0; g < nGenes; g++) {
            order[g] = g;
        }
        for (int i = nGenes - 1; i > 0; i--) {
            int j = effectRandom.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        for (int i = 0; i < StrictMath.min(p.differential(), nGenes); i++) {
            int g = order[i];
            lfc[g] = (effectRandom.nextBoolean() ? 1 : -1) * p.log2FoldChange();
            effectClass[g] = classNames.get(1 + i % (p.classes() - 1));
        }
        double[][] batchOffset = new double[p.batches()][nGenes];
        for (int b = 1; b < p.batches(); b++) {
            for (int g = 0; g < nGenes; g++) {
                batchOffset[b][g] = p.batchSd() * NegativeBinomial.gaussian(effectRandom);
            }
        }

        List<String> sampleIds = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> batches = new ArrayList<>();
        double[] librarySizes = new double[nSamples];
        int sampleWidth = StrictMath.max(2, String.valueOf(nSamples).length());
        int[] batchOf = new int[nSamples];
        for (int s = 0; s < nSamples; s++) {
            sampleIds.add(String.format(Locale.ROOT, "S%0" + sampleWidth + "d", s + 1));
            labels.add(classNames.get(s % p.classes()));
            batchOf[s] = (s / p.classes()) % p.batches();
            batches.add("batch" + (batchOf[s] + 1));
            librarySizes[s] = p.librarySize() * StrictMath.exp(p.librarySdlog() * NegativeBinomial.gaussian(sampleRandom));
        }

        double[] baseMean = new double[nGenes];
        double[] dispersion = new double[nGenes];
        for (int g = 0; g < nGenes; g++) {
            baseMean[g] = p.librarySize() * proportion[g];
            dispersion[g] = (p.asymptoticDispersion() + p.extraPoisson() / StrictMath.max(baseMean[g], 1e-3))
                    * dispersionScatter[g];
        }
        long[][] counts = new long[nSamples][nGenes];
        double[][][] effLength = new double[nSamples][nGenes][];
        double[][][] numReads = new double[nSamples][nGenes][];
        for (int s = 0; s < nSamples; s++) {
            for (int g = 0; g < nGenes; g++) {
                double log2Effect = batchOffset[batchOf[s]][g]
                        + (labels.get(s).equals(effectClass[g]) ? lfc[g] : 0);
                double mu = librarySizes[s] * proportion[g] * StrictMath.pow(2, log2Effect);
                counts[s][g] = NegativeBinomial.draw(countRandom, mu, dispersion[g]);
                int nTx = txLength[g].length;
                effLength[s][g] = new double[nTx];
                numReads[s][g] = new double[nTx];
                double[] w = new double[nTx];
                double wSum = 0;
                for (int t = 0; t < nTx; t++) {
                    w[t] = txWeight[g][t] * StrictMath.exp(0.3 * NegativeBinomial.gaussian(transcriptRandom));
                    wSum += w[t];
                    double jitter = 1 + 0.02 * NegativeBinomial.gaussian(transcriptRandom);
                    effLength[s][g][t] = StrictMath.max(1, (txLength[g][t] - FRAGMENT_LENGTH + 1) * jitter);
                }
                for (int t = 0; t < nTx; t++) {
                    numReads[s][g][t] = counts[s][g] * w[t] / wSum;
                }
            }
        }
        return new CountStudy(geneIds, geneNames, geneLengths, txIds, txLength, sampleIds, labels, batches,
                librarySizes, counts, effLength, numReads, lfc, effectClass, dispersion, baseMean);
    }
}
