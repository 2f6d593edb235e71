package org.kantor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kantor.models.drums.DrumClass;
import org.kantor.models.drums.DrumEvaluation;
import org.kantor.models.drums.DrumModel;
import org.kantor.models.drums.DrumTask;
import org.kantor.models.drums.GrooveCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor eval drums}: Groove and Drumify on the Groove MIDI Dataset's test split, beside baselines. */
@Command(name = "drums", header = "Groove and Drumify on the Groove MIDI Dataset's test split, beside baselines.", mixinStandardHelpOptions = true,
        description = {"Evaluate Groove and Drumify on the Groove MIDI Dataset's test split (two-bar windows), beside baselines",
            "measured in the same run. Groove: timing (ms) and velocity errors against the drummer's own performance,",
            "and the spread of what is played. Drumify: hit F1 against what the drummer played, from a tap of every hit."})
final class EvalDrumsCommand implements Callable<Integer> {

    @Option(names = "--weights", paramLabel = "DIR", description = "Evaluate groove.weights and drumify.weights in DIR (as `kantor train drums --export` writes them) instead of the shipped ones.")
    Path weights;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Also evaluate codes drawn at this temperature (0: only the typical feel; default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (temperature < 0 || temperature > 3) {
            throw new Kantor.UserError("--temperature must be between 0 and 3");
        }
        GrooveCorpus corpus = GrooveCorpus.load(SharedData.require("groove-midi"));
        DrumModel groove = model(DrumTask.GROOVE);
        DrumModel drumify = model(DrumTask.DRUMIFY);
        DrumEvaluation.Report r = new DrumEvaluation(corpus).run(groove, drumify, temperature, seed);
        out.printf(Locale.ROOT, "Groove MIDI Dataset, test split: %d two-bar windows, %d hits%n%n", r.testWindows(), r.testHits());
        out.println("Groove: the test hits played from the grid, against the drummer's performance (lower is better)");
        out.printf(Locale.ROOT, "  %-58s %10s %10s %10s %10s%n", "player", "timing ms", "velocity", "spread ms", "spread vel");
        for (DrumEvaluation.GrooveRow g : r.groove()) {
            out.printf(Locale.ROOT, "  %-58s %10.2f %10.2f %10.2f %10.2f%n", g.name(), g.timingErrorMs(), g.velocityError(),
                    g.timingSpreadMs(), g.velocitySpread());
        }
        out.printf(Locale.ROOT, "  %-58s %10s %10s %10.2f %10.2f%n", "the drummer (spread only)", "", "", r.realTimingSpreadMs(),
                r.realVelocitySpread());
        out.println("  timing and velocity: mean absolute error per hit; spread: standard deviation around each drum's own mean");
        out.printf(Locale.ROOT, "%nDrumify: a drum pattern from a tap of every hit of the window, against what the drummer played%n");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-34s %6s %6s %6s", "writer", "prec.", "recall", "F1"));
        for (DrumClass d : DrumClass.values()) {
            head.append(String.format(Locale.ROOT, " %6s", shortName(d)));
        }
        out.println(head);
        for (DrumEvaluation.DrumifyRow row : r.drumify()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-34s %6.3f %6.3f %6.3f", row.name(), row.precision(),
                    row.recall(), row.f1()));
            for (double f : row.f1PerDrum()) {
                line.append(String.format(Locale.ROOT, " %6.3f", f));
            }
            out.println(line);
        }
        out.println("  a hit counts when the right drum is struck on the right 16th; per-drum columns are F1");
        if (groove == null || drumify == null) {
            out.println("  (a model is missing, so only the baselines are shown)");
        }
        out.flush();
        return Kantor.EXIT_OK;
    }

    private DrumModel model(DrumTask task) throws IOException {
        if (weights == null) {
            try (InputStream in = DrumModel.class.getResourceAsStream(DrumModel.resource(task))) {
                return in == null ? null : DrumModel.read(task, in);
            }
        }
        Path file = weights.resolve(task.resourceName() + ".weights");
        if (!Files.isRegularFile(file)) {
            throw new Kantor.UserError(weights + " has no " + file.getFileName() + " (write it with kantor train drums --export)",
                    Kantor.EXIT_BAD_INPUT);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return DrumModel.read(task, in);
        }
    }

    private static String shortName(DrumClass d) {
        return switch (d) {
            case KICK -> "kick";
            case SNARE -> "snare";
            case CLOSED_HI_HAT -> "hh";
            case OPEN_HI_HAT -> "ohh";
            case LOW_TOM -> "tomL";
            case MID_TOM -> "tomM";
            case HIGH_TOM -> "tomH";
            case CRASH -> "crash";
            case RIDE -> "ride";
        };
    }
}
