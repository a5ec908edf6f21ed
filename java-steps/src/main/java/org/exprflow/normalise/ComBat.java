package org.exprflow.normalise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exprflow.core.Log;
import org.exprflow.core.UserException;

/**
 * ComBat batch correction (Johnson, Li and Rabinovic 2007) as a cross-sample transform, fitted on the
 * training rows of a fold with {@code mod = NULL} (held-out rows have no class) and equal to
 * {@code sva::ComBat(dat, batch, mod = NULL, par.prior, mean.only)} of sva 3.46 on those rows:
 * <ol>
 *   <li>genes with zero variance inside a batch of two or more samples are left as they are (sva);</li>
 *   <li>each gene is standardised with the grand mean (batch means weighted by batch size) and the
 *       pooled variance of the residuals from the batch means;</li>
 *   <li>each batch's location and scale per gene are shrunk towards priors across genes
 *       ({@link ComBatEmpiricalBayes}: parametric, non-parametric or mean-only);</li>
 *   <li>rows are adjusted: ((x - grand) / sd - gamma*) / sqrt(delta*) · sd + grand.</li>
 * </ol>
 * Held-out rows of a batch seen in training get the training estimates, unchanged.
 *
 * <p><b>A batch training never saw</b> (always the case in leave-one-batch-out CV) gets the
 * <em>own-batch fallback</em>: its rows, standardised with the training grand mean and pooled
 * variance, give the batch's own location and scale per gene, shrunk exactly as ComBat shrinks a
 * training batch, and the batch is moved onto the training pool with them. It uses the new
 * samples' expression values only, never a label, so it leaks nothing; it needs at least two rows
 * of the batch in one call (a single row is left unadjusted, with a warning). It fails when the new
 * batch is confounded with the class: a batch of tumours only has its tumour signal taken for batch
 * effect and moved onto the pool's mixed-class centre.
 */
public final class ComBat implements CrossSampleTransform {
    private static final long serialVersionUID = 1L;

    /** The three forms of sva::ComBat, by their --transforms names. */
    public enum Form {
        PARAMETRIC("combat"), NON_PARAMETRIC("combat_np"), MEAN_ONLY("combat_mean");

        private final String transformName;

        Form(String transformName) {
            this.transformName = transformName;
        }

        public String transformName() {
            return transformName;
        }
    }

    public static final String NAME = "combat";
    public static final String NAME_NON_PARAMETRIC = "combat_np";
    public static final String NAME_MEAN_ONLY = "combat_mean";

    /** The least number of rows of an unseen batch that the own-batch fallback adjusts. */
    public static final int FALLBACK_MIN_ROWS = 2;

    private final Form form;

    public ComBat(Form form) {
        this.form = form;
    }

