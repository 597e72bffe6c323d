package org.ssm.algorithms.whittaker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Smooths the series of a block on a fixed set of threads, one {@link SeriesKernel} each. Each
 * thread takes a contiguous run of cells; every series is computed by the same arithmetic whatever
 * thread takes it, so results do not depend on the thread count.
 */
final class ParallelKernels implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final SeriesKernel[] kernels;
    private final ExecutorService pool;

    ParallelKernels(LambdaSelection selection, int length, int threads) {
        kernels = new SeriesKernel[threads];
        for (int i = 0; i < threads; i++) {
            kernels[i] = new SeriesKernel(selection, length);
        }
        if (threads == 1) {
            pool = null;
        } else {
            int id = POOLS.incrementAndGet();
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "whittaker-" + id + "-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** A block in flight, to be awaited with {@link #await}. */
    interface Pending {
        void await();
    }

    /**
     * Starts smoothing every series of {@code values} ({@code [date][cell]}) in place, writing each
     * series' log10 λ into {@code logLambda}; with one thread the work is done before returning.
     */
    Pending start(float[][] values, float[][] weights, float[] logLambda) {
        int cells = logLambda.length;
        if (pool == null) {
            run(kernels[0], values, weights, logLambda, 0, cells);
            return () -> {};
        }
        List<Future<?>> parts = new ArrayList<>(kernels.length);
        for (int i = 0; i < kernels.length; i++) {
            SeriesKernel kernel = kernels[i];
            int from = (int) ((long) cells * i / kernels.length);
            int to = (int) ((long) cells * (i + 1) / kernels.length);
            parts.add(pool.submit(() -> run(kernel, values, weights, logLambda, from, to)));
        }
        return () -> awaitAll(parts);
    }

    private static void run(SeriesKernel kernel, float[][] values, float[][] weights, float[] logLambda, int from,
            int to) {
        for (int cell = from; cell < to; cell++) {
            logLambda[cell] = kernel.smoothCell(values, weights, cell);
        }
    }

    private static void awaitAll(List<Future<?>> parts) {
        try {
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while smoothing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
