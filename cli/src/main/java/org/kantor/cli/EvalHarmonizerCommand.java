package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.kantor.harmonizer.GibbsSampler;
import org.kantor.harmonizer.SampleQualityEvaluation;
import org.kantor.models.harmony.HarmonizerTraining;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.harmony.JsbChorales;
import org.kantor.models.harmony.LikelihoodEvaluation;
import org.kantor.models.harmony.PianoRoll;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor eval harmonizer}: the evaluations of the harmonizer on the 77 JSB test chorales, and the checker's rules on spelled chorales. */
@Command(name = "harmonizer", header = "The harmonizer on the 77 JSB test chorales: Coconet's likelihoods and the faults of its harmonizations.", mixinStandardHelpOptions = true,
        description = {"Evaluate the harmonizer on the 77 JSB test chorales (16th-note steps):",
            "  1  Coconet's NLL protocol: frame-wise and note-wise, ensemble of orderings (paper: 0.57 frame-wise at 16ths)",
            "  2  NLL of alto, tenor and bass given the soprano, per note (16th-note variable)",
            "  3  voice-leading faults per note in sampled harmonizations of the test sopranos, beside Bach's own rates",
            "  4  every checker rule per 1,000 notes (clashes, cross-relations ...) in harmonizations of the sopranos of every 10th",
            "     MusicXML chorale in the shared data (spelled, as a musician reads them), beside Bach's own (not run by default)",
            "  5  the same counts on the 77 test sopranos, written out in the key their notes suggest, beside Bach's own (not run by default)",
            "  6  the same counts on songs' voice lines Bach never set (every 10th song of the OpenScore Lieder that fits the 16th-note",
            "     grid, 20 songs; not run by default)",
            "1 and 2 take about two hours together on two cores for all 77 chorales (10 take 15 minutes); --limit runs a quick subset."})
final class EvalHarmonizerCommand implements Callable<Integer> {

    /** Coconet's frame-wise NLL at 16th-note resolution on the JSB test split (Huang et al. 2017, Table 2). */
    static final double PAPER_FRAME_WISE_16TH = 0.57;

    @Option(names = "--evaluations", split = ",", defaultValue = "1,2,3", description = "Which evaluations to run (default ${DEFAULT-VALUE}).")
    List<Integer> evaluations;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for orderings and sampling (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--limit", defaultValue = "0", description = "Only the first N chorales of the split (0: all).")
    int limit;

    @Option(names = "--ensemble", defaultValue = "5", description = "Orderings averaged per chorale in 1 and 2 (Coconet: 5; default ${DEFAULT-VALUE}).")
    int ensemble;

    @Option(names = "--transpose", description = "Each member of the ensemble also hears the chorale transposed (0, +1, -1, +2, -2 semitones, "
            + "where it stays in range): an ensemble of transposed models. Coconet's own figure uses orderings only.")
    boolean transpose;

    @Option(names = "--split", defaultValue = "test", description = "Chorales to evaluate: test (the figures to report) or valid "
            + "(to compare candidate weights without looking at the test split; default ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--run", paramLabel = "FOLDER", description = "Evaluate the best weights of the training run in FOLDER instead of the shipped ones.")
    Path run;

    @Option(names = "--weights", paramLabel = "FOLDER", description = "Evaluate the exported weights in FOLDER (coconet.kw and "
            + "coconet.json, as train harmonizer --export writes them) instead of the shipped ones.")
    Path weights;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (int e : evaluations) {
            if (e < 1 || e > 6) {
                throw new Kantor.UserError("--evaluations takes 1 to 6 (got " + e + ")");
            }
        }
        if (ensemble < 1 || ensemble > 50) {
            throw new Kantor.UserError("--ensemble must be between 1 and 50 (got " + ensemble + ")");
        }
        if (!split.equals("test") && !split.equals("valid")) {
            throw new Kantor.UserError("--split takes test or valid (got " + split + ")");
        }
        if (run != null && weights != null) {
            throw new Kantor.UserError("--run and --weights each name the weights to evaluate: give one of them");
        }
        HarmonizerTraining.Progress trained = run == null ? null : HarmonizerTraining.readProgress(run);
        if (run != null && trained == null) {
            throw new Kantor.UserError(run + " is not a harmonizer training run (no " + HarmonizerTraining.PROGRESS + " and " + HarmonizerTraining.WEIGHTS + " in it)");
        }
        if (trained != null && trained.withValidationChorales() && split.equals("valid") && (limit <= 0 || limit > trained.heldOut())) {
            throw new Kantor.UserError(run + " was trained on the validation chorales but the first " + trained.heldOut()
                    + " (--chorales train+valid): its figures on the others say nothing; evaluate it on --split test"
                    + (trained.heldOut() > 0 ? " or on --split valid --limit " + trained.heldOut() + " or less" : ""));
        }
        if (weights != null && !HarmonyModel.hasResources(weights)) {
            throw new Kantor.UserError(weights + " holds no exported harmony weights (no " + HarmonyModel.RESOURCE_WEIGHTS + " and "
                    + HarmonyModel.RESOURCE_CONFIG + " in it)");
        }
        Path data = SharedData.require("jsb-chorales");
        JsbChorales jsb = JsbChorales.load(data);
        List<PianoRoll> chorales = split.equals("test") ? jsb.test() : jsb.valid();
        if (limit > 0 && limit < chorales.size()) {
            chorales = chorales.subList(0, limit);
        }
        try (HarmonyModel model = run != null ? HarmonyModel.fromRun(run)
                : weights != null ? HarmonyModel.fromResources(weights) : HarmonyModel.load()) {
            if (evaluations.contains(1)) {
                likelihood(out, model, chorales);
            }
            if (evaluations.contains(2)) {
                conditional(out, model, chorales);
            }
            if (evaluations.contains(3)) {
                samples(out, model, chorales);
            }
            if (evaluations.contains(4)) {
                checked(out, model);
            }
            if (evaluations.contains(5)) {
                table(out, "5. Checker rules per 1,000 notes: the " + chorales.size() + " " + split + " sopranos of the JSB split written out in"
                        + " 4/4 in their estimated key, Bach's alto, tenor and bass beside Kantor's (seed " + seed + ")",
                        org.kantor.harmonizer.ScoreCheckEvaluation.testSopranos(model, chorales, seed), true);
            }
            if (evaluations.contains(6)) {
                songs(out, model);
            }
        }
        return Kantor.EXIT_OK;
    }