    /** Whether a --transforms name is one of the ComBat forms (they need the batch of every row). */
    public static boolean isComBat(String transformName) {
        for (Form f : Form.values()) {
            if (f.transformName.equals(transformName.trim())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return form.transformName;
    }

    @Override
    public Fitted fit(double[][] trainingRows) {
        return fit(trainingRows, SampleContext.NONE);
    }

    @Override
    public Fitted fit(double[][] rows, SampleContext training) {
        int p = Matrices.requireRectangular(rows, "ComBat");
        String[] batchOf = requireBatches(rows.length, training);
        Map<String, List<Integer>> members = membersByBatch(batchOf);
        int n = rows.length;

        // sva: genes with zero variance within a batch of more than one sample are not adjusted.
        boolean[] adjusted = new boolean[p];
        java.util.Arrays.fill(adjusted, true);
        for (List<Integer> rowsOfBatch : members.values()) {
            if (rowsOfBatch.size() > 1) {
                for (int g = 0; g < p; g++) {
                    if (adjusted[g] && constant(rows, rowsOfBatch, g)) {
                        adjusted[g] = false;
                    }
                }
            }
        }
        boolean meanOnly = form == Form.MEAN_ONLY;
        if (!meanOnly && members.values().stream().anyMatch(m -> m.size() == 1)) {
            Log.warn(name() + ": a training batch has one sample; as sva::ComBat, only batch means are adjusted");
            meanOnly = true;
        }
        boolean anyNa = false;
        for (double[] row : rows) {
            for (int g = 0; g < p; g++) {
                anyNa |= adjusted[g] && Double.isNaN(row[g]);
            }
        }

        List<String> levels = new ArrayList<>(members.keySet());
        double[][] batchMean = new double[levels.size()][p];
        double[] grand = new double[p];
        double[] sd = new double[p];
        for (int b = 0; b < levels.size(); b++) {
            double[][] batchRows = select(rows, members.get(levels.get(b)));
            for (int g = 0; g < p; g++) {
                if (adjusted[g]) {
                    batchMean[b][g] = ComBatEmpiricalBayes.observedMean(batchRows, g);
                    if (Double.isNaN(batchMean[b][g])) {
                        throw UserException.unsuitable(name() + ": a feature has no value in any training sample of batch '"
                                + levels.get(b) + "' (column " + (g + 1) + ")");
                    }
                }
            }
        }
        int[] batchIndex = new int[n];
        for (int b = 0; b < levels.size(); b++) {
            for (int i : members.get(levels.get(b))) {
                batchIndex[i] = b;
            }
        }
        for (int g = 0; g < p; g++) {
            if (!adjusted[g]) {
                continue;
            }
            double gm = 0;
            for (int b = 0; b < levels.size(); b++) {
                gm += ((double) members.get(levels.get(b)).size() / n) * batchMean[b][g];
            }
            grand[g] = gm;
            double variance;
            if (!anyNa) {
                // sva without NAs: ((dat - fit)^2) %*% rep(1/n, n), an n denominator
                double sum = 0;
                double w = 1.0 / n;
                for (int i = 0; i < n; i++) {
                    double r = rows[i][g] - batchMean[batchIndex[i]][g];
                    sum += r * r * w;
                }
                variance = sum;
            } else {
                // sva with NAs anywhere: genefilter::rowVars of the residuals, an n - 1 denominator
                double[][] residual = new double[n][1];
                for (int i = 0; i < n; i++) {
                    residual[i][0] = rows[i][g] - batchMean[batchIndex[i]][g];
                }
                variance = ComBatEmpiricalBayes.observedVariance(residual, 0);
            }
            sd[g] = Math.sqrt(variance);
            if (!(sd[g] > 0)) {
                // sva would divide by zero and spread NaN over every gene's priors; such a gene
                // (constant over the whole training set) has nothing to adjust.
                adjusted[g] = false;
            }
        }
        int[] genes = indices(adjusted);
        double[][] s = standardise(rows, genes, grand, sd);
        double[][] gammaStar = new double[levels.size()][];
        double[][] deltaStar = new double[levels.size()][];
        if (levels.size() == 1) {
            // sva refuses a single batch; inside a fold it happens (leave-one-batch-out with two
            // batches): the training rows are left as they are and define the pool new batches join.
            Log.warn(name() + ": the training samples are one batch ('" + levels.get(0)
                    + "'); they are not adjusted, and other batches are moved onto them");
            gammaStar[0] = new double[genes.length];
            deltaStar[0] = new double[genes.length];
            java.util.Arrays.fill(deltaStar[0], 1.0);
        } else {
            for (int b = 0; b < levels.size(); b++) {
                ComBatEmpiricalBayes.Estimates e = ComBatEmpiricalBayes.estimate(
                        select(s, members.get(levels.get(b))), form, meanOnly, levels.get(b));
                gammaStar[b] = e.gammaStar();
                deltaStar[b] = e.deltaStar();
            }
        }
        Map<String, Integer> levelIndex = new LinkedHashMap<>();
        for (int b = 0; b < levels.size(); b++) {
            levelIndex.put(levels.get(b), b);
        }
        return new FittedComBat(form, p, genes, grand, sd, levelIndex, gammaStar, deltaStar,
                meanOnly);
    }

    /** The training estimates: grand mean and pooled SD per gene, gamma* and delta* per batch and gene. */
    public static final class FittedComBat implements Fitted {
        private static final long serialVersionUID = 1L;
        private final Form form;
        private final int features;
        /** The genes ComBat adjusts; the others pass through unchanged. */
        private final int[] genes;
        private final double[] grand;
        private final double[] sd;
        private final Map<String, Integer> batchIndex;
        /** [batch][position in genes]. */
        private final double[][] gammaStar;
        private final double[][] deltaStar;
        private final boolean meanOnly;

        FittedComBat(Form form, int features, int[] genes, double[] grand, double[] sd, Map<String, Integer> batchIndex,
                     double[][] gammaStar, double[][] deltaStar, boolean meanOnly) {
            this.form = form;
            this.features = features;
            this.genes = genes;
            this.grand = grand;
            this.sd = sd;
            this.batchIndex = batchIndex;
            this.gammaStar = gammaStar;
            this.deltaStar = deltaStar;
            this.meanOnly = meanOnly;
        }

        @Override
        public String describe() {
            return "location" + (meanOnly ? "" : " and scale")
                    + " of " + batchIndex.size() + " training batches (" + String.join(", ", batchIndex.keySet())
                    + ") for " + genes.length + " of " + features + " features";
        }

        /** The batches seen in training, in their order. */
        public List<String> trainingBatches() {
            return List.copyOf(batchIndex.keySet());
        }

        /** The batches of the given rows that training never saw: they get the own-batch fallback. */
        public List<String> unseenBatches(String[] batches) {
            List<String> out = new ArrayList<>();
            for (String b : new java.util.TreeSet<>(java.util.Arrays.asList(batches))) {
                if (!batchIndex.containsKey(b)) {
                    out.add(b);
                }
            }
            return out;
        }

        double grandMean(int feature) {
            return grand[feature];
        }

        double pooledSd(int feature) {
            return sd[feature];
        }

        @Override
        public double[][] apply(double[][] rows) {
            return apply(rows, SampleContext.NONE);
        }

        /** The training rows: every batch was seen, so this is sva's own output. */
        @Override
        public double[][] applyToTraining(double[][] trainingRows, SampleContext training) {
            return apply(trainingRows, training);
        }

        @Override
        public double[][] apply(double[][] rows, SampleContext samples) {
            int p = Matrices.requireRectangular(rows, "ComBat");
            if (rows.length > 0 && p != features) {
                throw new IllegalArgumentException("rows have " + p + " features, the fitted ComBat has " + features);
            }
            String[] batchOf = requireBatches(rows.length, samples);
            double[][] out = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                out[i] = rows[i].clone();
            }
            Map<String, List<Integer>> members = membersByBatch(batchOf);
            double[][] s = standardise(rows, genes, grand, sd);
            for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
                Integer b = batchIndex.get(e.getKey());
                List<Integer> rowsOfBatch = e.getValue();
                if (b != null) {
                    adjust(out, s, rowsOfBatch, genes, gammaStar[b], deltaStar[b]);
                } else {
                    ownBatchFallback(out, s, e.getKey(), rowsOfBatch);
                }
            }
            return out;
        }

        /**
         * The own-batch fallback for a batch training never saw: its location and scale per gene,
         * estimated from its own standardised rows as ComBat estimates a training batch, move it
         * onto the training pool. Genes without spread (or without two values) in the new batch,
         * and every gene of a batch with fewer than {@link #FALLBACK_MIN_ROWS} rows, stay as they are.
         */
        private void ownBatchFallback(double[][] out, double[][] s, String batch, List<Integer> rowsOfBatch) {
            if (rowsOfBatch.size() < FALLBACK_MIN_ROWS) {
                Log.warn("ComBat: batch '" + batch + "' was not in training and has " + rowsOfBatch.size()
                        + " sample here; at least " + FALLBACK_MIN_ROWS + " are needed to estimate its own location and "
                        + "scale, so it is left unadjusted");
                return;
            }
            double[][] batchRows = select(s, rowsOfBatch);
            List<Integer> usable = new ArrayList<>();
            for (int k = 0; k < genes.length; k++) {
                int observed = ComBatEmpiricalBayes.observedCount(batchRows, k);
                boolean spread = observed >= 2 && ComBatEmpiricalBayes.observedVariance(batchRows, k) > 0;
                if (meanOnly ? observed >= 1 : spread) {
                    usable.add(k);
                }
            }
            int[] sub = usable.stream().mapToInt(Integer::intValue).toArray();
            double[][] subRows = new double[batchRows.length][sub.length];
            for (int r = 0; r < batchRows.length; r++) {
                for (int k = 0; k < sub.length; k++) {
                    subRows[r][k] = batchRows[r][sub[k]];
                }
            }
            ComBatEmpiricalBayes.Estimates est = ComBatEmpiricalBayes.estimate(subRows, form, meanOnly, batch);
            int[] subGenes = new int[sub.length];
            for (int k = 0; k < sub.length; k++) {
                subGenes[k] = genes[sub[k]];
            }
            double[][] subS = new double[s.length][];
            for (int i : rowsOfBatch) {
                double[] row = new double[sub.length];
                for (int k = 0; k < sub.length; k++) {
                    row[k] = s[i][sub[k]];
                }
                subS[i] = row;
            }
            adjust(out, subS, rowsOfBatch, subGenes, est.gammaStar(), est.deltaStar());
            Log.warn("ComBat: batch '" + batch + "' was not in training: its " + rowsOfBatch.size()
                    + " samples were adjusted with their own location and scale (" + sub.length + " of " + genes.length
                    + " genes), no labels used (the own-batch fallback)");
        }

        /** sva's adjustment: ((s - gamma*) / sqrt(delta*)) · sd + grand, for the given genes of the rows. */
        private void adjust(double[][] out, double[][] s, List<Integer> rowsOfBatch, int[] cols, double[] gStar,
                            double[] dStar) {
            for (int i : rowsOfBatch) {
                for (int k = 0; k < cols.length; k++) {
                    int g = cols[k];
                    double z = s[i][k];
                    if (!Double.isNaN(z)) {
                        out[i][g] = (z - gStar[k]) / Math.sqrt(dStar[k]) * sd[g] + grand[g];
                    }
                }
            }
        }
    }

