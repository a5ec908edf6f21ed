package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.fixture;
import static org.exprflow.ingest.IngestFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureAnnotations;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feature annotation at import: symbols from descriptions, GEO platform tables and --feature-annotation. */
@Tag("unit")
class FeatureAnnotationImportTest {
    @TempDir
    Path dir;

    @Test
    void theSymbolRuleOnTheClarificationsExamples() {
        assertEquals("CST3", DescriptionSymbols.symbol("CST3 Cystatin C (amyloid angiopathy and cerebral hemorrhage)"));
        assertEquals("MPO", DescriptionSymbols.symbol("MPO Myeloperoxidase"));
        assertEquals("ZYX", DescriptionSymbols.symbol("Zyxin"));
        assertNull(DescriptionSymbols.symbol("GB DEF = Homeodomain protein HoxA9 mRNA"));
        assertNull(DescriptionSymbols.symbol("GB DEF = CD1 R2 gene for MHC-related antigen"));
    }

    @Test
    void theSymbolRuleKeepsCuratedNamesAndLeavesTheRestEmpty() {
        assertEquals("HLA-C", DescriptionSymbols.symbol("HLA-C Major histocompatibility complex; class I; C"));
        assertEquals("CD19", DescriptionSymbols.symbol("CD19 CD19 antigen"));
        assertEquals("BPGM", DescriptionSymbols.symbol("BPGM 2;3-bisphosphoglycerate mutase"));
        assertEquals("CD79A", DescriptionSymbols.symbol("MB-1 gene"));
        // all-capital protein names
        assertNull(DescriptionSymbols.symbol("PROTEASOME IOTA CHAIN"));
        assertNull(DescriptionSymbols.symbol("GLUCOSE TRANSPORTER TYPE 3; BRAIN"));
        assertNull(DescriptionSymbols.symbol("RING3 PROTEIN"));
        assertNull(DescriptionSymbols.symbol("CALMODULIN"));
        // GenBank definitions: a clone name or a lower-case word after the token
        assertNull(DescriptionSymbols.symbol("KIAA0109 gene"));
        assertNull(DescriptionSymbols.symbol("G protein-coupled receptor GPR-NGA gene"));
        assertNull(DescriptionSymbols.symbol("Cyclin-dependent kinase 4 (CDK4) gene"));
        assertNull(DescriptionSymbols.symbol("AFFX-CreX-3_st (endogenous control)"));
        assertNull(DescriptionSymbols.symbol(""));
        assertNull(DescriptionSymbols.symbol(null));
    }

    @Test
    void golubReaderKeepsDescriptionsAndTheirSymbols(@TempDir Path d) throws IOException {
        Path f = Files.writeString(d.resolve("g.csv"), "Gene Description,Gene Accession Number,1,call\n"
                + "MPO Myeloperoxidase,M19507_at,5,P\nZyxin,X95735_at,6,P\nGB DEF = Histone H4 (H4) gene,M60749_at,7,A\n");
        Dataset data = GolubTableReader.read(f);
        FeatureAnnotations a = data.featureAnnotations();
        assertEquals(Arrays.asList("MPO", "ZYX", null), a.column(FeatureAnnotations.SYMBOL));
        assertEquals(List.of("MPO Myeloperoxidase", "Zyxin", "GB DEF = Histone H4 (H4) gene"),
                a.column(FeatureAnnotations.DESCRIPTION));
        // the rule reads the fixture's made-up descriptions literally: 'GENE A, alpha ...' has a
        // lower-case description after the token, 'GENE B' is all capitals
        assertEquals(Arrays.asList("GENE", null),
                GolubTableReader.read(fixture("golub_small.csv")).featureAnnotations().column(FeatureAnnotations.SYMBOL));
    }

