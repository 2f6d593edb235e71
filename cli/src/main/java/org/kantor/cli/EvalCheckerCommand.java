package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kantor.checker.CheckerEvaluation;
import org.kantor.checker.Rules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor eval checker}: injected faults (recall, precision per rule), Bach's own rates, speed. */
@Command(name = "checker", header = "The voice-leading checker on Bach's chorales: recall and precision of every rule on injected faults.", mixinStandardHelpOptions = true,
        description = {"Evaluate the voice-leading checker on ../shared/data/bach-chorales-musicxml: faults of every rule injected into",
            "Bach's chorales (recall and precision per rule), the rate of each rule per note in Bach's own chorales, and speed."})
final class EvalCheckerCommand implements Callable<Integer> {

    /** Fang et al. 2020, "Bach or Mock?": parallel fifths and octaves per note in Bach's chorales. */
    static final double PUBLISHED_BACH_PARALLELS_PER_NOTE = 0.0016;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for choosing injection sites (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--limit", defaultValue = "0", description = "Only the first N files (0: all).")
    int limit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = SharedData.require("bach-chorales-musicxml");
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".mxl") || p.toString().endsWith(".musicxml") || p.toString().endsWith(".xml"))
                    .sorted().toList();
        }
        if (limit > 0 && files.size() > limit) {
            files = files.subList(0, limit);
        }
        CheckerEvaluation.Result r = CheckerEvaluation.run(files, seed, m -> err.println("  " + m));
        out.printf(Locale.ROOT, "Injected faults (%d chorales of %s, one injection per rule and chorale where one fits, seed %d)%n",
                r.chorales(), folder.getFileName(), seed);
        out.printf(Locale.ROOT, "  %-22s %10s %9s %8s %10s%n", "rule", "injected", "found", "recall", "precision");
        boolean allGood = true;
        for (CheckerEvaluation.RuleScore s : r.injected()) {
            out.printf(Locale.ROOT, "  %-22s %10d %9d %8.3f %10.3f%n", s.rule(), s.injections(), s.detected(), s.recall(), s.precision());
            allGood &= s.recall() >= 0.95 && (Double.isNaN(s.precision()) || s.precision() >= 0.95);
        }
        out.println("  target: recall and precision at least 0.95 for every rule: " + (allGood ? "met" : "NOT met"));
        out.println();
        out.printf(Locale.ROOT, "Bach's own chorales: %d four-part chorales, %d notes (%d files are not four-part writing and were skipped)%n",
                r.chorales(), r.notes(), r.skipped());
        out.printf(Locale.ROOT, "  %-22s %8s %12s%n", "rule", "count", "per note");
        for (String rule : Rules.IDS) {
            out.printf(Locale.ROOT, "  %-22s %8d %12.5f%n", rule, r.bachCounts().getOrDefault(rule, 0), r.ratePerNote(rule));
        }
        double parallels = r.ratePerNote("parallel-fifths") + r.ratePerNote("parallel-octaves");
        out.printf(Locale.ROOT, "  parallel fifths + octaves: %.5f per note; published (Fang et al. 2020, \"Bach or Mock?\"): about %.4f%n",
                parallels, PUBLISHED_BACH_PARALLELS_PER_NOTE);
        out.println();
        out.printf(Locale.ROOT, "Speed: %.0f chorales/s checked (%.2f ms each), %.0f chorales/s including reading the file%n",
                r.chorales() / r.checkSeconds(), 1000 * r.checkSeconds() / r.chorales(), r.chorales() / (r.checkSeconds() + r.readSeconds()));
        return Kantor.EXIT_OK;
    }
}
