package org.exprflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.exprflow.core.UserException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The candidate space (learners with ranges x k), the grid's cap, and the seeded random draw. */
@Tag("unit")
class CandidateSearchTest {
    private static final String IBK = "weka.classifiers.lazy.IBk";
    private static final String NB = "weka.classifiers.bayes.NaiveBayes";

    private static ModelOptions options(List<String> learners, List<Integer> k, ModelOptions.Search search, Integer budget,
                                        long seed) {
        ModelOptions o = ModelOptions.of(learners, k, "standardise", 3, 1, seed, null);
        o.search = search;
        o.searchBudget = budget;
        return o;
    }

    private static List<Candidate> random(List<String> learners, List<Integer> k, int budget, long seed) {
        return options(learners, k, ModelOptions.Search.random, budget, seed).candidates();
    }

    private static UserException refused(ModelOptions o) {
        return assertThrows(UserException.class, o::candidates);
    }

    @Test
    void gridIsLearnersInTurnEachExpandedWithKFastest() {
        List<Candidate> c = options(List.of(IBK + " -K [1,3]", NB), List.of(10, 20), ModelOptions.Search.grid, null, 42)
                .candidates();
        assertEquals(List.of(new Candidate(IBK + " -K 1", 10), new Candidate(IBK + " -K 1", 20),
                new Candidate(IBK + " -K 3", 10), new Candidate(IBK + " -K 3", 20),
                new Candidate(NB, 10), new Candidate(NB, 20)), c);
    }

    @Test
    void maxKPairsALearnerOnlyWithTheKValuesUpToIt() {
        List<Candidate> c = options(List.of(IBK + " -K [1,3] @max_k=20", NB), List.of(10, 20, 0, 50), ModelOptions.Search.grid,
                null, 42).candidates();
        assertEquals(List.of(new Candidate(IBK + " -K 1", 10), new Candidate(IBK + " -K 1", 20),
                new Candidate(IBK + " -K 3", 10), new Candidate(IBK + " -K 3", 20),
                new Candidate(NB, 10), new Candidate(NB, 20), new Candidate(NB, 0), new Candidate(NB, 50)), c);
        // random search draws from the same, smaller space
        List<Candidate> drawn = random(List.of(IBK + " -K [1,3] @max_k=20", NB), List.of(10, 20, 0, 50), 8, 7);
        assertEquals(c, drawn);
    }

    @Test
    void maxKIsChecked() {
        assertEquals("--learner '" + NB + " @max_k=5': no --top-k value is between 1 and 5 (--top-k 10,0)",
                refused(options(List.of(NB + " @max_k=5"), List.of(10, 0), ModelOptions.Search.grid, null, 42)).getMessage());
        assertEquals("--learner '" + NB + " @max_k=x': @max_k needs a whole number of at least 1, got 'x'",
                refused(options(List.of(NB + " @max_k=x"), List.of(10), ModelOptions.Search.grid, null, 42)).getMessage());
        assertEquals("--learner '" + NB + " @max_k=0': @max_k needs a whole number of at least 1, got '0'",
                refused(options(List.of(NB + " @max_k=0"), List.of(10), ModelOptions.Search.grid, null, 42)).getMessage());
        assertEquals("--learner '" + NB + " @max_k=10 -D': @max_k=N must come last",
                refused(options(List.of(NB + " @max_k=10 -D"), List.of(10), ModelOptions.Search.grid, null, 42)).getMessage());
    }

    @Test
    void gridAboveTheCapIsRefusedWithTheWayOut() {
        UserException e = refused(options(List.of(IBK + " -K [1:300]"), List.of(10, 20), ModelOptions.Search.grid, null, 42));
        assertEquals("--learner and --top-k give 600 candidates, more than the grid's cap of 500; narrow the ranges or draw "
                + "some with --search random --search-budget N", e.getMessage());
        // exactly the cap is allowed
        assertEquals(CandidateSearch.MAX_CANDIDATES, options(List.of(IBK + " -K [1:250]"), List.of(10, 20),
                ModelOptions.Search.grid, null, 42).candidates().size());
    }

