package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kantor.harmonizer.GibbsSampler;
import org.kantor.harmonizer.SampleQualityEvaluation;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.harmony.JsbChorales;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor eval harmonizer}: the harmonizer on the 77 JSB test chorales. */
@Command(name = "harmonizer", mixinStandardHelpOptions = true,
        description = {"Harmonize the soprano of each of the 77 JSB test chorales and count voice-leading faults per note,",
            "beside the same counts on Bach's own 77 chorales (target: no rule more than 2x Bach's rate)."})
final class EvalHarmonizerCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--limit", defaultValue = "0", description = "Only the first N test chorales (0: all).")
    int limit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = SharedData.require("jsb-chorales");
        var test = JsbChorales.load(data).test();
        if (limit > 0 && limit < test.size()) {
            test = test.subList(0, limit);
        }
        SampleQualityEvaluation.Result r;
        try (HarmonyModel model = HarmonyModel.load()) {
            r = SampleQualityEvaluation.run(model, test, GibbsSampler.Settings.defaults(), seed);
        }
        out.printf("Sampled harmonizations of %d JSB test sopranos (default settings, seed %d), faults per note%n", r.chorales(), seed);
        out.printf("%-28s %12s %12s %8s%n", "rule", "Bach", "Kantor", "ratio");
        row(out, "parallel fifths", r, r.bach().parallelFifths(), r.kantor().parallelFifths());
        row(out, "parallel octaves/unisons", r, r.bach().parallelOctaves(), r.kantor().parallelOctaves());
        row(out, "voice crossing", r, r.bach().crossings(), r.kantor().crossings());
        row(out, "out of range", r, r.bach().outOfRange(), r.kantor().outOfRange());
        out.printf("%-28s %12d %12d%n", "notes counted", r.bach().notes(), r.kantor().notes());
        return Kantor.EXIT_OK;
    }

    private static void row(PrintWriter out, String rule, SampleQualityEvaluation.Result r, long bach, long kantor) {
        double b = r.bach().perNote(bach);
        double k = r.kantor().perNote(kantor);
        out.printf("%-28s %12.5f %12.5f %8s%n", rule, b, k, b == 0 ? (k == 0 ? "-" : "inf") : String.format("%.2fx", k / b));
    }
}
