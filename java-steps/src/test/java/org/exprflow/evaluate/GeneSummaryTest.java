package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exprflow.core.UserException;
import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureAnnotations;
import org.exprflow.stepfile.GeneTable;
import org.exprflow.stepfile.ModelChoice;
import org.exprflow.stepfile.SplitPlan;
import org.exprflow.testing.Cli;
import org.exprflow.testing.SyntheticData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The genes table: per-fold ranks and class means in the choice tables, averaged by evaluate. */
@Tag("unit")
class GeneSummaryTest {
    @TempDir
    Path dir;

    private static ModelChoice.FeatureStats stats(int rank, double... means) {
        return new ModelChoice.FeatureStats(rank, Double.NaN, means);
    }

    @Test
    void twoClassesAverageTheFoldsThatSelectedTheGene() {
        List<String> ab = List.of("ALL", "AML");
        ModelChoice f1 = new ModelChoice(1, 1, "SMO", "2", List.of("g1", "g2"), ab,
                List.of(stats(1, 10, 12), stats(2, 5, 4)));
        ModelChoice f2 = new ModelChoice(1, 2, "SMO", "2", List.of("g1", "g3"), ab,
                List.of(stats(2, 11, 14), stats(1, 7, 7.5)));
        ModelChoice f3 = new ModelChoice(1, 3, "SMO", "2", List.of("g3", "g1"), ab,
                List.of(stats(2, 6, 6.5), stats(1, 9, 13)));
        List<GeneTable.Row> rows = GeneSummary.of(List.of(f1, f2, f3), Map.of("g1", "CST3"));
        assertEquals(List.of("g1", "g3", "g2"), rows.stream().map(GeneTable.Row::feature).toList());
        GeneTable.Row g1 = rows.get(0);
        assertEquals("CST3", g1.symbol());
        assertEquals(3, g1.folds());
        assertEquals(1.0, g1.fraction());
        assertEquals(4.0 / 3, g1.meanRank(), 1e-15);
        assertArrayEquals(new double[] {10, 13}, g1.classMeans(), 1e-12);
        assertEquals("AML-ALL", g1.contrast());
        assertEquals(3.0, g1.difference(), 1e-12);
        GeneTable.Row g3 = rows.get(1);
        assertNull(g3.symbol());
        assertEquals(2, g3.folds());
        assertEquals(1.5, g3.meanRank(), 1e-15);
        assertEquals(0.5, g3.difference(), 1e-12);
        GeneTable.Row g2 = rows.get(2);
        assertEquals(1, g2.folds());
        assertEquals(-1.0, g2.difference(), 1e-12); // lower in AML: the sign says the direction
    }

    @Test
    void importanceIsAveragedOverTheFoldsThatMeasuredIt() {
        List<String> ab = List.of("A", "B");
        ModelChoice f1 = new ModelChoice(1, 1, "SMO", "1", List.of("g"), ab,
                List.of(new ModelChoice.FeatureStats(1, 0.2, new double[] {1, 2})));
        ModelChoice f2 = new ModelChoice(1, 2, "SMO", "1", List.of("g"), ab,
                List.of(new ModelChoice.FeatureStats(1, 0.1, new double[] {1, 2})));
        ModelChoice fin = new ModelChoice(null, null, "SMO", "1", List.of("g"), ab, List.of(stats(1, 1, 2)));
        assertEquals(0.15, GeneSummary.of(List.of(f1, f2), Map.of()).get(0).importance(), 1e-15);
        // a final model's table has no held-out samples: NA, left out of the mean
        assertEquals(0.2, GeneSummary.of(List.of(f1, fin), Map.of()).get(0).importance(), 1e-15);
    }

    @Test
    void moreClassesNameTheHighestClassAgainstTheMeanOfTheRest() {
        List<String> abc = List.of("BL", "EWS", "NB");
        ModelChoice f1 = new ModelChoice(1, 1, "SMO", "1", List.of("g"), abc, List.of(stats(1, 2, 8, 3)));
        ModelChoice f2 = new ModelChoice(1, 2, "SMO", "1", List.of("g"), abc, List.of(stats(1, 4, 6, Double.NaN)));
        GeneTable.Row g = GeneSummary.of(List.of(f1, f2), Map.of()).get(0);
        assertArrayEquals(new double[] {3, 7, 3}, g.classMeans(), 1e-12); // NB: fold 2 had no NB value
        assertEquals("EWS-rest", g.contrast());
        assertEquals(4.0, g.difference(), 1e-12);
    }

