package org.kantor.models;

import java.io.PrintStream;
import java.time.Duration;

/** A progress bar on a terminal, one line per report otherwise (so logs of background runs stay readable). */
public final class TrainingLog {

    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final int firstStep;

    public TrainingLog(PrintStream out, int firstStep) {
        this.out = out;
        this.terminal = System.console() != null;
        this.firstStep = firstStep;
    }

    public void progress(int step, int total, double loss, Double validNll) {
        double elapsed = (System.nanoTime() - started) / 1e9;
        double rate = (step - firstStep) / Math.max(elapsed, 1e-9);
        long eta = rate > 0 ? Math.round((total - step) / rate) : 0;
        int width = 30;
        int filled = (int) Math.round(width * (double) step / Math.max(total, 1));
        String bar = "=".repeat(Math.max(0, filled)) + " ".repeat(Math.max(0, width - filled));
        String line = String.format("step %6d/%d [%s] loss %.4f%s  %.2f steps/s  ETA %s", step, total, bar, loss,
                validNll == null ? "" : String.format("  valid NLL %.4f", validNll), rate, clock(eta));
        if (terminal) {
            out.print("\r" + line);
            if (validNll != null || step == total) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static String clock(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return String.format("%dh%02dm%02ds", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
