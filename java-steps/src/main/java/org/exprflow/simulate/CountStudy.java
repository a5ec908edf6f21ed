package org.exprflow.simulate;

import java.util.List;

/**
 * A simulated RNA-seq count study: genes with their transcripts, samples with class, batch and
 * library size, the gene counts, and each sample's transcript-level salmon estimates.
 *
 * @param geneIds          gene ids (ENSG-like, {@code ENSGSIM...})
 * @param geneNames        gene symbols ({@code GENE1}, ...)
 * @param geneLengths      union-of-exons length per gene (featureCounts' Length)
 * @param transcriptIds    per gene, its transcript ids
 * @param transcriptLength per gene, its transcripts' lengths
 * @param sampleIds        sample ids
 * @param labels           class per sample
 * @param batches          batch per sample
 * @param librarySizes     per sample, the library size drawn (the expected total count)
 * @param counts           [sample][gene] whole counts
 * @param effectiveLength  [sample][gene][transcript] salmon's effective length
 * @param numReads         [sample][gene][transcript] salmon's estimated counts (fractional)
 * @param log2FoldChange   per gene, the planted class effect (0 when not differential)
 * @param effectClass      per gene, the class the effect applies to (null when not differential)
 * @param dispersion       per gene, the NB dispersion used
 * @param baseMean         per gene, the mean count at the median library size, without effects
 */
record CountStudy(List<String> geneIds, List<String> geneNames, int[] geneLengths, List<List<String>> transcriptIds,
                  int[][] transcriptLength, List<String> sampleIds, List<String> labels, List<String> batches,
                  double[] librarySizes, long[][] counts, double[][][] effectiveLength, double[][][] numReads,
                  double[] log2FoldChange, String[] effectClass, double[] dispersion, double[] baseMean) {

    int geneCount() {
        return geneIds.size();
    }

    int sampleCount() {
        return sampleIds.size();
    }
}
