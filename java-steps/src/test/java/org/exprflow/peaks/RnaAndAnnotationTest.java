package org.exprflow.peaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.data.TargetChunk;
import org.exprflow.data.IdVersions;
import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RNA quantification formats, gene-id version stripping, GTF/BED annotations and target chunks. */
@Tag("unit")
class RnaAndAnnotationTest {
    private static final ChromosomeSizes GENOME = ChromosomeSizes.of(List.of("chr1", "chr2"), new int[] {100000, 50000});

    @Test
    void versionsAreStrippedButParYCopiesStayDistinct() {
        assertEquals("ENSG00000123456", IdVersions.ENSEMBL_GENES.strip("ENSG00000123456.5"));
        assertEquals("ENSG00000002586_PAR_Y", IdVersions.ENSEMBL_GENES.strip("ENSG00000002586.19_PAR_Y"));
        assertEquals("ENSMUSG00000000001", IdVersions.ENSEMBL_GENES.strip("ENSMUSG00000000001.4"));
        assertEquals("gSpikein_ERCC-00171", IdVersions.ENSEMBL_GENES.strip("gSpikein_ERCC-00171"));
        // GENCODE v24 writes the chrY PAR copies ENSGR...: not a gene id of this pattern, kept as written
        assertEquals("ENSGR0000002586.18", IdVersions.ENSEMBL_GENES.strip("ENSGR0000002586.18"));
        assertEquals("ENSGR0000002586", IdVersions.ENSEMBL.strip("ENSGR0000002586.18"));
    }

    @Test
    void rsemColumnsAreFoundByNameInAnyOrder(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("q.tsv"), "transcript_id(s)\tlength\tTPM\tgene_id\tFPKM\n"
                + "T1,T2\t100\t3\tENSG00000000001.7\t9\nT3\t50\t0\tENSG00000000002.1\t1\n");
        RnaQuantification q = RnaQuantificationReader.read(f);
        assertEquals(java.util.Map.of("ENSG00000000001", 3.0, "ENSG00000000002", 0.0), q.tpm());
        assertEquals(2.0, q.log2TpmPlusOne("ENSG00000000001"), 1e-12);
        assertTrue(Double.isNaN(q.log2TpmPlusOne("ENSG00000000003")));
    }

    @Test
    void twoColumnFilesHaveNoHeader(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("q.tsv"), "ENSG00000000003.14\t0.21\nENSG00000000005.5\t7\n");
        assertEquals(List.of("ENSG00000000003", "ENSG00000000005"), List.copyOf(RnaQuantificationReader.read(f).tpm().keySet()));
    }

    @Test
    void nonNumericTpmNamesTheLine(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("q.tsv"), "ENSG00000000003.14\t0.21\nENSG00000000005.5\tlots\n");
        UserException e = assertThrows(UserException.class, () -> RnaQuantificationReader.read(f));
        assertTrue(e.getMessage().startsWith(f + ":2: TPM 'lots'"), e.getMessage());
    }

    @Test
    void gtfGeneLinesAndBedBodiesGiveTheSameGenesAndStrandAwareTss(@TempDir Path tmp) throws IOException {
        Path gtf = Files.writeString(tmp.resolve("a.gtf"), "#!genome-build GRCh38\n"
                + "chr1\tHAVANA\tgene\t1001\t2000\t.\t+\t.\tgene_id \"ENSG00000000001.3\"; gene_type \"protein_coding\";\n"
                + "chr1\tHAVANA\ttranscript\t1001\t2000\t.\t+\t.\tgene_id \"ENSG00000000001.3\"; transcript_id \"T\";\n"
                + "2\tHAVANA\tgene\t501\t800\t.\t-\t.\tgene_id \"ENSG00000000002.1\";\n");
        Path bed = Files.writeString(tmp.resolve("a.bed"), "chr2\t500\t800\tENSG00000000002.4\t0\t-\n"
                + "chr1\t1000\t2000\tENSG00000000001.9\t0\t+\tENSG00000000001.9\n");
        GeneAnnotation a = GeneAnnotationReader.read(gtf, GENOME, UnknownContigPolicy.ERROR);
        GeneAnnotation b = GeneAnnotationReader.read(bed, GENOME, UnknownContigPolicy.ERROR);
        assertEquals(a.genes(), b.genes());
        assertEquals(1000, a.genes().get(0).tss());
        assertEquals(799, a.genes().get(1).tss(), "minus strand: TSS is the last base of the body");
    }

    @Test
    void aGtfGeneLineWithoutGeneIdIsNamedAsSuch(@TempDir Path tmp) throws IOException {
        // used to be read as BED6 and reported as "gene coordinates are not integers"
        Path gtf = Files.writeString(tmp.resolve("a.gtf"),
                "chr1\tHAVANA\tgene\t1001\t2000\t.\t+\t.\tgene_id \"ENSG00000000001.3\";\n"
                        + "chr1\tHAVANA\tgene\t3001\t4000\t.\t+\t.\tgene_name \"ABC\"; gene_type \"protein_coding\";\n");
        UserException e = assertThrows(UserException.class, () -> GeneAnnotationReader.read(gtf, GENOME, UnknownContigPolicy.ERROR));
        assertEquals(gtf + ":2: GTF gene line has no gene_id attribute", e.getMessage());
    }

    @Test
    void annotationContigsFollowTheUnknownContigPolicy(@TempDir Path tmp) throws IOException {
        Path bed = Files.writeString(tmp.resolve("a.bed"), "chr1\t0\t10\tG1\t0\t+\nchrUn_GL000195v1\t0\t10\tG2\t0\t+\n");
        UserException e = assertThrows(UserException.class, () -> GeneAnnotationReader.read(bed, GENOME, UnknownContigPolicy.ERROR));
        assertTrue(e.getMessage().startsWith(bed + ":2: contig 'chrUn_GL000195v1'"), e.getMessage());
        GeneAnnotation skipped = GeneAnnotationReader.read(bed, GENOME, UnknownContigPolicy.SKIP);
        assertEquals(1, skipped.genes().size());
        assertEquals(1, skipped.unknownContigDropped());
    }

    @Test
    void targetChunksPartitionTheGenesInOrder() {
        List<Integer> genes = java.util.stream.IntStream.range(0, 23).boxed().toList();
        List<Integer> union = new java.util.ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            List<Integer> chunk = TargetChunk.parse(k + "/10").of(genes);
            assertTrue(chunk.size() == 2 || chunk.size() == 3, "sizes differ by at most one: " + chunk);
            union.addAll(chunk);
        }
        assertEquals(genes, union);
        assertEquals(genes, TargetChunk.parse(null).of(genes));
        assertEquals(2, assertThrows(UserException.class, () -> TargetChunk.parse("11/10")).exitCode().code);
    }
}