    @Test
    void randomSearchDrawsTheBudgetWithoutReplacementInGridOrder() {
        List<String> learners = List.of(IBK + " -K [1:300]", NB);
        List<Candidate> drawn = random(learners, List.of(10, 20), 25, 42);
        assertEquals(25, drawn.size());
        assertEquals(25, new HashSet<>(drawn).size(), "without replacement");
        List<Candidate> space = new ArrayList<>();
        for (int k = 1; k <= 300; k++) {
            space.add(new Candidate(IBK + " -K " + k, 10));
            space.add(new Candidate(IBK + " -K " + k, 20));
        }
        space.add(new Candidate(NB, 10));
        space.add(new Candidate(NB, 20));
        int previous = -1;
        for (Candidate c : drawn) {
            int at = space.indexOf(c);
            assertTrue(at > previous, "drawn candidates keep grid order: " + drawn);
            previous = at;
        }
    }

    @Test
    void randomSearchIsTheSameForTheSameSeedOnAnyThreadCount() throws Exception {
        List<String> learners = List.of(IBK + " -K [1:99:2]", "weka.classifiers.functions.SMO -C 2^[-5:5] -M");
        List<Candidate> once = random(learners, List.of(10, 50), 12, 7);
        assertEquals(once, random(learners, List.of(10, 50), 12, 7));
        assertNotEquals(once, random(learners, List.of(10, 50), 12, 8), "another seed, another draw");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Candidate>>> parallel = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                parallel.add(pool.submit(() -> random(learners, List.of(10, 50), 12, 7)));
            }
            for (Future<List<Candidate>> f : parallel) {
                assertEquals(once, f.get());
            }
        } finally {
            pool.shutdown();
        }
        // pinned: java.util.Random is specified exactly, so a change here is a change of the draw, not of the JVM
        assertEquals(List.of(20, 37, 48, 93), CandidateSearch.draw(100, 4, 42).stream().map(Long::intValue).toList());
    }

    @Test
    void floydsDrawIsUniform() {
        // every index of 10 is drawn in 3 of 10 subsets on average; 20,000 draws: SD of a frequency 0.0032
        int[] hits = new int[10];
        int draws = 20_000;
        for (int seed = 0; seed < draws; seed++) {
            for (long i : CandidateSearch.draw(10, 3, seed)) {
                hits[(int) i]++;
            }
        }
        for (int h : hits) {
            assertEquals(0.3, h / (double) draws, 0.015, java.util.Arrays.toString(hits));
        }
    }

    @Test
    void aBudgetAsLargeAsTheSpaceTakesTheWholeGrid() {
        List<String> learners = List.of(IBK + " -K [1:5]");
        assertEquals(options(learners, List.of(10), ModelOptions.Search.grid, null, 1).candidates(),
                random(learners, List.of(10), 50, 1));
        ModelOptions o = options(learners, List.of(10), ModelOptions.Search.random, 3, 1);
        assertEquals("random: 3 of 5 candidates (seed 1)", o.searchNote());
        assertEquals(null, options(learners, List.of(10), ModelOptions.Search.grid, null, 1).searchNote());
    }

    @Test
    void searchOptionsAreChecked() {
        List<String> l = List.of(IBK + " -K [1:5]");
        assertEquals("--search random needs --search-budget N, the number of candidates to draw",
                refused(options(l, List.of(10), ModelOptions.Search.random, null, 1)).getMessage());
        assertEquals("--search-budget applies to --search random only",
                refused(options(l, List.of(10), ModelOptions.Search.grid, 3, 1)).getMessage());
        assertEquals("--search-budget must be between 1 and 500, got 0",
                refused(options(l, List.of(10), ModelOptions.Search.random, 0, 1)).getMessage());
        assertEquals("--search-budget must be between 1 and 500, got 501",
                refused(options(l, List.of(10), ModelOptions.Search.random, 501, 1)).getMessage());
        // a drawn learner that Weka refuses is a usage error like any bad learner
        UserException e = refused(options(List.of(IBK + " -K [0.5,1]"), List.of(10), ModelOptions.Search.grid, null, 1));
        assertTrue(e.getMessage().contains("invalid Weka learner '" + IBK + " -K 0.5'"), e.getMessage());
    }
}
