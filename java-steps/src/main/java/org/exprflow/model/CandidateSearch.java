package org.exprflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.exprflow.core.UserException;

/**
 * The candidates nested CV chooses among. The search space is every learner (its option ranges
 * expanded, {@link OptionRanges}) with every k, in grid order: learners as given, each learner's
 * values in expansion order, k fastest. {@code --search grid} takes the whole space, up to
 * {@link #MAX_CANDIDATES}; {@code --search random} draws {@code --search-budget} candidates from it
 * without replacement and keeps them in grid order, so the one-standard-error rule still prefers the
 * earlier (simpler) ones.
 *
 * <p>The draw uses {@link Random} seeded with {@code --seed} alone (mixed first, {@link #mix}) and
 * Robert Floyd's sampling, which needs one draw per candidate and never lists the space. It is made
 * once per process, before any data are read. Every outer fold, the final model and every permutation therefore search the same candidates,
 * and the same seed gives the same draw whatever the thread count or task layout.
 */
public final class CandidateSearch {
    /**
     * Candidates one inner loop may score: each costs inner folds x repeats fits per outer fold
     * (500 x 3 x 3 = 4,500 fits per fold with the defaults), so a larger grid is almost always a
     * mistyped range. Random search draws at most this many too.
     */
    public static final int MAX_CANDIDATES = 500;

    /** The largest space random search draws from: Random.nextInt's bound. */
    static final long MAX_RANDOM_SPACE = Integer.MAX_VALUE;

    /** The chosen candidates, and the size of the space they came from. */
    public record Result(List<Candidate> candidates, long spaceSize) {
    }

    private CandidateSearch() {
    }

    /**
     * @param learners Weka command lines, ranges allowed, already trimmed and non-empty
     * @param topK     the k values, each 0 or positive
     * @param budget   random search only: how many candidates to draw
     */
    public static Result search(List<String> learners, List<Integer> topK, ModelOptions.Search mode, Integer budget,
                                long seed) {
        if (mode == ModelOptions.Search.grid && budget != null) {
            throw UserException.badParameter("--search-budget applies to --search random only");
        }
        if (mode == ModelOptions.Search.random) {
            if (budget == null) {
                throw UserException.badParameter("--search random needs --search-budget N, the number of candidates to draw");
            }
            if (budget < 1 || budget > MAX_CANDIDATES) {
                throw UserException.badParameter("--search-budget must be between 1 and " + MAX_CANDIDATES + ", got " + budget);
            }
        }
        List<OptionRanges> spaces = new ArrayList<>();
        long size = 0;
        for (String l : learners) {
            OptionRanges r = OptionRanges.parse(l);
            spaces.add(r);
            size = saturatingAdd(size, saturatingMultiply(r.size(), topK.size()));
        }
        if (mode == ModelOptions.Search.grid) {
            if (size > MAX_CANDIDATES) {
                throw UserException.badParameter("--learner and --top-k give " + count(size) + " candidates, more than the "
                        + "grid's cap of " + MAX_CANDIDATES + "; narrow the ranges or draw some with --search random "
                        + "--search-budget N");
            }
            List<Candidate> all = new ArrayList<>();
            for (long i = 0; i < size; i++) {
                all.add(candidate(spaces, topK, i));
            }
            return new Result(all, size);
        }
        if (size > MAX_RANDOM_SPACE) {
            throw UserException.badParameter("--learner and --top-k give " + count(size) + " candidates, more than random "
                    + "search's " + MAX_RANDOM_SPACE + "; narrow the ranges");
        }
        List<Candidate> drawn = new ArrayList<>();
        for (long i : draw((int) size, Math.min(budget, (int) size), seed)) {
            drawn.add(candidate(spaces, topK, i));
        }
        return new Result(drawn, size);
    }

    /**
     * {@code n} distinct indices of {@code [0, size)}, ascending: Robert Floyd's algorithm (Bentley,
     * "Programming Pearls", 1987), uniform over all n-subsets. java.util.Random's nextInt(bound) is
     * specified exactly, so the draw is the same on every JVM.
     */
    static TreeSet<Long> draw(int size, int n, long seed) {
        Random rng = new Random(mix(seed));
        TreeSet<Long> chosen = new TreeSet<>();
        for (int j = size - n; j < size; j++) {
            long t = rng.nextInt(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        return chosen;
    }

    /**
     * SplitMix64's finaliser (Steele, Lea and Flood 2014) over the seed. java.util.Random's first
     * draws from nearby seeds are correlated (seeds 0 to 19,999 drawing 3 of 10 picked index 1 in
     * 37% of draws and index 5 in 26%, against 30%); users try seeds 1, 2, 3, so the seed is mixed
     * first.
     */
    static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The candidate at a grid-order index: learners in turn, each learner's expansion, k fastest. */
    private static Candidate candidate(List<OptionRanges> spaces, List<Integer> topK, long index) {
        long rest = index;
        for (OptionRanges r : spaces) {
            long n = r.size() * topK.size(); // bounded: the whole space fits in a long here
            if (rest < n) {
                return new Candidate(r.learner(rest / topK.size()), topK.get((int) (rest % topK.size())));
            }
            rest -= n;
        }
        throw new IndexOutOfBoundsException(index);
    }

    private static long saturatingMultiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long saturatingAdd(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String count(long size) {
        return size == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : String.format(java.util.Locale.ROOT, "%,d", size);
    }
}
