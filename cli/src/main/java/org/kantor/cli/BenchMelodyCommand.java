package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kantor.core.KeySignature;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.harmonizer.melody.MelodyContinuation;
import org.kantor.harmonizer.melody.MelodyGeneration;
import org.kantor.harmonizer.melody.MelodyInterpolation;
import org.kantor.models.melody.MelodyCorpus;
import org.kantor.models.melody.MelodyLanguageModel;
import org.kantor.models.melody.MelodyLatentModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor bench melody}: wall time of continue, generate and interpolate once the models are loaded. */
@Command(name = "melody", header = "Time of continue, generate and interpolate on held-out songs, models loaded.", mixinStandardHelpOptions = true,
        description = {"Time the melody tools on held-out songs, models loaded: continue 8 measures x 4 variations, generate",
            "8 measures x 4 variations, interpolate 5 steps, each from a score in memory to scores in memory (notation",
            "included, file writing not). Prints medians over the runs, and each as a multiple of copying the song's",
            "document (an XML write and read) timed in the same run."})
final class BenchMelodyCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "7", description = "Timed runs after two warm-ups (default ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (runs < 1 || runs > 50) {
            throw new Kantor.UserError("--runs must be 1 to 50");
        }
        List<Path> songs = heldOutSongs(2);
        ScoreDocument a = ScoreFiles.read(songs.get(0));
        ScoreDocument b = ScoreFiles.read(songs.get(1));
        long t0 = System.nanoTime();
        MelodyLanguageModel language = MelodyLanguageModel.load();
        MelodyLatentModel latent = MelodyLatentModel.load();
        double load = (System.nanoTime() - t0) / 1e9;
        MelodyContinuation continuation = new MelodyContinuation(language, null);
        MelodyGeneration generation = new MelodyGeneration(latent);
        MelodyInterpolation interpolation = new MelodyInterpolation(latent);
        double baseline = median(a::copy);
        double cont = median(() -> continuation.continueScore(a, new MelodyContinuation.Request(8, 4, 1.0, 1, null)));
        double gen = median(() -> generation.generate(new MelodyGeneration.Request(8, 4, KeySignature.C_MAJOR, TimeSignature.of(4, 4), 0.5, 1)));
        double interp = median(() -> interpolation.interpolate(a, b, 5));
        Score song = a.score();
        out.printf(Locale.ROOT, "Melody tools, median of %d runs (models loaded once in %.2f s, plain Java, no engine)%n", runs, load);
        out.printf(Locale.ROOT, "  song: %s (%d measures); B for interpolate: %s%n", songs.get(0).getFileName(), song.measureCount(), songs.get(1).getFileName());
        out.printf(Locale.ROOT, "  %-38s %9s %10s %8s%n", "task", "median", "x baseline", "goal");
        row(out, "baseline: copy the song's document", baseline, baseline, "");
        row(out, "continue 8 measures x 4 variations", cont, baseline, "< 1 s");
        row(out, "generate 8 measures x 4 variations", gen, baseline, "< 1 s");
        row(out, "interpolate 5 steps", interp, baseline, "< 1 s");
        out.flush();
        return Kantor.EXIT_OK;
    }

    private static void row(PrintWriter out, String task, double seconds, double baseline, String goal) {
        out.printf(Locale.ROOT, "  %-38s %7.3f s %9.2fx %8s%n", task, seconds, seconds / baseline, goal);
    }

    private double median(BenchRuns.Work work) throws Exception {
        return BenchRuns.median(runs, work);
    }

    /** Held-out songs (the test split) whose vocal line the models can read. */
    static List<Path> heldOutSongs(int count) throws Exception {
        Path dir = SharedData.require("openscore-lieder");
        List<Path> songs = MelodyCorpus.heldOut(dir, count);
        if (songs.size() < count) {
            throw new Kantor.UserError("not enough held-out songs in " + dir, Kantor.EXIT_BAD_INPUT);
        }
        return songs;
    }
}
