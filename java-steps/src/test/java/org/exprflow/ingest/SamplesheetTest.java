package org.exprflow.ingest;

import static org.exprflow.ingest.IngestFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class SamplesheetTest {

    private static Dataset matrix() {
        return TsvMatrixReader.read(fixture("matrix_small.tsv"));
    }

    @Test
    void labelsAndAnnotationsFollowTheDataSampleOrder() {
        Dataset d = SamplesheetReader.read(fixture("samplesheet_small.csv"), "sample", List.of("label"))
                .applyTo(matrix(), false);
        Target label = d.primaryTarget();
        assertEquals("label", label.name());
        assertEquals(Arrays.asList("tumour", null, "normal"), label.labels(), "S2 is not in the samplesheet");
        assertEquals(Arrays.asList("b1", null, "b2"), d.annotation("batch"));
        assertEquals(Arrays.asList("g1", null, "g2"), d.annotation("group"));
    }

    @Test
    void severalLabelColumnsGiveSeveralTargetsInTheGivenOrder() {
        Dataset d = SamplesheetReader.read(fixture("samplesheet_multilabel.tsv"), "id", List.of("stage", "subtype"))
                .applyTo(matrix(), false);
        assertEquals(List.of("stage", "subtype"), d.targets().stream().map(Target::name).toList());
        assertEquals(Arrays.asList("I", "II", null), d.target("stage").labels());
        assertEquals(Arrays.asList("B", "A", null), d.target("subtype").labels());
        assertEquals(Arrays.asList("liver", "lung", null), d.annotation("site"));
    }

    @Test
    void replacesLabelsReadFromTheDataFile(@TempDir Path dir) throws IOException {
        Path sheet = Files.writeString(dir.resolve("s.csv"), "sample,label\nGSM1001,x\nGSM1002,y\nGSM1003,x\n");
        Dataset d = SamplesheetReader.read(sheet, "sample", List.of("label"))
                .applyTo(CumidaCsvReader.read(fixture("cumida_small.csv")), false);
        assertEquals(1, d.targets().size());
        assertEquals(List.of("x", "y", "x"), d.primaryTarget().labels());
    }

    @Test
    void aSampleAbsentFromTheDataIsAnErrorAtItsLineUnlessAllowed(@TempDir Path dir) throws IOException {
        Path sheet = Files.writeString(dir.resolve("s.csv"), "sample,label\nS1,a\nS9,b\n");
        Samplesheet parsed = SamplesheetReader.read(sheet, "sample", List.of("label"));
        UserException e = assertThrows(UserException.class, () -> parsed.applyTo(matrix(), false));
        assertTrue(e.getMessage().contains("s.csv:3: sample 'S9' is not in the data file"), e.getMessage());
        assertEquals(Arrays.asList("a", null, null), parsed.applyTo(matrix(), true).primaryTarget().labels());
    }

    @Test
    void aDuplicateSampleIsAnErrorAtItsLine(@TempDir Path dir) throws IOException {
        Path sheet = Files.writeString(dir.resolve("s.tsv"), "sample\tlabel\nS1\ta\n\nS1\tb\n");
        UserException e = assertThrows(UserException.class,
                () -> SamplesheetReader.read(sheet, "sample", List.of("label")));
        assertTrue(e.getMessage().endsWith("s.tsv:4: duplicate sample id 'S1' (first on line 2)"), e.getMessage());
    }

    @Test
    void aMissingColumnIsAnErrorListingTheColumns() {
        UserException e = assertThrows(UserException.class,
                () -> SamplesheetReader.read(fixture("samplesheet_small.csv"), "patient", List.of("label")));
        assertTrue(e.getMessage().contains(":1: no column 'patient' (--sample-column); the columns are sample, label, batch, group"),
                e.getMessage());
    }
}