    @Test
    void foldsThatDisagreeOnTheClassesAreRefusedAndOldTablesGiveNoStatistics() {
        ModelChoice a = new ModelChoice(1, 1, "SMO", "1", List.of("g"), List.of("A", "B"), List.of(stats(1, 1, 2)));
        ModelChoice b = new ModelChoice(1, 2, "SMO", "1", List.of("g"), List.of("A", "C"), List.of(stats(1, 1, 2)));
        assertThrows(UserException.class, () -> GeneSummary.classes(List.of(a, b)));
        assertNull(GeneSummary.classes(List.of(a, new ModelChoice(1, 2, "SMO", "1", List.of("g")))));
    }

    @Test
    void choiceTablesOfFormatOneStillReadAndFormatTwoRoundTrips() throws Exception {
        Path v1 = Files.writeString(dir.resolve("v1.tsv"),
                "## exprflow model-choice 1\nrepeat\tfold\tlearner\ttop_k\tfeature\n1\t2\tSMO\t2\tg1\n1\t2\tSMO\t2\tg2\n");
        ModelChoice old = ModelChoice.read(v1);
        assertEquals(List.of("g1", "g2"), old.features());
        assertFalse(old.hasStats());
        Path v2 = dir.resolve("v2.tsv");
        new ModelChoice(1, 2, "SMO", "2", List.of("g1", "g2"), List.of("A", "B"),
                List.of(new ModelChoice.FeatureStats(2, 0.25, new double[] {1.5, Double.NaN}), stats(1, 3, 4))).write(v2);
        String text = Files.readString(v2);
        assertTrue(text.startsWith("## exprflow model-choice 2\nrepeat\tfold\tlearner\ttop_k\tfeature\trank\timportance\t"
                + "mean:A\tmean:B\n1\t2\tSMO\t2\tg1\t2\t0.25\t1.5\tNA\n"), text);
        ModelChoice back = ModelChoice.read(v2);
        assertEquals(List.of("A", "B"), back.classes());
        assertEquals(2, back.stats().get(0).rank());
        assertEquals(0.25, back.stats().get(0).importance());
        assertTrue(Double.isNaN(back.stats().get(1).importance()));
        assertTrue(Double.isNaN(back.stats().get(0).classMeans()[1]));
        Path bad = Files.writeString(dir.resolve("bad.tsv"), text.replace("rank\timportance", "importance\trank"));
        UserException e = assertThrows(UserException.class, () -> ModelChoice.read(bad));
        assertTrue(e.getMessage().contains("bad.tsv:"), e.getMessage());
    }

