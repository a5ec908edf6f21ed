package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exprflow.data.Dataset;
import org.exprflow.data.DatasetFile;
import org.exprflow.data.FeatureAnnotations;
import org.exprflow.stepfile.GeneTable;
import org.exprflow.testing.Cli;
import org.exprflow.testing.GolubTraining;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The genes table on Golub's 38 training patients (5 outer folds, SMO on the top 50 genes, Golub's
 * preprocessing: floor 100, ceiling 16000, log2): the ALL/AML markers of Golub et al. 1999 come out
 * with their symbols and the direction the paper gives, and every probe with a symbol in the
 * description column keeps it.
 */
@Tag("realdata")
class GenesGolubTest {
    @TempDir
    Path dir;

    /** Markers Golub et al. 1999 (figure 3) and later work name, with the class they are higher in. */
    private static final Map<String, String> MARKERS = new LinkedHashMap<>();

    static {
        for (String aml : List.of("ZYX", "CST3", "MPO", "CD33", "LEPR", "CTSD", "DF", "LYN", "AZU1", "GRN", "PRG1",
                "APLP2", "FAH", "PPGB", "LTC4S")) {
            MARKERS.put(aml, "AML");
        }
        for (String all : List.of("CD79A", "CCND3", "TCF3", "MCM3", "DNTT", "SPTAN1", "CTPS", "MYB")) {
            MARKERS.put(all, "ALL");
        }
    }

    @Test
    void golubMarkersAreAmongTheTopGenesWithTheirSymbolsAndDirection() throws Exception {
        Path data = GolubTraining.normalised(dir);
        Path splits = dir.resolve("splits.tsv");
        assertEquals(0, Cli.run("split", "--input", data.toString(), "--output", splits.toString(), "--folds", "5").exitCode());
        List<String> args = new ArrayList<>(List.of("evaluate", "--predictions"));
        List<String> choices = new ArrayList<>();
        for (int f = 1; f <= 5; f++) {
            Path model = dir.resolve("f" + f + ".xfm");
            Path pred = dir.resolve("f" + f + ".tsv");
            Cli.Result run = Cli.run("train", "--input", data.toString(), "--splits", splits.toString(), "--repeat", "1",
                    "--fold", Integer.toString(f), "--predictions", pred.toString(), "--output", model.toString(),
                    "--learner", "weka.classifiers.functions.SMO -M", "--top-k", "50");
            assertEquals(0, run.exitCode(), run.stderr());
            args.add(pred.toString());
            choices.add(model.resolveSibling("f" + f + ".choice.tsv").toString());
        }
        Path genes = dir.resolve("genes.tsv");
        args.add("--fold-choices");
        args.addAll(choices);
        args.addAll(List.of("--dataset", data.toString(), "--output-tsv", dir.resolve("m.tsv").toString(), "--output-json",
                dir.resolve("m.json").toString(), "--output-genes", genes.toString(), "--bootstrap", "0"));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        List<GeneTable.Row> rows = GeneTable.read(genes);

        // every probe with a symbol in the description column keeps it
        Dataset d = DatasetFile.read(data);
        List<String> symbols = d.featureAnnotations().column(FeatureAnnotations.SYMBOL);
        for (GeneTable.Row row : rows) {
            assertEquals(symbols.get(d.featureIds().indexOf(row.feature())), row.symbol(), row.feature());
        }
        List<String> found = new ArrayList<>();
        List<String> importance = new ArrayList<>();
        List<GeneTable.Row> top = rows.subList(0, Math.min(50, rows.size()));
        for (GeneTable.Row row : top) {
            String higher = MARKERS.get(row.symbol());
            if (higher != null) {
                found.add(row.symbol());
                importance.add(row.symbol() + " " + String.format(java.util.Locale.ROOT, "%.3f", row.importance()));
                // AML-ALL: positive when higher in AML
                assertEquals(higher.equals("AML"), row.difference() > 0, row.toString());
                assertEquals("AML-ALL", row.contrast());
            }
        }
        System.out.println("Golub markers among the top 50 genes (" + rows.size() + " rows, "
                + rows.stream().filter(x -> x.symbol() != null).count() + " with a symbol): " + found
                + "; permutation importance: " + importance);
        assertTrue(found.size() >= 5, "Golub markers among the top 50 genes: " + found);
        assertTrue(found.containsAll(Set.of("ZYX", "CST3")), found.toString());
        // the report's top-genes table names them
        Path html = dir.resolve("golub.html");
        assertEquals(0, Cli.run("report", "--output", html.toString(), "--metrics", dir.resolve("m.json").toString()).exitCode());
        String page = java.nio.file.Files.readString(html);
        assertTrue(page.contains("<strong>ZYX</strong></td><td>X95735_at"), "ZYX not in the report's top genes");
        assertTrue(page.contains("<th>mean ALL</th><th>mean AML</th><th>difference</th><th>contrast</th>"));
    }
}
