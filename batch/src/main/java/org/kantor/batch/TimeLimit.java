package org.kantor.batch;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One file's work under a time limit, on a thread of its own: a file that hangs is given up after the limit and its
 * thread interrupted (tools stop at their next progress report), so that the task goes on to the next file.
 */
final class TimeLimit {

    /** The file took longer than the limit. */
    static final class Exceeded extends Exception {
        Exceeded(double seconds) {
            super(String.format(java.util.Locale.ROOT, "stopped after %.0f s, the time limit for one file (--timeout)", seconds));
        }
    }

    private TimeLimit() {
    }

    static <T> T run(Callable<T> work, double seconds) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, "kantor-batch-file");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(Math.max(1, Math.round(seconds * 1000)), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new Exceeded(seconds);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