    @Test
    void trainWritesRanksAndTrainingClassMeansAndEvaluateWritesTheGenesTable() throws Exception {
        Dataset d = SyntheticData.classes(8, 30, 40, 6, 2, "A", "B");
        List<String> symbols = new ArrayList<>();
        for (int j = 0; j < d.featureCount(); j++) {
            symbols.add(j % 2 == 0 ? "SYM" + j : null);
        }
        Map<String, List<String>> ann = new LinkedHashMap<>();
        ann.put(FeatureAnnotations.SYMBOL, symbols);
        d = d.withFeatureAnnotations(new FeatureAnnotations(ann, d.featureCount()));
        Path data = dir.resolve("d.xfd");
        DatasetFile.write(d, data);
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "3").exitCode());
        List<String> args = new ArrayList<>(List.of("evaluate", "--predictions"));
        List<String> choices = new ArrayList<>();
        for (int f = 1; f <= 3; f++) {
            Path pred = dir.resolve("f" + f + ".tsv");
            Path model = dir.resolve("f" + f + ".xfm");
            Cli.Result r = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                    "--fold", Integer.toString(f), "--predictions", pred.toString(), "--output", model.toString(),
                    "--top-k", "5", "--transforms", "standardise");
            assertEquals(0, r.exitCode(), r.stderr());
            args.add(pred.toString());
            choices.add(ModelChoice.besideModel(model).toString());
            ModelChoice choice = ModelChoice.read(ModelChoice.besideModel(model));
            // the top 5 of the ranking are exactly the selected features
            Set<Integer> ranks = new HashSet<>();
            choice.stats().forEach(s -> ranks.add(s.rank()));
            assertEquals(Set.of(1, 2, 3, 4, 5), ranks);
            // class means on the fold's training samples, on the values train was given
            Set<String> held = SplitPlan.read(splits).heldOut(1, f);
            String feature = choice.features().get(0);
            int j = d.featureIds().indexOf(feature);
            double sumA = 0;
            int nA = 0;
            for (int i = 0; i < d.sampleCount(); i++) {
                if (!held.contains(d.sampleId(i)) && d.primaryTarget().labels().get(i).equals("A")) {
                    sumA += d.value(i, j);
                    nA++;
                }
            }
            assertEquals(sumA / nA, choice.stats().get(0).classMeans()[0], 1e-9);
            // the model names its genes as the dataset did (NA: no symbol)
            List<String> expected = new ArrayList<>();
            for (String id : choice.features()) {
                String sym = symbols.get(d.featureIds().indexOf(id));
                expected.add(sym == null ? "NA" : sym);
            }
            assertEquals(String.join(",", expected),
                    org.exprflow.model.ModelFile.read(model).metadata().get("selected_symbols"));
        }
        Path genes = dir.resolve("genes.tsv");
        args.add("--fold-choices");
        args.addAll(choices);
        args.addAll(List.of("--dataset", data.toString(), "--output-tsv", dir.resolve("m.tsv").toString(),
                "--output-json", dir.resolve("m.json").toString(), "--output-genes", genes.toString(), "--bootstrap", "0"));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        List<GeneTable.Row> rows = GeneTable.read(genes);
        assertTrue(Files.readString(genes).contains("feature\tsymbol\tfolds\tfraction\tmean_rank\tcontrast\tdifference\t"
                + "importance\tmean:A\tmean:B\n"));
        for (int i = 1; i < rows.size(); i++) {
            GeneTable.Row a = rows.get(i - 1);
            GeneTable.Row b = rows.get(i);
            assertTrue(a.folds() > b.folds() || a.folds() == b.folds() && a.meanRank() <= b.meanRank(), rows.toString());
        }
        for (GeneTable.Row row : rows) {
            int j = d.featureIds().indexOf(row.feature());
            assertEquals(symbols.get(j), row.symbol());
            // the file holds 12 significant digits (Canonical.number)
            assertEquals(row.classMeans()[1] - row.classMeans()[0], row.difference(), 1e-9);
        }
        // informative features 0..5 are shifted for one class each: they lead the table
        assertEquals(3, rows.get(0).folds());
        for (GeneTable.Row row : rows) {
            assertFalse(Double.isNaN(row.importance()), row.toString());
        }
        // seeded from --seed: a second run of the fold task writes the same choice table, byte for byte
        String first = Files.readString(Path.of(choices.get(0)));
        Path again = dir.resolve("again.xfm");
        assertEquals(0, Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                "--fold", "1", "--predictions", dir.resolve("again.tsv").toString(), "--output", again.toString(),
                "--top-k", "5", "--transforms", "standardise").exitCode());
        assertEquals(first, Files.readString(ModelChoice.besideModel(again)));
        // the first rows also go into the metrics JSON, and the report shows them with their symbols
        String json = Files.readString(dir.resolve("m.json"));
        assertTrue(json.contains("\"top_genes\""), json);
        Path html = dir.resolve("r.html");
        Cli.Result report = Cli.run("report", "--output", html.toString(), "--metrics", dir.resolve("m.json").toString());
        assertEquals(0, report.exitCode(), report.stderr());
        String page = Files.readString(html);
        assertTrue(page.contains("<h2>Top genes</h2>"), page);
        GeneTable.Row named = rows.stream().filter(x -> x.symbol() != null).findFirst().orElseThrow();
        assertTrue(page.contains("<strong>" + named.symbol() + "</strong></td><td>" + named.feature()), page);
        assertTrue(page.contains("<th>mean A</th><th>mean B</th>"), page);
        assertTrue(r.stderr().contains("genes: " + rows.size() + " features selected by at least one of 3 folds"), r.stderr());
    }
}
