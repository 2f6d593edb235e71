package org.kantor.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kantor.models.melody.MelodyCorpus;
import org.kantor.models.melody.MelodyEvaluation;
import org.kantor.models.melody.MelodyLanguageModel;
import org.kantor.models.melody.MelodyLatentModel;
import org.kantor.models.melody.MelodyStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor eval melody}: the melody models on the held-out pieces. */
@Command(name = "melody", header = "The melody models on the held-out pieces: likelihood, reconstruction and statistics of what they write.", mixinStandardHelpOptions = true,
        description = {"Evaluate the melody models on the held-out pieces (10%% of the lieder, quartets and chorales, split by file):",
            "NLL per 16th-note step of the language model beside Kneser-Ney n-grams trained on the same melodies; the",
            "latent model's reconstruction accuracy of two-measure windows; and distances between the statistics of",
            "melodies the models write and those of the held-out melodies."})
final class EvalMelodyCommand implements Callable<Integer> {

    @Option(names = "--windows", defaultValue = "2000", description = "Held-out two-measure windows to reconstruct (default ${DEFAULT-VALUE}).")
    int windows;

    @Option(names = "--samples", defaultValue = "200", description = "Melodies each model writes for the statistics (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--measures", defaultValue = "8", description = "Measures per written melody (default ${DEFAULT-VALUE}).")
    int measures;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Sampling temperature of the written melodies (default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (windows < 1 || samples < 1 || measures < 2 || measures % 2 != 0 || temperature <= 0) {
            throw new Kantor.UserError("--windows and --samples must be positive, --measures even, --temperature above 0");
        }
        SharedData.require("openscore-lieder");
        MelodyCorpus corpus = MelodyCorpus.load(null, System.err);
        MelodyLanguageModel language = MelodyLanguageModel.load();
        MelodyLatentModel latent = MelodyLatentModel.load();
        out.printf(Locale.ROOT, "Held-out split: %d melodies, %d steps of 16ths (training split: %d melodies)%n%n", corpus.test().size(),
                MelodyCorpus.steps(corpus.test()), corpus.train().size());
        out.println("Language model, NLL per 16th-note step (nats; lower is better)");
        out.printf(Locale.ROOT, "  %-26s %10s %12s%n", "model", "NLL", "perplexity");
        for (MelodyEvaluation.Likelihood l : MelodyEvaluation.likelihoods(corpus, language, new int[] {3, 5})) {
            out.printf(Locale.ROOT, "  %-26s %10.4f %12.3f%n", l.model(), l.nllPerStep(), l.perplexity());
        }
        out.flush();
        MelodyEvaluation.Reconstruction r = MelodyEvaluation.reconstruction(corpus, latent, windows, seed);
        out.printf(Locale.ROOT, "%nLatent model, reconstruction of %d held-out two-measure windows (per 16th-note step)%n", r.windows());
        out.printf(Locale.ROOT, "  teacher-forced accuracy   %.4f%n", r.teacherForced());
        out.printf(Locale.ROOT, "  free-running (greedy)     %.4f%n", r.greedy());
        out.printf(Locale.ROOT, "  windows exact             %.4f%n", r.notesExact());
        out.println("  MusicVAE (Roberts et al. 2018, Table 1) measures the same two things (teacher-forced and sampled per-step");
        out.println("  accuracy) for its 2-bar melody model (2048-unit LSTMs, about 1.5 million MIDI files); its figures could not be");
        out.println("  retrieved in this offline build, so none are printed rather than quoted from memory.");
        out.flush();
        out.printf(Locale.ROOT, "%nWritten melodies (%d per model, %d measures, temperature %.2f, meter and key of random held-out melodies)%n",
                samples, measures, temperature);
        out.println("  distances to the held-out melodies: total variation (0 = same histogram, 1 = disjoint)");
        out.printf(Locale.ROOT, "  %-18s %8s %8s %8s %8s %8s %8s%n", "source", "degrees", "interv.", "values", "in key", "motifs", "notes");
        for (MelodyEvaluation.Generated g : MelodyEvaluation.generated(corpus, language, latent, samples, measures, temperature, seed)) {
            MelodyStatistics s = g.statistics();
            out.printf(Locale.ROOT, "  %-18s %8.3f %8.3f %8.3f %8.3f %8.3f %8d%n", g.source(), g.degrees(), g.intervals(), g.values(),
                    s.inKey(), s.motifRepetition(), s.notes());
        }
        out.println("  in key: share of notes in the key signature's scale; motifs: share of four-note motifs (intervals and rhythm)");
        out.println("  that a melody has already played");
        out.flush();
        endings(out, language, latent);
        return Kantor.EXIT_OK;
    }

    /** How the tools' melodies end: songs continued and melodies generated, with the cadence (the default) and without. */
    private void endings(PrintWriter out, MelodyLanguageModel language, MelodyLatentModel latent) throws java.io.IOException {
        java.nio.file.Path folder = SharedData.require("openscore-lieder");
        java.util.List<java.nio.file.Path> songs;
        try (var walk = java.nio.file.Files.walk(folder)) {
            var all = walk.filter(p -> p.toString().endsWith(".mxl")).sorted().toList();
            songs = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 50 == 7).mapToObj(all::get).toList();
        }
        out.printf(Locale.ROOT, "%nEndings of the tools' melodies: %d songs continued by 4 measures (2 variations each), %d melodies of 8"
                + " measures generated (keys C, E-flat, D, A minor, G minor; 4/4, 3/4, 6/8)%n", ENDING_PIECES, ENDING_PIECES);
        out.printf(Locale.ROOT, "  %-28s %9s %9s %9s %9s %9s%n", "", "melodies", "cadence", "by step", "empty m.", "final bar");
        for (boolean cadence : new boolean[] {true, false}) {
            var r = org.kantor.harmonizer.melody.MelodyEndingsEvaluation.run(language, latent, songs, ENDING_PIECES, cadence, seed);
            row(out, "continue" + (cadence ? "" : " --no-cadence"), r.continuations());
            row(out, "generate" + (cadence ? "" : " --no-cadence"), r.generations());
        }
        out.println("  cadence: the last measure is one note of the tonic chord (tonic or third) from its downbeat to the final barline;");
        out.println("  by step: and the note before it is a step away; empty m.: new measures without a note; final bar: a thin-thick barline");
        out.flush();
    }

    private static final int ENDING_PIECES = 20;

    private static void row(PrintWriter out, String name, org.kantor.harmonizer.melody.MelodyEndings e) {
        out.printf(Locale.ROOT, "  %-28s %9d %9d %9d %9d %9d%n", name, e.melodies(), e.cadences(), e.reachedByStep(), e.emptyMeasures(),
                e.finalBarlines());
    }
}
