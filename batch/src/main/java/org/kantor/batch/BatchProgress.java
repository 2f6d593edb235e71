package org.kantor.batch;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Files done, failures and the time left, drawn on standard error while the job runs: counted from the rows the executors
 * have written, so it works the same embedded and on a cluster with a shared output folder. On a terminal one line
 * redrawn; in a log a line every ten seconds.
 */
final class BatchProgress implements AutoCloseable {

    private static final long TERMINAL_MILLIS = 500;
    private static final long LOG_MILLIS = 10_000;

    private final RowStore rows;
    private final int total;
    private final int before;
    private final PrintStream err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final Thread thread;
    private volatile boolean done;

    BatchProgress(RowStore rows, int total, PrintStream err, boolean terminal) {
        this.rows = rows;
        this.total = total;
        this.err = err;
        this.terminal = terminal;
        this.before = rows.total();
        this.thread = new Thread(this::watch, "kantor-batch-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        long pause = terminal ? TERMINAL_MILLIS : LOG_MILLIS;
        while (!done) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            if (!done) {
                draw(false);
            }
        }
    }

    private synchronized void draw(boolean last) {
        int[] counts = rows.counts();
        int finished = Math.min(total, counts[0] + counts[1] + counts[2]);
        double seconds = (System.nanoTime() - started) / 1e9;
        int thisRun = finished - before;
        String left = thisRun <= 0 ? "" : ", " + org.kantor.core.ClockTime.of((total - finished) * seconds / thisRun) + " left";
        int filled = total == 0 ? 30 : finished * 30 / total;
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d files, %d failed%s", "#".repeat(filled), " ".repeat(30 - filled),
                finished, total, counts[1], last ? String.format(Locale.ROOT, ", %.0f s", seconds) : left);
        err.print(terminal ? "\r" + line + (last ? "\n" : "") : line + "\n");
        err.flush();
    }

    @Override
    public void close() {
        done = true;
        thread.interrupt();
        draw(true);
    }
}