    private static String[] requireBatches(int rows, SampleContext context) {
        String[] batches = context == null ? null : context.batches();
        if (batches == null) {
            throw UserException.unsuitable("ComBat needs the batch of every sample: give the samplesheet a batch column "
                    + "(--batch-column, default 'batch')");
        }
        if (batches.length != rows) {
            throw new IllegalArgumentException(batches.length + " batches for " + rows + " rows");
        }
        for (int i = 0; i < rows; i++) {
            if (batches[i] == null || batches[i].isEmpty()) {
                throw UserException.unsuitable("ComBat needs the batch of every sample; row " + (i + 1) + " has none");
            }
        }
        return batches;
    }

    /** Row indices per batch, batches in sorted order (R's factor levels; results do not depend on it). */
    private static Map<String, List<Integer>> membersByBatch(String[] batchOf) {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (int i = 0; i < batchOf.length; i++) {
            out.computeIfAbsent(batchOf[i], k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    private static boolean constant(double[][] rows, List<Integer> members, int g) {
        double first = rows[members.get(0)][g];
        for (int i : members) {
            double x = rows[i][g];
            if (Double.isNaN(x) || x != first) {
                return false; // sva: var() of a gene with an NA is NA, which which() skips
            }
        }
        return true;
    }

    private static int[] indices(boolean[] mask) {
        int count = 0;
        for (boolean m : mask) {
            count += m ? 1 : 0;
        }
        int[] out = new int[count];
        int k = 0;
        for (int g = 0; g < mask.length; g++) {
            if (mask[g]) {
                out[k++] = g;
            }
        }
        return out;
    }

    private static double[][] select(double[][] rows, List<Integer> members) {
        double[][] out = new double[members.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = rows[members.get(k)];
        }
        return out;
    }

    /** (x - grand) / sd for the adjusted genes, [row][position in genes]. */
    private static double[][] standardise(double[][] rows, int[] genes, double[] grand, double[] sd) {
        double[][] s = new double[rows.length][genes.length];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < genes.length; k++) {
                int g = genes[k];
                s[i][k] = (rows[i][g] - grand[g]) / sd[g];
            }
        }
        return s;
    }
}