    @Test
    void geoSoftTakesSymbolsFromThePlatformTableOfTheChosenPlatform() throws IOException {
        String soft = Files.readString(fixture("gse_family_small.soft")).replace(
                "ID\tGB_ACC\np1\tX1\np2\tX2\n",
                "ID\tGB_ACC\tGene Symbol\tENTREZ_GENE_ID\tGene Title\np1\tX1\tDDR1 /// MIR4640\t780 /// 100616237\t"
                        + "discoidin domain receptor tyrosine kinase 1\np2\tX2\t---\t\t\n");
        Path f = Files.writeString(dir.resolve("gse.soft"), soft);
        Dataset d = GeoSoftReader.read(f, ReaderOptions.defaults());
        assertEquals(List.of("p1", "p2", "p3"), d.featureIds());
        FeatureAnnotations a = d.featureAnnotations();
        assertEquals(Arrays.asList("DDR1 /// MIR4640", null, null), a.column(FeatureAnnotations.SYMBOL));
        assertEquals(Arrays.asList("780 /// 100616237", null, null), a.column(FeatureAnnotations.ENTREZ));
        assertEquals("discoidin domain receptor tyrosine kinase 1", a.column(FeatureAnnotations.DESCRIPTION).get(0));
        // a platform table without annotation columns (the fixture's) gives none
        assertTrue(GeoSoftReader.read(fixture("gse_family_small.soft"), ReaderOptions.defaults())
                .featureAnnotations().isEmpty());
    }

    @Test
    void theFeatureAnnotationTableTravelsInTheDatasetAndJoinsMultiGeneProbes() throws IOException {
        Path table = Files.writeString(dir.resolve("ann.tsv"), "probe_id\tsymbol\tENTREZ_GENE_ID\tunused\n"
                + "M1_at\tDDR1\t780\tx\nM1_at\tMIR4640\t\t\nOTHER_at\tTP53\t7157\ty\n");
        Path out = dir.resolve("d.xfd");
        IngestFixtures.Run r = run("import", "--input", fixture("golub_small.csv").toString(), "--feature-annotation",
                table.toString(), "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("ann.tsv annotates 1 of 2 features; 1 have a gene symbol"), r.stderr());
        FeatureAnnotations a = DatasetFile.read(out).featureAnnotations();
        assertEquals(Arrays.asList("DDR1 /// MIR4640", null), a.column(FeatureAnnotations.SYMBOL));
        assertEquals(Arrays.asList("780", null), a.column(FeatureAnnotations.ENTREZ));
        // the Golub description column is still there
        assertEquals("GENE A, alpha \"X\" form", a.column(FeatureAnnotations.DESCRIPTION).get(0));
    }

    @Test
    void aBadAnnotationTableIsOneLineNamingTheFileAndLine() throws IOException {
        Path out = dir.resolve("d.xfd");
        Path noColumns = Files.writeString(dir.resolve("a.tsv"), "probe\tweight\nM1_at\t3\n");
        IngestFixtures.Run r = run("import", "--input", fixture("golub_small.csv").toString(), "--feature-annotation",
                noColumns.toString(), "--output", out.toString());
        assertEquals(3, r.exitCode(), r.stderr());
        assertEquals(1, r.lines().stream().filter(l -> l.contains("error")).count(), r.stderr());
        assertTrue(r.stderr().contains("a.tsv:1: no annotation column"), r.stderr());
        assertFalse(Files.exists(out));

        Path wide = Files.writeString(dir.resolve("b.tsv"), "id\tsymbol\nM1_at\tA\nM2_at\tB\textra\n");
        r = run("import", "--input", fixture("golub_small.csv").toString(), "--feature-annotation", wide.toString(),
                "--output", out.toString());
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("b.tsv:3: row has 3 fields, the header has 2"), r.stderr());

        Path foreign = Files.writeString(dir.resolve("c.tsv"), "ID_REF\tGene symbol\n1007_s_at\tDDR1\n");
        r = run("import", "--input", fixture("golub_small.csv").toString(), "--feature-annotation", foreign.toString(),
                "--output", out.toString());
        assertEquals(3, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("c.tsv: names none of the dataset's 2 feature ids"), r.stderr());
        assertFalse(Files.exists(out));
        assertFalse(r.stderr().contains("\tat "), r.stderr());
    }
}
