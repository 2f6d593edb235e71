package org.kantor.bridge;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.kantor.tools.catalog.ToolResult;

/**
 * Long tool work as jobs: a request starts one and returns at once; the client polls its state and
 * progress, may cancel it, and fetches its result once. Jobs run on their own threads, so a long
 * transcription never blocks quick requests; a full board answers 429, a job over its time limit is
 * stopped, and finished jobs nobody fetched are dropped after a while.
 */
final class JobBoard implements AutoCloseable {

    /** The work a job does, told where to report progress. */
    interface Work {
        ToolResult run(DoubleConsumer progress) throws Exception;
    }

    enum State {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    /** One job as a client sees it. */
    static final class Job {
        final String id;
        final String tool;
        private volatile State state = State.QUEUED;
        private volatile double progress;
        private volatile boolean cancelRequested;
        private volatile ToolResult result;
        private volatile ProblemException problem;
        private volatile long finishedAt;
        private Future<?> future;

        Job(String id, String tool) {
            this.id = id;
            this.tool = tool;
        }

        State state() {
            return state;
        }

        double progress() {
            return progress;
        }

        ProblemException problem() {
            return problem;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final int capacity;
    private final Duration timeLimit;
    private final Duration keepFinished;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Consumer<String> log;

    /** @param log told about unexpected failures, which the client sees only as "internal error" */
    JobBoard(int workers, int capacity, Duration timeLimit, Duration keepFinished, Consumer<String> log) {
        this.log = log;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "kantor-job-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kantor-job-timer");
            t.setDaemon(true);
            return t;
        });
        this.capacity = capacity;
        this.timeLimit = timeLimit;
        this.keepFinished = keepFinished;
    }

    /** Starts a job, or answers 429 when as many jobs as the board holds are waiting, running or unfetched. */
    synchronized Job submit(String tool, Work work) {
        dropExpired();
        if (jobs.size() >= capacity) {
            throw new ProblemException(429, "busy", "Too many jobs",
                    "the server holds " + capacity + " jobs (running, waiting, or finished and not fetched); fetch or cancel one, or try again later",
                    Map.of("Retry-After", "10"));
        }
        Job job = new Job(newId(), tool);
        jobs.put(job.id, job);
        job.future = pool.submit(() -> execute(job, work));
        timer.schedule(() -> stop(job, true), timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        return job;
    }

    /** 96 random bits in hex: a job's address cannot be guessed. */
    private static String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private void execute(Job job, Work work) {
        if (job.cancelRequested) {
            return;
        }
        job.state = State.RUNNING;
        try {
            ToolResult result = work.run(fraction -> {
                // a tool reports progress often: where it does not watch for interruption, this is where it stops
                if (job.cancelRequested || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException();
                }
                job.progress = Math.max(job.progress, Math.min(1, fraction));
            });
            if (job.cancelRequested) {
                return;
            }
            job.result = result;
            job.progress = 1;
            finish(job, State.DONE);
        } catch (Exception e) {
            if (job.cancelRequested || e instanceof CancellationException || e instanceof InterruptedException) {
                return;
            }
            job.problem = Problems.of(e);
            if (job.problem.status() >= 500) {
                log.accept("internal error in a " + job.tool + " job: " + e);
            }
            finish(job, State.FAILED);
        }
    }

    private void finish(Job job, State state) {
        synchronized (this) {
            if (!job.state.finished()) {
                job.state = state;
                job.finishedAt = System.nanoTime();
            }
        }
    }

    synchronized Optional<Job> find(String id) {
        dropExpired();
        return Optional.ofNullable(jobs.get(id));
    }

    /** Stops a job that is waiting or running; a finished one is simply forgotten. */
    synchronized Optional<Job> cancel(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        if (job.state.finished()) {
            jobs.remove(id);
        } else {
            stop(job, false);
        }
        return Optional.of(job);
    }

    private synchronized void stop(Job job, boolean timedOut) {
        if (job.state.finished()) {
            return;
        }
        job.cancelRequested = true;
        job.future.cancel(true);
        if (timedOut) {
            job.problem = new ProblemException(503, "time-limit", "Took too long", job.tool + " took longer than the server's limit of "
                    + timeLimit.toMinutes() + " minutes for a job and was stopped");
            job.state = State.FAILED;
        } else {
            job.state = State.CANCELLED;
        }
        job.finishedAt = System.nanoTime();
    }

    /** The result of a finished job, handed out once: the job is forgotten afterwards. */
    synchronized ToolResult take(Job job) {
        jobs.remove(job.id);
        return job.result;
    }

    private void dropExpired() {
        long now = System.nanoTime();
        for (Iterator<Job> it = jobs.values().iterator(); it.hasNext(); ) {
            Job job = it.next();
            if (job.state.finished() && now - job.finishedAt > keepFinished.toNanos()) {
                it.remove();
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        timer.shutdownNow();
    }
}
