package org.exprflow.landmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.FeatureIdType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three list layouts, and matching by probe, symbol or Ensembl id with honest counts. */
@Tag("unit")
class FeatureMatchTest {

    @TempDir
    Path dir;

    @Test
    void readsL1000DgexMapAndPlainLists() throws Exception {
        GeneList l1000 = GeneList.read(write("lm.txt",
                "Entrez ID\tSymbol\tName\tGene Family\tType\tRNA-Seq Correlation\tRNA-Seq Correlation Self-Rank\n"
                        + "16\tAARS\talanyl-tRNA synthetase\tx\tlandmark\t\t\n10058\tABCB6\tABC\ty\tlandmark\t\t\n"));
        assertEquals(GeneList.Layout.L1000, l1000.layout());
        assertEquals(List.of("AARS", "ABCB6"), l1000.ids(FeatureIdType.SYMBOL));
        assertEquals(List.of("16", "10058"), l1000.ids(FeatureIdType.ENTREZ));
        UserException e = assertThrows(UserException.class, () -> l1000.ids(FeatureIdType.PROBE));
        assertTrue(e.getMessage().contains("not probe ids"), e.getMessage());

        GeneList map = GeneList.read(write("map.txt", "UBE2C\tENSG00000175063\t202954_at\nRBKS\tENSG00000171174.5\t219222_at\n"));
        assertEquals(GeneList.Layout.DGEX_MAP, map.layout());
        assertEquals(List.of("202954_at", "219222_at"), map.ids(FeatureIdType.PROBE));
        assertEquals(List.of("ENSG00000175063", "ENSG00000171174"), map.ids(FeatureIdType.ENSEMBL));
        assertEquals(List.of("UBE2C", "RBKS"), map.ids(FeatureIdType.SYMBOL));

        GeneList plain = GeneList.read(write("plain.txt", "# mine\nA\nB\n\n"));
        assertEquals(List.of("A", "B"), plain.ids(FeatureIdType.OTHER));
    }

    @Test
    void countsAbsentAmbiguousAndOverlappingIds() throws Exception {
        // columns: p1 p2 p3 p4 p4 p5 p6
        Dataset d = dataset("p1", "p2", "p3", "p4", "p4", "p5", "p6");
        GeneList lm = GeneList.read(write("lm.txt", "G1\tENSG01\tp1\nG2\tENSG02\tp2\nG9\tENSG09\tp9\n"));
        GeneList tg = GeneList.read(write("tg.txt", "G3\tENSG03\tp3\nG4\tENSG04\tp4\nG1\tENSG01\tp1\nG8\tENSG08\tp8\nG6\tENSG06\tp6\n"));
        FeatureMatch m = FeatureMatch.match(d, lm, tg, FeatureIdType.PROBE);
        assertArrayEquals(new int[] {0, 1}, m.landmarkColumns());
        assertArrayEquals(new int[] {2, 6}, m.targetColumns());
        assertEquals(3, m.landmarksListed());
        assertEquals(1, m.landmarksAbsent());
        assertEquals(5, m.targetsListed());
        assertEquals(1, m.targetsAbsent());      // p8
        assertEquals(1, m.targetsAmbiguous());   // p4 is two columns
        assertEquals(1, m.targetsAlsoLandmarks()); // p1
        assertTrue(m.describe().contains("2 of 3 landmarks"), m.describe());

        // Without a target list: every other unambiguous feature, in dataset order.
        FeatureMatch rest = FeatureMatch.match(d, lm, null, FeatureIdType.PROBE);
        assertArrayEquals(new int[] {2, 5, 6}, rest.targetColumns());
    }

    @Test
    void matchesBySymbolWhenTheDatasetHasSymbols() throws Exception {
        Dataset d = dataset("UBE2C", "RBKS", "NXN");
        GeneList map = GeneList.read(write("map.txt", "UBE2C\tENSG00000175063\t202954_at\nRBKS\tENSG00000171174\t219222_at\n"));
        FeatureMatch m = FeatureMatch.match(d, map, null, FeatureIdType.SYMBOL);
        assertArrayEquals(new int[] {2}, m.targetColumns());
        UserException e = assertThrows(UserException.class, () -> FeatureMatch.match(d, map, null, FeatureIdType.PROBE));
        assertTrue(e.getMessage().contains("check --id-type"), e.getMessage());
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Dataset dataset(String... features) {
        double[][] v = new double[3][features.length];
        return new Dataset("d", List.of("a", "b", "c"), List.of(features), FeatureIdType.OTHER, v, new LinkedHashMap<>(), List.of());
    }
}
