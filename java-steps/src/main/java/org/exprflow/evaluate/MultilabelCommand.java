package org.exprflow.evaluate;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.exprflow.core.Log;
import org.exprflow.core.StepCommand;
import org.exprflow.core.UserException;
import org.exprflow.io.AtomicOutput;
import org.exprflow.io.Canonical;
import org.exprflow.io.JsonOutput;
import org.exprflow.stepfile.StepJson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exprflow.stepfile.PredictionTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The multi-label gather: takes the merged predictions of every label's own binary model (as written
 * by {@code evaluate --output-predictions}) and writes per-label and overall (micro and macro) F1.
 *
 * <p>TSV: {@code set label metric value}, with label {@code all} for micro_precision, micro_recall,
 * micro_f1 and macro_f1, and per label tp, fp, fn, tn, precision, recall, f1. JSON: per set,
 * {"labels": {name: {positive, tp, fp, fn, tn, precision, recall, f1}}, "micro": {precision, recall,
 * f1}, "macro_f1"}. Labels are sorted by name.
 */
@Command(name = "multilabel", mixinStandardHelpOptions = true,
        description = "Micro and macro F1 over several binary labels, each predicted by its own model (binary relevance).")
public final class MultilabelCommand extends StepCommand {

    @Option(names = "--label", required = true, arity = "1..*", paramLabel = "NAME=PRED.tsv",
            description = "A label and its merged predictions table; one per label.")
    Map<String, Path> labelFiles;

    @Option(names = "--positive-class", description = "The class meaning 'label present' (default: recognise 1, yes, true, present).")
    String positive;

    @Option(names = "--output-tsv", required = true, description = "Multi-label metrics table.")
    Path outputTsv;

    @Option(names = "--output-json", required = true, description = "Multi-label metrics, structured.")
    Path outputJson;

    @Override
    protected void execute() throws Exception {
        Map<String, PredictionTable> tables = new TreeMap<>();
        labelFiles.forEach((label, file) -> tables.put(label, PredictionTable.read(file)));
        StringBuilder tsv = new StringBuilder("set\tlabel\tmetric\tvalue\n");
        ObjectNode json = StepJson.MULTILABEL.newDocument();
        int sets = 0;
        for (String set : EvaluateCommand.SCORED_SETS) {
            boolean present = tables.values().stream().allMatch(t -> t.rows(set, "model").stream().anyMatch(r -> r.truth() != null));
            if (!present) {
                continue;
            }
            sets++;
            MultiLabelSummary s = MultiLabelSummary.of(tables, set, positive);
            ObjectNode setJson = json.putObject(set);
            ObjectNode labels = setJson.putObject("labels");
            for (MultiLabelSummary.LabelCounts c : s.labels()) {
                line(tsv, set, c.label(), "tp", c.tp());
                line(tsv, set, c.label(), "fp", c.fp());
                line(tsv, set, c.label(), "fn", c.fn());
                line(tsv, set, c.label(), "tn", c.tn());
                line(tsv, set, c.label(), "precision", c.precision());
                line(tsv, set, c.label(), "recall", c.recall());
                line(tsv, set, c.label(), "f1", c.f1());
                labels.putObject(c.label()).put("positive", c.positive()).put("tp", c.tp()).put("fp", c.fp())
                        .put("fn", c.fn()).put("tn", c.tn()).put("precision", c.precision())
                        .put("recall", c.recall()).put("f1", c.f1());
            }
            line(tsv, set, "all", "micro_precision", s.microPrecision());
            line(tsv, set, "all", "micro_recall", s.microRecall());
            line(tsv, set, "all", "micro_f1", s.microF1());
            line(tsv, set, "all", "macro_f1", s.macroF1());
            setJson.putObject("micro").put("precision", s.microPrecision()).put("recall", s.microRecall())
                    .put("f1", s.microF1());
            setJson.put("macro_f1", s.macroF1());
            Log.info(set + ": " + s.labels().size() + " labels, micro F1 " + Canonical.number(s.microF1())
                    + ", macro F1 " + Canonical.number(s.macroF1()));
        }
        if (sets == 0) {
            throw UserException.unsuitable("no set (cv or test) has scored predictions for every label");
        }
        AtomicOutput.writeString(outputTsv, tsv.toString());
        JsonOutput.write(outputJson, json);
    }

    private static void line(StringBuilder out, String set, String label, String metric, double value) {
        out.append(set).append('\t').append(label).append('\t').append(metric).append('\t')
                .append(Canonical.number(value)).append('\n');
    }

    private static void line(StringBuilder out, String set, String label, String metric, long value) {
        out.append(set).append('\t').append(label).append('\t').append(metric).append('\t').append(value).append('\n');
    }
}
