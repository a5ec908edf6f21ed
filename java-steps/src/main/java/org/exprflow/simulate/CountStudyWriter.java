package org.exprflow.simulate;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.exprflow.io.AtomicOutput;

/**
 * Writes a simulated count study in the layouts real RNA-seq pipelines produce:
 * <ul>
 *   <li>{@code salmon.merged.gene_counts.tsv}: nf-core/rnaseq's genes x samples matrix
 *       ({@code gene_id, gene_name}, one column per sample), whole counts;</li>
 *   <li>{@code featureCounts.txt}: featureCounts' table (command comment, Geneid Chr Start End
 *       Strand Length, one column per BAM {@code <sample>.bam}), the same counts;</li>
 *   <li>{@code salmon/<sample>/quant.sf} (or {@code quant.sf.gz}): salmon's transcript table (Name, Length, EffectiveLength,
 *       TPM, NumReads), the gene's count split among its transcripts; TPM is computed from the
 *       written NumReads and EffectiveLength, as salmon's own TPM follows its counts;</li>
 *   <li>{@code tx2gene.tsv}: transcript_id, gene_id, gene_name;</li>
 *   <li>{@code samplesheet.csv} (sample, label, batch) and {@code samplesheet_salmon.csv} (the same
 *       with {@code file}, the quant.sf path relative to the sheet);</li>
 *   <li>{@code truth.tsv}: per gene its base mean, dispersion, planted log2 fold change and class.</li>
 * </ul>
 */
final class CountStudyWriter {
    static final List<String> FILES = List.of("salmon.merged.gene_counts.tsv", "featureCounts.txt", "tx2gene.tsv",
            "samplesheet.csv", "samplesheet_salmon.csv", "truth.tsv");

    private CountStudyWriter() {
    }

    /** @param gzipQuant write {@code quant.sf.gz} (as tximportData ships them) instead of {@code quant.sf} */
    static void writeAll(CountStudy study, Path dir, boolean gzipQuant) throws IOException {
        writeGeneCounts(study, dir.resolve("salmon.merged.gene_counts.tsv"));
        writeFeatureCounts(study, dir.resolve("featureCounts.txt"));
        for (int s = 0; s < study.sampleCount(); s++) {
            writeQuantSf(study, s, dir.resolve(quantPath(study, s, gzipQuant)), gzipQuant);
        }
        writeTx2Gene(study, dir.resolve("tx2gene.tsv"));
        writeSamplesheets(study, dir, gzipQuant);
        writeTruth(study, dir.resolve("truth.tsv"));
    }

    static String quantPath(CountStudy study, int sample, boolean gzip) {
        return "salmon/" + study.sampleIds().get(sample) + "/quant.sf" + (gzip ? ".gz" : "");
    }

    private static void writeGeneCounts(CountStudy study, Path file) throws IOException {
        AtomicOutput.writeText(file, out -> {
            StringBuilder sb = new StringBuilder("gene_id\tgene_name");
            for (String s : study.sampleIds()) {
                sb.append('\t').append(s);
            }
            line(out, sb);
            for (int g = 0; g < study.geneCount(); g++) {
                sb.append(study.geneIds().get(g)).append('\t').append(study.geneNames().get(g));
                for (int s = 0; s < study.sampleCount(); s++) {
                    sb.append('\t').append(study.counts()[s][g]);
                }
                line(out, sb);
            }
        });
    }

    private static void writeFeatureCounts(CountStudy study, Path file) throws IOException {
        AtomicOutput.writeText(file, out -> {
            StringBuilder sb = new StringBuilder("# Program:featureCounts v2.0.3; Command:\"featureCounts\" \"-a\" "
                    + "\"genes.gtf\" \"-o\" \"featureCounts.txt\"");
            for (String s : study.sampleIds()) {
                sb.append(" \"").append(s).append(".bam\"");
            }
            sb.append(" (simulated by exprflow simulate-counts)");
            line(out, sb);
            sb.append("Geneid\tChr\tStart\tEnd\tStrand\tLength");
            for (String s : study.sampleIds()) {
                sb.append('\t').append(s).append(".bam");
            }
            line(out, sb);
            long position = 10_000;
            for (int g = 0; g < study.geneCount(); g++) {
                int length = study.geneLengths()[g];
                long start = position;
                long end = start + 3L * length - 1; // introns: the locus is longer than its exons
                position = end + 5_000;
                sb.append(study.geneIds().get(g)).append("\tchr1\t").append(start).append('\t').append(end)
                        .append('\t').append(g % 2 == 0 ? '+' : '-').append('\t').append(length);
                for (int s = 0; s < study.sampleCount(); s++) {
                    sb.append('\t').append(study.counts()[s][g]);
                }
                line(out, sb);
            }
        });
    }

