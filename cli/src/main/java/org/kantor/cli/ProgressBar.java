package org.kantor.cli;

import java.io.PrintWriter;
import java.util.function.DoubleConsumer;

/** A progress bar on standard error for work that takes seconds, when it is a terminal; nothing in pipes and logs. */
final class ProgressBar {

    private ProgressBar() {
    }

    /** A listener that draws "label [#####     ]  40%  3 s" as the fraction done (0..1) grows. */
    static DoubleConsumer onTerminal(PrintWriter err, String label) {
        if (System.console() == null) {
            return fraction -> { };
        }
        long start = System.nanoTime();
        int[] shown = {-1};
        return fraction -> {
            int percent = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
            if (percent == shown[0]) {
                return;
            }
            shown[0] = percent;
            int filled = percent * 30 / 100;
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf("\r%s [%s%s] %3d%%  %.0f s", label, "#".repeat(filled), " ".repeat(30 - filled), percent, seconds);
            if (percent >= 100) {
                err.println();
            }
            err.flush();
        };
    }
}
