package org.exprflow.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.exprflow.data.IdVersions;

/** The join of the score step: id map, version stripping, duplicates and unmatched counts. */
@Tag("unit")
class IdJoinTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private ScoreRun score(String outName, Path pred, Path meas, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "--predictions";
        args[1] = pred.toString();
        args[2] = "--measurements";
        args[3] = meas.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return ScoreRun.run(dir.resolve(outName), args);
    }

    @Test
    void unmatchedIdsAreCountedPerSide() throws IOException {
        Path pred = file("p.tsv", "a\t1\nb\t2\nc\t3\nd\t4\nx\t9\ny\t9\n");
        Path meas = file("m.tsv", "a\t1.5\nb\t2\nc\t2.5\nd\t5\nz\t0\n");
        ScoreRun run = score("out", pred, meas);
        assertEquals(0, run.result.exitCode(), run.result.stderr());
        assertEquals(4, run.metric("matched"));
        assertEquals(2, run.metric("unmatched_predictions"));
        assertEquals(1, run.metric("unmatched_measurements"));
        assertEquals(List.of("## exprflow score-pairs 1", "id\tmeasured\tpredicted", "a\t1.5\t1", "b\t2\t2", "c\t2.5\t3", "d\t5\t4"),
                run.lines("pairs.tsv"));
    }

    @Test
    void ensemblVersionsAreStrippedOnBothSidesByDefault() throws IOException {
        Path pred = file("p.tsv", "ENSG00000000001.3\t1\nENSG00000000002\t2\nENSG00000000003.1\t3\nNM_000546.6\t4\n");
        Path meas = file("m.tsv", "ENSG00000000001.7\t1\nENSG00000000002.2\t2\nENSG00000000003\t4\nNM_000546.5\t4\n");
        ScoreRun auto = score("auto", pred, meas);
        assertEquals(0, auto.result.exitCode(), auto.result.stderr());
        // RefSeq versions are left alone unless asked for: a dot outside Ensembl ids need not be a version
        assertEquals(3, auto.metric("matched"));
        assertEquals(List.of("ENSG00000000001", "ENSG00000000002", "ENSG00000000003"),
                auto.lines("pairs.tsv").stream().skip(2).map(l -> l.split("\t")[0]).toList());
        ScoreRun always = score("always", pred, meas, "--strip-versions");
        assertEquals(4, always.metric("matched"));
        assertTrue(always.lines("pairs.tsv").contains("NM_000546\t4\t4"));
        ScoreRun never = score("never", pred, meas, "--no-strip-versions");
        // compared as written, no id matches: unsuitable input, exit 4
        assertEquals(4, never.result.exitCode(), never.result.stderr());
    }

    @Test
    void versionStrippingKeepsParYCopiesApart() {
        IdVersions auto = IdVersions.ENSEMBL;
        assertEquals("ENSG00000002586", auto.strip("ENSG00000002586.20"));
        assertEquals("ENSG00000002586_PAR_Y", auto.strip("ENSG00000002586.20_PAR_Y"));
        assertEquals("ENSMUST00000000001", auto.strip("ENSMUST00000000001.4"));
        assertEquals("HLA-A.2", auto.strip("HLA-A.2"));
        assertEquals("HLA-A", IdVersions.ALWAYS.strip("HLA-A.2"));
        assertEquals("ENSG1.2", IdVersions.NEVER.strip("ENSG1.2"));
    }

    @Test
    void idMapTranslatesPredictionIdsWithHeaderDetected() throws IOException {
        // symbols -> Ensembl genes; the map's first row is a header although the columns are given by index
        Path pred = file("p.csv", "symbol,pred\nTP53,1\nMYC,2\nEGFR,3\nGAPDH,4\nNOVEL1,5\n");
        Path map = file("map.tsv", "hgnc_symbol\tensembl_gene_id\nTP53\tENSG00000141510.18\nMYC\tENSG00000136997\n"
                + "EGFR\tENSG00000146648\nGAPDH\tENSG00000111640\nGAPDH\tENSG00000111640\nACTB\tENSG00000075624\n");
        Path meas = file("m.tsv", "ENSG00000141510.11 1\nENSG00000136997 2.5\nENSG00000146648 2\nENSG00000111640 5\n"
                + "ENSG00000075624 3\n");
        ScoreRun run = score("out", pred, meas, "--id-map", map.toString());
        assertEquals(0, run.result.exitCode(), run.result.stderr());
        assertEquals(1, run.metric("predictions_unmapped_ids"));
        assertEquals(4, run.metric("predictions_ids"));
        assertEquals(4, run.metric("matched"));
        assertEquals(1, run.metric("unmatched_measurements"));
        assertTrue(run.lines("pairs.tsv").contains("ENSG00000141510\t1\t1"), run.lines("pairs.tsv").toString());
        assertTrue(Files.readString(run.out.resolve("metrics.json")).contains("\"entries\": 5"));
    }

    @Test
    void oneToManyMapIsAnErrorNamingBothLines() throws IOException {
        Path pred = file("p.tsv", "TP53\t1\nMYC\t2\nEGFR\t3\n");
        Path map = file("map.tsv", "TP53\tENSG1\nMYC\tENSG2\nEGFR\tENSG3\nMYC\tENSG9\n");
        Path meas = file("m.tsv", "ENSG1\t1\nENSG2\t2\nENSG3\t3\n");
        ScoreRun run = score("out", pred, meas, "--id-map", map.toString());
        assertEquals(3, run.result.exitCode());
        assertEquals(List.of("score: error: " + map + ":4: id MYC maps to ENSG9 here but to ENSG2 on line 2;"
                + " the map must give one target per id"), run.result.errorLines());
        assertEquals(List.of(), run.files());
    }

    @Test
    void duplicateIdIsAnErrorNamingFileAndLine() throws IOException {
        Path pred = file("p.tsv", "id\tpred\na\t1\nb\t2\nc\t3\nb\t4\n");
        Path meas = file("m.tsv", "a\t1\nb\t2\nc\t3\n");
        ScoreRun run = score("out", pred, meas);
        assertEquals(3, run.result.exitCode());
        assertEquals(List.of("score: error: " + pred + ":5: duplicate id b (first on line 3);"
                + " give --duplicates mean or --duplicates first to combine duplicates"), run.result.errorLines());
        assertEquals(List.of(), run.files());
    }

    @Test
    void duplicatesAfterVersionStrippingOrMappingAreNamedAsSuch() throws IOException {
        Path meas = file("m.tsv", "ENSG00000000001\t1\nENSG00000000002\t2\nENSG00000000003\t3\n");
        Path versioned = file("p.tsv", "ENSG00000000001.1\t1\nENSG00000000002.1\t2\nENSG00000000001.2\t3\n");
        ScoreRun stripped = score("out1", versioned, meas);
        assertEquals(3, stripped.result.exitCode());
        assertTrue(stripped.result.stderr().contains(versioned + ":3: id ENSG00000000001.2 and id ENSG00000000001.1 on line 1"
                + " are both ENSG00000000001 after removing version suffixes"), stripped.result.stderr());

        Path transcripts = file("t.tsv", "ENST1\t1\nENST2\t2\nENST3\t3\nENST4\t5\n");
        Path map = file("map.tsv", "ENST1\tENSG00000000001\nENST2\tENSG00000000002\nENST3\tENSG00000000003\n"
                + "ENST4\tENSG00000000003\n");
        ScoreRun mapped = score("out2", transcripts, meas, "--id-map", map.toString(), "--no-header");
        assertEquals(3, mapped.result.exitCode());
        assertTrue(mapped.result.stderr().contains(transcripts + ":4: id ENST4 and id ENST3 on line 3 both map to"
                + " ENSG00000000003 through the id map"), mapped.result.stderr());
        // the usual case for transcript-level predictions: average the transcripts of a gene
        ScoreRun mean = score("out3", transcripts, meas, "--id-map", map.toString(), "--no-header", "--duplicates", "mean");
        assertEquals(0, mean.result.exitCode(), mean.result.stderr());
        assertEquals(1, mean.metric("predictions_duplicated_ids"));
        assertTrue(mean.lines("pairs.tsv").contains("ENSG00000000003\t3\t4"), mean.lines("pairs.tsv").toString());
    }

    @Test
    void meanAndFirstCombineDuplicatesOnEitherSide() throws IOException {
        Path pred = file("p.tsv", "a\t1\nb\t2\nc\t3\nd\t4\n");
        Path meas = file("m.tsv", "a\t1\nb\t2\nb\t5\nc\t3\nd\tNA\nd\t6\nd\t2\n");
        ScoreRun mean = score("mean", pred, meas, "--duplicates", "mean");
        assertEquals(0, mean.result.exitCode(), mean.result.stderr());
        assertEquals(2, mean.metric("measurements_duplicated_ids"));
        assertEquals(7, mean.metric("measurements_rows"));
        assertEquals(4, mean.metric("measurements_ids"));
        // b: (2 + 5) / 2; d: the NA is left out of the mean, (6 + 2) / 2
        assertEquals(List.of("## exprflow score-pairs 1", "id\tmeasured\tpredicted", "a\t1\t1", "b\t3.5\t2", "c\t3\t3", "d\t4\t4"),
                mean.lines("pairs.tsv"));
        ScoreRun first = score("first", pred, meas, "--duplicates", "first");
        assertEquals(List.of("## exprflow score-pairs 1", "id\tmeasured\tpredicted", "a\t1\t1", "b\t2\t2", "c\t3\t3", "d\tNA\t4"),
                first.lines("pairs.tsv"));
        assertEquals(3, first.metric("scored"));
        assertEquals(1.0, first.metric("pearson"), 1e-15);
    }

    @Test
    void outputsDoNotDependOnRowOrder() throws IOException {
        String[] predRows = {"g1\t0.5", "g2\t1.5", "g3\t1.0", "g4\t3.5", "g5\t2.0", "g6\t2.0", "g7\t4.0"};
        String[] measRows = {"g1\t1", "g2\t2", "g3\t3", "g4\t3", "g5\t2.5", "g6\t4", "g8\t4"};
        ScoreRun a = score("a", file("p1.tsv", "gene\tprediction\n" + String.join("\n", predRows) + "\n"),
                file("m1.tsv", String.join("\n", measRows) + "\n"));
        List<String> predReversed = new java.util.ArrayList<>(List.of(predRows));
        java.util.Collections.reverse(predReversed);
        ScoreRun b = score("b", file("p2.tsv", "gene\tprediction\n" + String.join("\n", predReversed) + "\n"),
                file("m2.csv", String.join("\n", measRows).replace('\t', ',') + "\n"));
        assertEquals(0, a.result.exitCode(), a.result.stderr());
        assertEquals(0, b.result.exitCode(), b.result.stderr());
        for (String f : List.of("metrics.tsv", "pairs.tsv", "plot.svg")) {
            assertArrayEquals(Files.readAllBytes(a.out.resolve(f)), Files.readAllBytes(b.out.resolve(f)), f);
        }
    }
}
