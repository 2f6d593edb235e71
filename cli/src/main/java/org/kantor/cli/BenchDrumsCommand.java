package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.kantor.models.drums.DrumModel;
import org.kantor.models.drums.DrumPattern;
import org.kantor.models.drums.DrumTask;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.tools.drums.DrumInputs;
import org.kantor.tools.drums.Drumify;
import org.kantor.tools.drums.Groove;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor bench drums}: model load time, and milliseconds per 8 bars of Drumify and Groove once loaded. */
@Command(name = "drums", header = "Time of Drumify and Groove on 8 bars, and of loading their models.", mixinStandardHelpOptions = true,
        description = {"Time the drum tools on 8 bars, models loaded: the network alone (plain Java) and the whole tool from a score",
            "in memory to a score in memory (the drum staff or the performance marks, and the MIDI; file writing not).",
            "Drumify follows the piano of a song from the lieder corpus; Groove plays a test performance of the Groove MIDI",
            "Dataset, quantized. Prints medians over the runs, each also as a multiple of copying the song's document (an",
            "XML write and read) timed in the same run, and the time to load each model."})
final class BenchDrumsCommand implements Callable<Integer> {

    static final String SONG = "Gounod,_Charles/_/Le_soir,_CG_441/lc29748062.mxl";
    static final String PERFORMANCE = "drummer1/eval_session/1_funk-groove1_138_beat_4-4.mid";
    private static final int BARS = 8;

    @Option(names = "--runs", defaultValue = "9", description = "Timed runs after two warm-ups (default ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (runs < 1 || runs > 50) {
            throw new Kantor.UserError("--runs must be 1 to 50");
        }
        ScoreDocument song = ScoreFiles.read(SharedData.require("openscore-lieder").resolve(SONG));
        ScoreDocument drums = DrumInputs.forGroove(SharedData.require("groove-midi").resolve(PERFORMANCE));
        double loadDrumify = BenchRuns.median(runs, () -> DrumModel.load(DrumTask.DRUMIFY));
        double loadGroove = BenchRuns.median(runs, () -> DrumModel.load(DrumTask.GROOVE));
        DrumModel drumifyModel = DrumModel.load(DrumTask.DRUMIFY);
        DrumModel grooveModel = DrumModel.load(DrumTask.GROOVE);
        Drumify drumify = new Drumify(drumifyModel);
        Groove groove = new Groove(grooveModel);

        Random random = new Random(1);
        DrumPattern tap = Drumify.tapOf(song, new Drumify.Request(1, BARS, 1, 0.7, 1));
        DrumPattern written = Groove.writtenPattern(drums, null).window(0, BARS * DrumPattern.STEPS_PER_BAR);
        ScoreDocument eightBars = DrumInputs.drumScore(written, 138, "funk groove", "funk.mid");
        double baseline = BenchRuns.median(runs, song::copy);
        double drumifyNet = BenchRuns.median(runs, () -> drumifyModel.drumify(tap, 70, drumifyModel.sampleCode(0.7, random)));
        double drumifyTool = BenchRuns.median(runs, () -> drumify.run(song, new Drumify.Request(1, BARS, 1, 0.7, 1)));
        double grooveNet = BenchRuns.median(runs, () -> grooveModel.groove(written, 138, grooveModel.sampleCode(0.7, random), 1));
        double grooveTool = BenchRuns.median(runs, () -> groove.run(eightBars, new Groove.Request(null, 1, 1, 0.7, 1)));

        out.printf(Locale.ROOT, "Drum tools on %d bars, median of %d runs (plain Java, no engine)%n", BARS, runs);
        out.printf(Locale.ROOT, "  Drumify: %s, following its piano; Groove: %s, quantized%n", Path.of(SONG).getFileName(), Path.of(PERFORMANCE).getFileName());
        out.printf(Locale.ROOT, "  %-44s %9s %10s %9s%n", "task", "median", "x baseline", "goal");
        row(out, "baseline: copy the song's document", baseline, baseline, "");
        row(out, "load the Drumify model", loadDrumify, baseline, "");
        row(out, "load the Groove model", loadGroove, baseline, "");
        row(out, "Drumify network, 8 bars", drumifyNet, baseline, "< 200 ms");
        row(out, "Drumify tool, 8 bars (score to score + MIDI)", drumifyTool, baseline, "< 200 ms");
        row(out, "Groove network, 8 bars", grooveNet, baseline, "< 200 ms");
        row(out, "Groove tool, 8 bars (score to score + MIDI)", grooveTool, baseline, "< 200 ms");
        out.flush();
        return Kantor.EXIT_OK;
    }

    private static void row(PrintWriter out, String task, double seconds, double baseline, String goal) {
        out.printf(Locale.ROOT, "  %-44s %6.1f ms %9.2fx %9s%n", task, seconds * 1000, seconds / baseline, goal);
    }
}
