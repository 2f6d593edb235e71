package org.kantor.bridge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tool work on a fixed number of threads with a bounded queue: a full queue answers 429 at once
 * instead of piling up work, and a request over the time limit is cancelled (the sampler stops at its
 * next round) and answered 503.
 */
final class ToolExecutor implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final Duration timeLimit;

    ToolExecutor(int workers, int waiting, Duration timeLimit) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                waiting == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(waiting), r -> {
                    Thread t = new Thread(r, "kantor-tool-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.timeLimit = timeLimit;
    }

    <T> T run(String what, Callable<T> work) throws Exception {
        Future<T> future;
        try {
            future = pool.submit(work);
        } catch (RejectedExecutionException e) {
            throw new ProblemException(429, "busy", "Too many requests",
                    "the server is busy with " + pool.getActiveCount() + " requests and " + pool.getQueue().size()
                            + " waiting; try again in a few seconds", Map.of("Retry-After", "5"));
        }
        try {
            return future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProblemException(503, "time-limit", "Took too long",
                    what + " took longer than the server's limit of " + timeLimit.toSeconds() + " s and was stopped; try fewer measures"
                            + " or fewer gibbs-steps, or start the server with a longer --time-limit", Map.of("Retry-After", "5"));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "stopping", "Server stopping", "the server is stopping");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : new RuntimeException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
