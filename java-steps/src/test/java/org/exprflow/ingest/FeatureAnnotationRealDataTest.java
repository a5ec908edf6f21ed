package org.exprflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureAnnotations;
import org.exprflow.testing.TestEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Symbols of the real Golub (Hu6800) descriptions and the GPL96 annotation tables in shared/data. */
@Tag("realdata")
class FeatureAnnotationRealDataTest {

    @Test
    void golubMarkersGetTheirSymbols() {
        Dataset d = GolubTableReader.read(TestEnvironment.sharedFile("golub/data_set_ALL_AML_train.csv.gz"));
        List<String> symbols = d.featureAnnotations().column(FeatureAnnotations.SYMBOL);
        Map<String, String> byProbe = new TreeMap<>();
        for (int j = 0; j < d.featureCount(); j++) {
            byProbe.put(d.featureIds().get(j), symbols.get(j));
        }
        // ALL/AML markers of Golub et al. 1999 (their figure 3) and later work
        assertEquals("CST3", byProbe.get("M27891_at"));
        assertEquals("MPO", byProbe.get("M19507_at"));
        assertEquals("ZYX", byProbe.get("X95735_at"));       // "Zyxin", through the alias list
        assertEquals("LEPR", byProbe.get("Y12670_at"));
        assertEquals("CD33", byProbe.get("M23197_at"));
        assertEquals("CD79A", byProbe.get("U05259_rna1_at")); // "MB-1 gene", through the alias list
        assertEquals("CCND3", byProbe.get("M92287_at"));
        assertEquals("TCF3", byProbe.get("M31523_at"));
        assertEquals("LYN", byProbe.get("M16038_at"));
        assertEquals("CTSD", byProbe.get("M63138_at"));
        assertEquals("DF", byProbe.get("M84526_at"));         // adipsin, under its 1999 symbol (now CFD)
        assertEquals("MCM3", byProbe.get("D38073_at"));
        // no symbol: a GenBank definition and an all-capital protein name
        assertEquals(null, byProbe.get("U82759_at"));        // GB DEF = Homeodomain protein HoxA9 mRNA
        assertEquals(null, byProbe.get("X59417_at"));        // PROTEASOME IOTA CHAIN
        long named = symbols.stream().filter(s -> s != null).count();
        assertEquals(2139, named); // 2,135 by the rule, 4 by the alias list, of 7,129 probes
        assertEquals(7129, d.featureCount());
    }

    @Test
    void gpl96TablesReadWithOneRowPerGeneJoined() {
        AnnotationColumns split = FeatureAnnotationTable.read(
                TestEnvironment.sharedFile("annotation/gpl96/gpl96_probe2symbol_dealgpl96.tsv.gz"));
        AnnotationColumns full = FeatureAnnotationTable.read(
                TestEnvironment.sharedFile("annotation/gpl96/gpl96_probe_symbol_full22283.txt.gz"));
        List<String> probes = List.of("1007_s_at", "1053_at", "AFFX-BioB-5_at");
        List<String> a = split.forFeatures(probes).column(FeatureAnnotations.SYMBOL);
        List<String> b = full.forFeatures(probes).column(FeatureAnnotations.SYMBOL);
        assertEquals("DDR1 /// MIR4640", a.get(0));
        assertEquals("DDR1", b.get(0));
        assertEquals("RFC2", a.get(1));
        assertEquals("RFC2", b.get(1));
        assertEquals(null, b.get(2));
    }
}
