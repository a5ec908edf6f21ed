package org.exprflow.peaks;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.exprflow.io.Canonical;

/**
 * A deterministic chromatin + expression study for design (a): a small genome (3 chromosomes),
 * genes, and per sample a narrowPeak file and an RNA quantification. For "planted" genes a peak at
 * the TSS carries a signalValue that rises with a per-sample activity, and the same activity sets
 * the gene's log2(TPM + 1); "null" genes get TSS peaks and expression from independent draws. So
 * across samples the TSS-bin signal of a planted gene correlates strongly with its target, and that
 * of a null gene does not.
 *
 * <p>The files also exercise the readers: odd samples name contigs Ensembl-style (1, 2, 3), peaks
 * are written in shuffled order, even samples have RSEM files with the first two columns swapped,
 * odd samples two-column id/TPM files, and RNA gene-id versions differ from the annotation's.
 * Only java.util.Random and StrictMath-backed arithmetic are used, so output bytes are stable.
 */
public final class PeakStudySimulator {
    static final String[] CONTIGS = {"chr1", "chr2", "chr3"};
    static final int[] LENGTHS = {200_000, 150_000, 100_000};
    static final int GENES_PER_CONTIG = 8;

    private final long seed;
    private final int samples;

    public PeakStudySimulator(long seed, int samples) {
        this.seed = seed;
        this.samples = samples;
    }

    private record SimGene(String id, int contig, int start, int end, char strand, boolean planted) {
        int tss() {
            return strand == '-' ? end - 1 : start;
        }
    }

    public void write(Path dir) throws IOException {
        Random rng = new Random(seed);
        List<SimGene> genes = genes(rng);
        TextOutput.write(dir.resolve("chrom.sizes"), out -> {
            for (int c = 0; c < CONTIGS.length; c++) {
                out.write(CONTIGS[c] + "\t" + LENGTHS[c] + "\n");
            }
        });
        TextOutput.write(dir.resolve("genes.bed"), out -> {
            for (SimGene g : genes) {
                out.write(CONTIGS[g.contig] + "\t" + g.start + "\t" + g.end + "\t" + g.id + ".1\t0\t" + g.strand + "\n");
            }
        });
        TextOutput.write(dir.resolve("truth.tsv"), out -> {
            out.write("gene_id\tchrom\ttss\tstrand\tplanted\n");
            for (SimGene g : genes) {
                out.write(g.id + "\t" + CONTIGS[g.contig] + "\t" + g.tss() + "\t" + g.strand + "\t" + g.planted + "\n");
            }
        });
        for (int s = 1; s <= samples; s++) {
            List<String> peakLines = new ArrayList<>();
            List<String> rnaLines = new ArrayList<>();
            boolean ensemblNames = s % 2 == 1;
            for (SimGene g : genes) {
                double peakActivity = rng.nextDouble();
                double expressionActivity = g.planted ? peakActivity : rng.nextDouble();
                if (peakActivity > 0.1) {
                    peakLines.add(tssPeak(rng, g, peakActivity, ensemblNames));
                }
                double log2TpmPlusOne = Math.max(0, 0.5 + 7 * expressionActivity + 0.3 * rng.nextGaussian());
                double tpm = Math.pow(2, log2TpmPlusOne) - 1;
                rnaLines.add(g.id + ".2\t" + Canonical.number(Math.round(tpm * 100) / 100.0));
            }
            for (int k = 0; k < 120; k++) {
                peakLines.add(backgroundPeak(rng, k, ensemblNames));
            }
            Collections.shuffle(peakLines, rng);
            String name = String.format("sample%02d", s);
            TextOutput.write(dir.resolve(name + ".narrowPeak.gz"), out -> writeLines(out, peakLines));
            boolean rsem = s % 2 == 0;
            TextOutput.write(dir.resolve(name + ".rna.tsv"), out -> {
                if (rsem) {
                    out.write("transcript_id(s)\tgene_id\tlength\teffective_length\texpected_count\tTPM\tFPKM\n");
                    for (String line : rnaLines) {
                        String[] f = line.split("\t");
                        out.write("T" + f[0] + "\t" + f[0] + "\t1500.00\t1350.00\t100.00\t" + f[1] + "\t" + f[1] + "\n");
                    }
                    out.write("tSpikein_ERCC-00002\tgSpikein_ERCC-00002\t1061.00\t962.00\t50.00\t12.50\t10.00\n");
                } else {
                    writeLines(out, rnaLines);
                }
            });
        }
    }

    private List<SimGene> genes(Random rng) {
        List<SimGene> genes = new ArrayList<>();
        int k = 0;
        for (int c = 0; c < CONTIGS.length; c++) {
            int spacing = (LENGTHS[c] - 20_000) / GENES_PER_CONTIG;
            for (int i = 0; i < GENES_PER_CONTIG; i++) {
                k++;
                int tss = 10_000 + i * spacing + rng.nextInt(spacing / 4);
                int length = 1000 + rng.nextInt(spacing / 2);
                char strand = rng.nextBoolean() ? '+' : '-';
                int start = strand == '+' ? tss : tss - length + 1;
                // Every other gene is planted, so both kinds sit on every chromosome.
                genes.add(new SimGene(String.format("ENSG9%010d", k), c, start, start + length, strand, k % 2 == 1));
            }
        }
        return genes;
    }

    private static String tssPeak(Random rng, SimGene g, double activity, boolean ensemblNames) {
        int width = 300 + rng.nextInt(700);
        int center = g.tss() + rng.nextInt(401) - 200;
        int start = Math.max(0, center - width / 2);
        double signal = 2 + 30 * activity + 0.5 * rng.nextGaussian();
        return peakLine(g.contig, start, start + width, Math.max(0.5, signal), center - start, ensemblNames);
    }

    private static String backgroundPeak(Random rng, int k, boolean ensemblNames) {
        int contig = rng.nextInt(CONTIGS.length);
        int width = 150 + rng.nextInt(1850);
        int start = rng.nextInt(LENGTHS[contig] - width);
        return peakLine(contig, start, start + width, 1 + 5 * rng.nextDouble(), width / 2, ensemblNames);
    }

    private static String peakLine(int contig, int start, int end, double signal, int summit, boolean ensemblNames) {
        double rounded = Math.round(signal * 1000) / 1000.0;
        long score = Math.min(1000, Math.round(rounded * 25));
        String chrom = ensemblNames ? CONTIGS[contig].substring(3) : CONTIGS[contig];
        return chrom + "\t" + start + "\t" + end + "\t.\t" + score + "\t.\t" + Canonical.number(rounded) + "\t"
                + Canonical.number(Math.round(rounded * 3000) / 1000.0) + "\t"
                + Canonical.number(Math.round(rounded * 2500) / 1000.0) + "\t" + summit;
    }

    private static void writeLines(Writer out, List<String> lines) throws IOException {
        for (String line : lines) {
            out.write(line);
            out.write('\n');
        }
    }
}
