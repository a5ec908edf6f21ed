package org.exprflow.simulate;

import java.util.SplittableRandom;

/**
 * Negative-binomial draws as the gamma-Poisson mixture (mean mu, dispersion alpha, variance
 * mu + alpha mu^2, DESeq2's parameterisation): lambda ~ Gamma(shape 1/alpha, scale mu alpha), then
 * Poisson(lambda). Hand-written rather than from a library because the bytes must not depend on the
 * JVM or CPU: only SplittableRandom and StrictMath are used (Math.log/exp may differ by an ulp
 * between platforms, and java.util.Random's nextGaussian uses Math).
 */
final class NegativeBinomial {
    private static final double[] LOG_FACTORIAL = new double[256];

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + StrictMath.log(k);
        }
    }

    private NegativeBinomial() {
    }

    static long draw(SplittableRandom r, double mu, double alpha) {
        if (mu <= 0) {
            return 0;
        }
        double lambda = alpha <= 0 ? mu : gamma(r, 1 / alpha) * mu * alpha;
        return poisson(r, lambda);
    }

    /** Standard normal, Marsaglia's polar method. */
    static double gaussian(SplittableRandom r) {
        while (true) {
            double u = 2 * r.nextDouble() - 1;
            double v = 2 * r.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
            }
        }
    }

    /** Gamma(shape, 1), Marsaglia and Tsang (2000); shape < 1 through the U^(1/shape) boost. */
    static double gamma(SplittableRandom r, double shape) {
        if (shape < 1) {
            double u = r.nextDouble();
            return gamma(r, shape + 1) * StrictMath.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x = gaussian(r);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = r.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }

    /** Poisson(lambda): multiplication method below 10, Hörmann's PTRS (1993) above. */
    static long poisson(SplittableRandom r, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda < 10) {
            double limit = StrictMath.exp(-lambda);
            long k = 0;
            double p = r.nextDouble();
            while (p > limit) {
                k++;
                p *= r.nextDouble();
            }
            return k;
        }
        double slam = StrictMath.sqrt(lambda);
        double loglam = StrictMath.log(lambda);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = r.nextDouble() - 0.5;
            double v = r.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) StrictMath.floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (StrictMath.log(v) + StrictMath.log(invalpha) - StrictMath.log(a / (us * us) + b)
                    <= -lambda + k * loglam - logFactorial(k)) {
                return k;
            }
        }
    }

    /** ln k!: a table below 256, Stirling's series (error below 1e-15 relative) above. */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        double x = k;
        double x2 = x * x;
        return x * StrictMath.log(x) - x + 0.5 * StrictMath.log(2 * Math.PI * x)
                + 1 / (12 * x) - 1 / (360 * x * x2) + 1 / (1260 * x2 * x2 * x);
    }
}
