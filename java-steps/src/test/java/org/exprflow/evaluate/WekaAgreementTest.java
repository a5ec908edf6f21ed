package org.exprflow.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import weka.classifiers.Evaluation;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import org.exprflow.stepfile.PredictionTable;

/**
 * Feeds the same predictions to exprflow and to Weka 3.8.6's Evaluation and requires the same
 * numbers. The probabilities are small integers over their sum, so many scores tie within a class
 * and the tie handling of the AUC is exercised; class E never occurs and is never predicted, which
 * exercises the undefined precision, recall, F1 and AUC.
 */
@Tag("unit")
class WekaAgreementTest {
    private static final double TOLERANCE = 1e-12;
    private static final List<String> LEVELS = List.of("A", "B", "C", "D", "E");

    @Test
    void metricsMatchWekaEvaluation() throws Exception {
        Random random = new Random(20240607L);
        List<PredictionTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // Unequal class frequencies (D is rare) so the weighted AUC differs from the plain mean.
            double u = random.nextDouble();
            int truth = u < 0.35 ? 0 : u < 0.65 ? 1 : u < 0.9 ? 2 : 3;
            double[] weights = new double[LEVELS.size()];
            double sum = 0;
            for (int c = 0; c < 4; c++) {
                weights[c] = random.nextInt(4) + (c == truth ? random.nextInt(3) : 0);
                sum += weights[c];
            }
            if (sum == 0) {
                weights[truth] = 1;
                sum = 1;
            }
            double[] probs = new double[LEVELS.size()];
            for (int c = 0; c < probs.length; c++) {
                probs[c] = weights[c] / sum;
            }
            // Weka predicts the first class of highest probability; the table's predicted column agrees.
            rows.add(new PredictionTable.Row("cv", 1, 1 + i % 5, String.format("S%03d", i), "model",
                    LEVELS.get(truth), LEVELS.get(Utils.maxIndex(probs)), probs));
        }
        rows.add(new PredictionTable.Row("cv", 1, 1, "unlabelled", "model", null, "A", new double[] {1, 0, 0, 0, 0}));

        Evaluation weka = wekaEvaluation(rows);
        ClassificationMetrics ours = ClassificationMetrics.of(LEVELS, rows);

        assertEquals(200, ours.predictions());
        assertEquals(weka.pctCorrect() / 100, ours.accuracy(), TOLERANCE);
        assertEquals(weka.kappa(), ours.kappa(), TOLERANCE);
        assertEquals(weka.weightedAreaUnderROC(), ours.weightedAuc(), TOLERANCE);
        double[][] wekaConfusion = weka.confusionMatrix();
        for (int c = 0; c < LEVELS.size(); c++) {
            String cls = "class " + LEVELS.get(c);
            assertEquals(weka.precision(c), ours.precision(c), TOLERANCE, cls + " precision");
            assertEquals(weka.recall(c), ours.recall(c), TOLERANCE, cls + " recall");
            assertEquals(weka.fMeasure(c), ours.f1(c), TOLERANCE, cls + " F1");
            assertEquals(weka.areaUnderROC(c), ours.auc(c), TOLERANCE, cls + " AUC");
            for (int p = 0; p < LEVELS.size(); p++) {
                assertEquals(wekaConfusion[c][p], ours.confusion().count(c, p), 0, cls + " predicted " + LEVELS.get(p));
            }
        }
        // The fixture must actually contain what it claims to exercise.
        assertTrue(Double.isNaN(ours.auc(4)) && Double.isNaN(ours.precision(4)));
        assertTrue(ours.auc(0) > 0.5 && ours.auc(0) < 1);
    }

    private static Evaluation wekaEvaluation(List<PredictionTable.Row> rows) throws Exception {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("class", new ArrayList<>(LEVELS)));
        Instances header = new Instances("predictions", attributes, 0);
        header.setClassIndex(0);
        Evaluation evaluation = new Evaluation(header);
        for (PredictionTable.Row r : rows) {
            if (r.truth() == null) {
                continue;
            }
            Instance instance = new DenseInstance(1.0, new double[] {LEVELS.indexOf(r.truth())});
            instance.setDataset(header);
            evaluation.evaluationForSingleInstance(r.probabilities().clone(), instance, true);
        }
        return evaluation;
    }
}
