package org.kantor.cli;

import java.util.ArrayList;
import java.util.List;
import org.kantor.musicxml.bench.Stats;

/** The benchmarks' way of timing a piece of work: two warm-up runs, then the median of the timed ones, in seconds. */
final class BenchRuns {

    interface Work {
        void run() throws Exception;
    }

    private BenchRuns() {
    }

    static double median(int runs, Work work) throws Exception {
        work.run();
        work.run();
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            work.run();
            times.add((System.nanoTime() - t) / 1e9);
        }
        return Stats.median(times);
    }
}
