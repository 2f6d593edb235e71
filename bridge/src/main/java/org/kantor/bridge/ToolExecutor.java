package org.kantor.bridge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tool work on a fixed number of threads with a bounded queue: a full queue answers 429 at once
 * instead of piling up work, and a request over the time limit is cancelled (the sampler stops at its
 * next round) and answered 503.
 */
final class ToolExecutor implements AutoCloseable {

    private final ExecutorService pool;
    private final Semaphore admitted;
    private final int capacity;
    private final Duration timeLimit;

    ToolExecutor(int workers, int waiting, Duration timeLimit) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "kantor-tool-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // running plus waiting requests; the permit goes back the moment the work ends
        this.capacity = workers + waiting;
        this.admitted = new Semaphore(capacity);
        this.timeLimit = timeLimit;
    }

    <T> T run(String what, Callable<T> work) throws Exception {
        if (!admitted.tryAcquire()) {
            throw new ProblemException(429, "busy", "Too many requests",
                    "the server is busy with " + capacity + " requests (running and waiting); try again in a few seconds",
                    Map.of("Retry-After", "5"));
        }
        // whoever claims the request gives the permit back: the work when it runs, or the caller when it gave up first
        AtomicBoolean claimed = new AtomicBoolean();
        Future<T> future = pool.submit(() -> {
            if (!claimed.compareAndSet(false, true)) {
                return null;
            }
            try {
                return work.call();
            } finally {
                admitted.release();
            }
        });
        try {
            return future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            giveUp(future, claimed);
            throw new ProblemException(503, "time-limit", "Took too long",
                    what + " took longer than the server's limit of " + timeLimit.toSeconds() + " s and was stopped; try fewer measures"
                            + " or fewer gibbs-steps, or start the server with a longer --time-limit", Map.of("Retry-After", "5"));
        } catch (InterruptedException e) {
            giveUp(future, claimed);
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "stopping", "Server stopping", "the server is stopping");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : new RuntimeException(e.getCause());
        }
    }

    private void giveUp(Future<?> future, AtomicBoolean claimed) {
        future.cancel(true);
        if (claimed.compareAndSet(false, true)) {
            admitted.release();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
