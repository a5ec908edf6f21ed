package org.exprflow.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Independent jobs on a fixed number of threads, with results that do not depend on that number.
 * The rule every parallel part of exprflow follows:
 * <ul>
 *   <li>a job is a pure function of its index and of inputs nobody writes while the jobs run; whatever
 *       is random in it is seeded from the index (never a shared {@code Random}), and whatever is
 *       mutable (a Weka learner, a fitted model that predicts) is its own copy;</li>
 *   <li>results are gathered by index, never in completion order, so sums and tables are formed in
 *       the same order as a serial loop would form them;</li>
 *   <li>a failure is the lowest-indexed failing job's, as a serial loop would meet it first.</li>
 * </ul>
 * Nested use runs serially: a job that itself calls {@link #map} (a permutation running its inner
 * loop) runs those jobs in its own thread, so N threads never become N x N.
 */
public final class Parallel {
    /** True on the worker threads of a {@link #map} call. */
    private static final ThreadLocal<Boolean> WORKER = ThreadLocal.withInitial(() -> false);

    private Parallel() {
    }

    /**
     * The results of {@code job.apply(0 .. count-1)}, in index order, computed on up to {@code threads}
     * threads (serially in the calling thread when threads is 1, count is below 2, or the caller is
     * itself a job).
     */
    public static <T> List<T> map(int threads, int count, IntFunction<T> job) {
        List<T> out = new ArrayList<>(count);
        if (threads <= 1 || count <= 1 || WORKER.get()) {
            for (int i = 0; i < count; i++) {
                out.add(job.apply(i));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), workerThreads());
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> job.apply(index)));
            }
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for parallel jobs", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(() -> {
                WORKER.set(true);
                runnable.run();
            }, "exprflow-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
