package org.exprflow.stepfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.exprflow.core.ExitCode;
import org.exprflow.core.UserException;
import org.exprflow.io.JsonOutput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kind and format keys of the step JSON files: written by newDocument, checked by read. */
@Tag("unit")
class StepJsonTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void newDocumentCarriesKindAndFormat() throws IOException {
        Path p = dir.resolve("qc.json");
        JsonOutput.write(p, StepJson.QC.newDocument().put("dataset", "d"));
        assertEquals("{\n  \"dataset\": \"d\",\n  \"exprflow_format\": 1,\n  \"exprflow_kind\": \"qc\"\n}\n", Files.readString(p));
        StepJson.Document doc = StepJson.read(p, StepJson.PEAKS_QC, StepJson.QC);
        assertSame(StepJson.QC, doc.kind());
        assertEquals("d", doc.root().path("dataset").textValue());
    }

    @Test
    void wrongKindIsOneLineExit3() throws IOException {
        Path p = file("m.json", "{\"exprflow_kind\": \"metrics\", \"exprflow_format\": 1}");
        UserException e = assertThrows(UserException.class, () -> StepJson.read(p, StepJson.QC, StepJson.PEAKS_QC));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(p + ": is a 'metrics' JSON (exprflow_kind), expected one of ['qc', 'peaks_qc']", e.getMessage());
        Path unknown = file("u.json", "{\"exprflow_kind\": \"tea\", \"exprflow_format\": 1}");
        assertEquals(unknown + ": is a 'tea' JSON (exprflow_kind), expected 'score'",
                assertThrows(UserException.class, () -> StepJson.SCORE.read(unknown)).getMessage());
    }

    @Test
    void newerFormatIsOneLineExit3() throws IOException {
        Path p = file("q.json", "{\"exprflow_kind\": \"qc\", \"exprflow_format\": 2}");
        UserException e = assertThrows(UserException.class, () -> StepJson.QC.read(p));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(p + ": \"exprflow_format\" 2 is newer than this exprflow reads (1); use the exprflow that wrote it"
                + " or a newer one", e.getMessage());
        Path bad = file("b.json", "{\"exprflow_kind\": \"qc\", \"exprflow_format\": \"1\"}");
        assertEquals(bad + ": \"exprflow_format\" must be a positive integer, found \"1\"",
                assertThrows(UserException.class, () -> StepJson.QC.read(bad)).getMessage());
    }

    @Test
    void unlabelledOrNonObjectIsOneLineExit3() throws IOException {
        Path old = file("old.json", "{\"dataset\": \"x\", \"samples\": []}");
        UserException e = assertThrows(UserException.class, () -> StepJson.QC.read(old));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(old + ": not an exprflow step JSON (no \"exprflow_kind\"; files of exprflow before format 1 must be"
                + " written again); expected 'qc'", e.getMessage());
        Path array = file("a.json", "[1]");
        assertEquals(array + ": expected a JSON object, found array",
                assertThrows(UserException.class, () -> StepJson.QC.read(array)).getMessage());
    }
}
