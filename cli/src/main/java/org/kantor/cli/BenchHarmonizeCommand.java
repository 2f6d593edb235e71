package org.kantor.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.kantor.harmonizer.HarmonizerBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor bench harmonize}: how fast a 16-measure melody is harmonized. */
@Command(name = "harmonize", header = "Time to harmonize a 16-measure melody, engine start-up and model load apart.", mixinStandardHelpOptions = true,
        description = "Median wall time to harmonize a 16-measure 4/4 melody with default settings (engine start-up counted separately).")
final class BenchHarmonizeCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "7", description = "Measured runs after one warm-up (default ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        HarmonizerBenchmark.Figures f = HarmonizerBenchmark.run(Math.max(1, runs));
        out.printf("Harmonizer, %d cores, median of %d runs%n", Runtime.getRuntime().availableProcessors(), f.runs());
        out.printf("  engine start-up          %8.0f ms (once per process)%n", f.engineStartMillis());
        out.printf("  model load               %8.0f ms (once per process)%n", f.modelLoadMillis());
        out.printf("  harmonize %2d measures    %8.0f ms (goal: under 1000 ms; the Bach Doodle took about 2 s for 2 measures)%n",
                f.measures(), f.harmonizeMillis());
        out.printf("  Gibbs steps per second   %8.1f%n", f.gibbsStepsPerSecond());
        out.printf("  parameters               %8d%n", f.parameters());
        out.printf("  weights                  %8.2f MB (kernels in 8 bits, the rest in half precision, gzipped)%n", f.weightBytes() / 1e6);
        return Kantor.EXIT_OK;
    }
}