    private static void writeQuantSf(CountStudy study, int s, Path file, boolean gzip) throws IOException {
        // the values as written (rounded), so that TPM follows the written NumReads / EffectiveLength
        int nGenes = study.geneCount();
        double[][] eff = new double[nGenes][];
        double[][] reads = new double[nGenes][];
        double rateSum = 0;
        for (int g = 0; g < nGenes; g++) {
            int nTx = study.transcriptLength()[g].length;
            eff[g] = new double[nTx];
            reads[g] = new double[nTx];
            for (int t = 0; t < nTx; t++) {
                eff[g][t] = Double.parseDouble(fixed(study.effectiveLength()[s][g][t], 3));
                reads[g][t] = Double.parseDouble(fixed(study.numReads()[s][g][t], 3));
                rateSum += reads[g][t] / eff[g][t];
            }
        }
        final double total = rateSum;
        AtomicOutput.TextBody body = out -> {
            StringBuilder sb = new StringBuilder("Name\tLength\tEffectiveLength\tTPM\tNumReads");
            line(out, sb);
            for (int g = 0; g < nGenes; g++) {
                for (int t = 0; t < eff[g].length; t++) {
                    double tpm = total > 0 ? reads[g][t] / eff[g][t] / total * 1e6 : 0;
                    sb.append(study.transcriptIds().get(g).get(t)).append('\t').append(study.transcriptLength()[g][t])
                            .append('\t').append(fixed(eff[g][t], 3)).append('\t').append(fixed(tpm, 6))
                            .append('\t').append(fixed(reads[g][t], 3));
                    line(out, sb);
                }
            }
        };
        if (gzip) {
            AtomicOutput.writeGzipText(file, 9, body);
        } else {
            AtomicOutput.writeText(file, body);
        }
    }

    private static void writeTx2Gene(CountStudy study, Path file) throws IOException {
        AtomicOutput.writeText(file, out -> {
            StringBuilder sb = new StringBuilder("transcript_id\tgene_id\tgene_name");
            line(out, sb);
            for (int g = 0; g < study.geneCount(); g++) {
                for (String tx : study.transcriptIds().get(g)) {
                    sb.append(tx).append('\t').append(study.geneIds().get(g)).append('\t').append(study.geneNames().get(g));
                    line(out, sb);
                }
            }
        });
    }

    private static void writeSamplesheets(CountStudy study, Path dir, boolean gzipQuant) throws IOException {
        for (boolean withFiles : new boolean[] {false, true}) {
            AtomicOutput.writeText(dir.resolve(withFiles ? "samplesheet_salmon.csv" : "samplesheet.csv"), out -> {
                StringBuilder sb = new StringBuilder("sample,label,batch" + (withFiles ? ",file" : ""));
                line(out, sb);
                for (int s = 0; s < study.sampleCount(); s++) {
                    sb.append(study.sampleIds().get(s)).append(',').append(study.labels().get(s)).append(',')
                            .append(study.batches().get(s));
                    if (withFiles) {
                        sb.append(',').append(quantPath(study, s, gzipQuant));
                    }
                    line(out, sb);
                }
            });
        }
    }

    private static void writeTruth(CountStudy study, Path file) throws IOException {
        AtomicOutput.writeText(file, out -> {
            StringBuilder sb = new StringBuilder("gene_id\tgene_name\tbase_mean\tdispersion\tlog2_fold_change\tclass");
            line(out, sb);
            for (int g = 0; g < study.geneCount(); g++) {
                sb.append(study.geneIds().get(g)).append('\t').append(study.geneNames().get(g)).append('\t')
                        .append(fixed(study.baseMean()[g], 3)).append('\t').append(fixed(study.dispersion()[g], 6))
                        .append('\t').append(fixed(study.log2FoldChange()[g], 3)).append('\t')
                        .append(study.effectClass()[g] == null ? "NA" : study.effectClass()[g]);
                line(out, sb);
            }
        });
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static void line(Writer out, StringBuilder sb) throws IOException {
        out.write(sb.append('\n').toString());
        sb.setLength(0);
    }
}
