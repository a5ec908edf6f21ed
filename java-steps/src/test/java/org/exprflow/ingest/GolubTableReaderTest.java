package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class GolubTableReaderTest {

    @Test
    void readsPatientsAccessionsAndValuesFromQuotedCrlfCsv() {
        Dataset d = GolubTableReader.read(fixture("golub_small.csv"));
        assertEquals(List.of("1", "2", "3"), d.sampleIds());
        assertEquals(List.of("M1_at", "M2_at"), d.featureIds());
        assertArrayEquals(new double[] {-214, 5}, d.row(0));
        assertArrayEquals(new double[] {139, -7}, d.row(1));
        assertArrayEquals(new double[] {0, 12}, d.row(2));
    }

    @Test
    void aValueColumnWithoutItsCallColumnIsAnErrorAtLineOne(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("g.csv"),
                "Gene Description,Gene Accession Number,1,call,2,3\nd,M1_at,1,P,2,3\n");
        UserException e = assertThrows(UserException.class, () -> GolubTableReader.read(bad));
        assertTrue(e.getMessage().contains("g.csv:1: columns 5 and 6 are '2', '3'"), e.getMessage());
    }

    @Test
    void aCallThatIsNotPAOrMIsAnError(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("g.csv"),
                "Gene Description,Gene Accession Number,1,call\nd,M1_at,1,P\ne,M2_at,1,X\n");
        UserException e = assertThrows(UserException.class, () -> GolubTableReader.read(bad));
        assertTrue(e.getMessage().contains("g.csv:3: gene 'M2_at', patient '1' (column 4): call 'X'"), e.getMessage());
    }
}