    /** Every checker rule per 1,000 notes, Bach's chorales against Kantor's harmonizations of their sopranos. */
    private void checked(PrintWriter out, HarmonyModel model) throws java.io.IOException {
        Path folder = SharedData.require("bach-chorales-musicxml");
        List<Path> files;
        try (var list = java.nio.file.Files.list(folder)) {
            List<Path> all = list.filter(p -> p.toString().endsWith(".mxl")).sorted().toList();
            files = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 10 == 0).mapToObj(all::get).toList();
        }
        if (limit > 0 && files.size() > limit) {
            files = files.subList(0, limit);
        }
        org.kantor.harmonizer.ScoreCheckEvaluation.Result r = org.kantor.harmonizer.ScoreCheckEvaluation.run(model, files, seed);
        table(out, "4. Checker rules per 1,000 notes: " + r.chorales() + " of Bach's chorales (every 10th file) and Kantor's harmonizations"
                + " of their sopranos (alto, tenor, bass anew, seed " + seed + ")", r, true);
    }

    /** Songs' voice lines: every 10th song of the lieder corpus whose voice part fits the harmonizer's grid, 20 of them. */
    private void songs(PrintWriter out, HarmonyModel model) throws java.io.IOException {
        Path folder = SharedData.require("openscore-lieder");
        List<Path> files;
        try (var walk = java.nio.file.Files.walk(folder)) {
            List<Path> all = walk.filter(p -> p.toString().endsWith(".mxl")).sorted().toList();
            files = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 10 == 0).mapToObj(all::get).toList();
        }
        int wanted = limit > 0 ? limit : 20;
        org.kantor.harmonizer.ScoreCheckEvaluation.Result r = org.kantor.harmonizer.ScoreCheckEvaluation.melodies(model, files, "1", wanted, seed);
        table(out, "6. Checker rules per 1,000 notes: Kantor's harmonizations of the voice lines (part 1) of " + r.chorales()
                + " songs of the OpenScore Lieder, piano left out (seed " + seed + "); Bach never set them", r, false);
    }

    /** Every rule per 1,000 notes, the tonal figures, and the notes counted. */
    private static void table(PrintWriter out, String title, org.kantor.harmonizer.ScoreCheckEvaluation.Result r, boolean withBach) {
        java.util.Locale l = java.util.Locale.ROOT;
        out.println(title);
        out.printf("   %-34s %10s %10s%n", "per 1,000 notes", withBach ? "Bach" : "", "Kantor");
        for (String rule : org.kantor.checker.Rules.IDS) {
            out.printf(l, "   %-34s %10s %10.2f%n", rule, withBach ? String.format(l, "%.2f", r.bachPerThousand(rule)) : "", r.kantorPerThousand(rule));
        }
        var b = r.bach().tonal();
        var k = r.kantor().tonal();
        out.printf(l, "   %-34s %10s %10.2f%n", "notes outside the key", withBach ? String.format(l, "%.2f", b.perThousand(b.outsideKey())) : "",
                k.perThousand(k.outsideKey()));
        out.printf(l, "   %-34s %10s %10.2f%n", "chromatic inflections in a voice", withBach ? String.format(l, "%.2f", b.perThousand(b.inflections())) : "",
                k.perThousand(k.inflections()));
        out.printf(l, "   %-34s %10s %9.0f%%%n", "last bass note the tonic (pieces)", withBach ? String.format(l, "%.0f%%", 100 * b.tonicBassShare()) : "",
                100 * k.tonicBassShare());
        out.printf(l, "   %-34s %10s %10d%n", "notes", withBach ? Long.toString(r.bachNotes()) : "", r.kantorNotes());
        out.flush();
    }

    private void likelihood(PrintWriter out, HarmonyModel model, List<PianoRoll> chorales) {
        var frame = LikelihoodEvaluation.frameWise(model, chorales, ensemble, transpose, seed, progress("1 frame-wise", chorales.size()));
        // The paper's figure is printed as soon as it is known: on all 77 chorales the note-wise half takes as long again.
        out.printf("1. Coconet's NLL protocol on %d JSB %s chorales, 16th-note steps, ensemble of %d orderings%s (nats)%n",
                chorales.size(), split, ensemble, transpose ? " and transpositions" : "");
        out.printf("   %-34s %8s %8s %10s %8s%n", "", "Kantor", "+-sem", "units", "Coconet");
        out.printf("   %-34s %8.3f %8.3f %10d %8.2f  (ratio %.2f%s)%n", "frame-wise NLL per frame", frame.meanNll(), frame.standardError(),
                frame.units(), PAPER_FRAME_WISE_16TH, frame.meanNll() / PAPER_FRAME_WISE_16TH,
                split.equals("test") ? "" : "; the paper's figure is on the test split");
        out.flush();
        var note = LikelihoodEvaluation.noteWise(model, chorales, ensemble, transpose, seed, progress("1 note-wise", chorales.size()));
        out.printf("   %-34s %8.3f %8.3f %10d %8s%n", "note-wise NLL per variable", note.meanNll(), note.standardError(), note.units(), "");
        out.flush();
    }

    private void conditional(PrintWriter out, HarmonyModel model, List<PianoRoll> chorales) {
        var below = LikelihoodEvaluation.belowSoprano(model, chorales, ensemble, transpose, seed, progress("2 ATB given S", chorales.size()));
        out.printf("2. NLL of alto, tenor and bass given the soprano, %d %s chorales, note-wise chain rule, ensemble of %d%s (nats)%n",
                chorales.size(), split, ensemble, transpose ? " with transpositions" : "");
        out.printf("   %-34s %8.3f %8.3f %10d%n", "NLL per note (sounding 16th cell)", below.meanNll(), below.standardError(), below.units());
        out.flush();
    }

    private void samples(PrintWriter out, HarmonyModel model, List<PianoRoll> chorales) {
        SampleQualityEvaluation.Result r = SampleQualityEvaluation.run(model, chorales, GibbsSampler.Settings.defaults(), seed);
        out.printf("3. Sampled harmonizations of %d JSB %s sopranos (default settings, seed %d), faults per note%n", r.chorales(), split, seed);
        out.printf("   %-28s %12s %12s %8s%n", "rule", "Bach", "Kantor", "ratio");
        row(out, "parallel fifths", r, r.bach().parallelFifths(), r.kantor().parallelFifths());
        row(out, "parallel octaves/unisons", r, r.bach().parallelOctaves(), r.kantor().parallelOctaves());
        row(out, "voice crossing", r, r.bach().crossings(), r.kantor().crossings());
        row(out, "out of range", r, r.bach().outOfRange(), r.kantor().outOfRange());
        out.printf("   %-28s %12d %12d%n", "notes counted", r.bach().notes(), r.kantor().notes());
        out.flush();
    }

    /** A progress line on standard error, so the figures on standard output stay clean. */
    private IntConsumer progress(String what, int total) {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        return done -> {
            double s = (System.nanoTime() - start) / 1e9;
            err.printf("\r%-16s %3d/%d chorales  %5.0f s elapsed, about %5.0f s left", what, done, total, s, s / done * (total - done));
            if (done == total) {
                err.println();
            }
            err.flush();
        };
    }

    private static void row(PrintWriter out, String rule, SampleQualityEvaluation.Result r, long bach, long kantor) {
        double b = r.bach().perNote(bach);
        double k = r.kantor().perNote(kantor);
        out.printf("   %-28s %12.5f %12.5f %8s%n", rule, b, k, b == 0 ? (k == 0 ? "-" : "inf") : String.format("%.2fx", k / b));
    }
}
