package org.exprflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 *
 * <p>A learner may end with {@code @max_k=N}: it is then paired only with the k values from 1 to N
 * (k = 0, every feature, is above any N). Some learners cost far more per feature than the rest of
 * a grid: one outer fold of Weka's Logistic at k = 1000 took 45 s on SRBCT's four classes (9 inner
 * fits, the refit and the importance), against 1.3 s at k = 200, and would alone make a grid
 * impractical; the cap keeps it in the grid where it is affordable (docs/results.md, the heavy tier).
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
        List<LearnerSpace> spaces = new ArrayList<>();
        long size = 0;
        for (String l : learners) {
            LearnerSpace space = LearnerSpace.parse(l, topK);
            spaces.add(space);
            size = saturatingAdd(size, saturatingMultiply(space.ranges().size(), space.topK().size()));
        }
        if (mode == ModelOptions.Search.grid) {
            if (size > MAX_CANDIDATES) {
                throw UserException.badParameter("--learner and --top-k give " + count(size) + " candidates, more than the "
                        + "grid's cap of " + MAX_CANDIDATES + "; narrow the ranges or draw some with --search random "
                        + "--search-budget N");
            }
            List<Candidate> all = new ArrayList<>();
            for (long i = 0; i < size; i++) {
                all.add(candidate(spaces, i));
            }
            return new Result(all, size);
        }
        if (size > MAX_RANDOM_SPACE) {
            throw UserException.badParameter("--learner and --top-k give " + count(size) + " candidates, more than random "
                    + "search's " + MAX_RANDOM_SPACE + "; narrow the ranges");
        }
        List<Candidate> drawn = new ArrayList<>();
        for (long i : draw((int) size, Math.min(budget, (int) size), seed)) {
            drawn.add(candidate(spaces, i));
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
    private static Candidate candidate(List<LearnerSpace> spaces, long index) {
        long rest = index;
        for (LearnerSpace space : spaces) {
            List<Integer> ks = space.topK();
            long n = space.ranges().size() * ks.size(); // bounded: the whole space fits in a long here
            if (rest < n) {
                return new Candidate(space.ranges().learner(rest / ks.size()), ks.get((int) (rest % ks.size())));
            }
            rest -= n;
        }
        throw new IndexOutOfBoundsException(index);
    }

    /** One --learner entry: its option ranges, and the k values it is paired with. */
    private record LearnerSpace(OptionRanges ranges, List<Integer> topK) {
        /** A trailing {@code @max_k=N}, with the whitespace before it. */
        private static final Pattern MAX_K = Pattern.compile("\\s*@max_k=([^\\s]*)\\s*$");

        static LearnerSpace parse(String learner, List<Integer> topK) {
            Matcher m = MAX_K.matcher(learner);
            if (!m.find()) {
                if (learner.contains("@max_k")) {
                    throw UserException.badParameter("--learner '" + learner + "': @max_k=N must come last");
                }
                return new LearnerSpace(OptionRanges.parse(learner), topK);
            }
            String text = learner.substring(0, m.start());
            int max;
            try {
                max = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                max = 0;
            }
            if (max < 1) {
                throw UserException.badParameter("--learner '" + learner + "': @max_k needs a whole number of at least 1, got '"
                        + m.group(1) + "'");
            }
            final int cap = max;
            List<Integer> kept = topK.stream().filter(k -> k > 0 && k <= cap).toList();
            if (kept.isEmpty()) {
                throw UserException.badParameter("--learner '" + learner + "': no --top-k value is between 1 and " + cap
                        + " (--top-k " + topK.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
            }
            return new LearnerSpace(OptionRanges.parse(text.trim()), kept);
        }
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
