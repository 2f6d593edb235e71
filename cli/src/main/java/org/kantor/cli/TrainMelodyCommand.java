package org.kantor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kantor.models.melody.MelodyCorpus;
import org.kantor.models.melody.MelodyNetConfig;
import org.kantor.models.melody.MelodyTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kantor train melody}: the melody language model (Continue) or the latent model (Generate, Interpolate). */
@Command(name = "melody", header = "Train a melody model on the melodies of the lieder, quartets and chorales.", mixinStandardHelpOptions = true,
        description = {"Train a melody model on the melodies of the lieder, quartets and chorales (train split), transposed",
            "at random. --model language: the LSTM language model behind continue; --model latent: the two-measure",
            "latent model behind generate and interpolate. Run it again with the same --out to resume."})
final class TrainMelodyCommand implements Callable<Integer> {

    enum Kind { language, latent }

    @Option(names = "--export", paramLabel = "DIR", description = "Do not train: write the best weights of the run in --out as the resource files the jar ships, into DIR.")
    Path export;

    @Option(names = "--model", description = "language or latent (needed to train).")
    Kind kind;

    @Option(names = "--out", required = true, description = "Folder for checkpoints and progress.")
    Path out;

    @Option(names = "--corpus-cache", description = "File that keeps the extracted melodies between runs (default: OUT/../melodies.bin).")
    Path cache;

    @Option(names = "--steps", description = "Total training steps (default 8000).")
    Integer steps;

    @Option(names = "--batch", description = "Sequences per step (default 32 for language, 64 for latent).")
    Integer batch;

    @Option(names = "--hidden", description = "LSTM width (default 256).")
    Integer hidden;

    @Option(names = "--learning-rate", description = "Peak learning rate of the cosine schedule (default 0.002).")
    Float learningRate;

    @Option(names = "--beta", description = "Latent model: weight of the KL term (default 0.2).")
    Float beta;

    @Option(names = "--free-nats", description = "Latent model: KL per example left unpenalized (default 16).")
    Float freeNats;

    @Option(names = "--validate-every", defaultValue = "500", description = "Steps between validation figures (default ${DEFAULT-VALUE}).")
    int validateEvery;

    @Option(names = "--checkpoint-every", defaultValue = "250", description = "Steps between checkpoints (default ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (export != null) {
            MelodyTraining.Progress p = MelodyTraining.export(out, export);
            System.out.printf("exported step %d (best valid %.4f) to %s%n", p.step(), p.bestValid(), export);
            return Kantor.EXIT_OK;
        }
        if (kind == null) {
            throw new Kantor.UserError("--model language or --model latent is needed to train");
        }
        MelodyTraining.Settings d = kind == Kind.latent ? MelodyTraining.Settings.latent() : MelodyTraining.Settings.language();
        MelodyNetConfig c = d.config();
        int h = hidden == null ? c.hidden() : hidden;
        MelodyNetConfig config = new MelodyNetConfig(h, c.layers(), c.latent(), c.isLatent() ? h : 0);
        MelodyTraining.Settings settings = new MelodyTraining.Settings(config, steps == null ? d.steps() : steps,
                batch == null ? d.batch() : batch, d.crop(), learningRate == null ? d.learningRate() : learningRate,
                checkpointEvery, validateEvery, seed, beta == null ? d.beta() : beta, freeNats == null ? d.freeNats() : freeNats);
        if (settings.steps() < 1 || settings.batch() < 1 || h < 1 || validateEvery < 1 || checkpointEvery < 1) {
            throw new Kantor.UserError("steps, batch, hidden and intervals must be positive");
        }
        SharedData.require("openscore-lieder");
        Path corpusCache = cache != null ? cache : out.toAbsolutePath().getParent().resolve("melodies.bin");
        MelodyCorpus corpus = MelodyCorpus.load(corpusCache, System.out);
        MelodyTraining.Progress p = new MelodyTraining(settings, corpus, out, System.out).run();
        System.out.printf("done: step %d, valid %.4f (best %.4f)%s, %.1f h of training; weights in %s%n", p.step(), p.lastValid(),
                p.bestValid(), p.lastValidAccuracy() == null ? "" : String.format(", valid accuracy %.3f", p.lastValidAccuracy()),
                p.seconds() / 3600, out.resolve(MelodyTraining.WEIGHTS));
        return Kantor.EXIT_OK;
    }
}
