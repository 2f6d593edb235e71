package org.kantor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kantor.models.drums.DrumNetConfig;
import org.kantor.models.drums.DrumTask;
import org.kantor.models.drums.DrumTraining;
import org.kantor.models.drums.GrooveCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kantor train drums}: the Groove or the Drumify model, on the Groove MIDI Dataset's training split. */
@Command(name = "drums", header = "Train the Groove or the Drumify model on the Groove MIDI Dataset.", mixinStandardHelpOptions = true,
        description = {"Train a drum model on the Groove MIDI Dataset (train split; chosen on validation).",
            "--task groove: a velocity and a timing offset for every hit of a drum part;",
            "--task drumify: a whole drum pattern from a rhythm. Run it again with the same --out to resume."})
final class TrainDrumsCommand implements Callable<Integer> {

    @Option(names = "--task", description = "groove or drumify (needed to train).")
    DrumTask task;

    @Option(names = "--out", required = true, description = "Folder for checkpoints and progress.")
    Path out;

    @Option(names = "--export", paramLabel = "DIR", description = "Do not train: write the best weights of the run in --out as the resource files the jar ships, into DIR.")
    Path export;

    @Option(names = "--steps", description = "Total training steps (default 12000).")
    Integer steps;

    @Option(names = "--batch", description = "Windows per step (default 64).")
    Integer batch;

    @Option(names = "--hidden", description = "LSTM width (default 128).")
    Integer hidden;

    @Option(names = "--latent", description = "Size of the latent code (default 32).")
    Integer latent;

    @Option(names = "--learning-rate", description = "Peak learning rate of the cosine schedule (default 0.001).")
    Float learningRate;

    @Option(names = "--beta", description = "Weight of the KL term (default 1).")
    Float beta;

    @Option(names = "--free-nats", description = "KL per window left unpenalized (default 4).")
    Float freeNats;

    @Option(names = "--prior-weight", description = "Weight of the loss of decoding from codes of the prior (default 1; 0: a plain CVAE).")
    Float priorWeight;

    @Option(names = "--absolute-error", description = "Learn velocities and offsets with an absolute error (their median) rather than a squared one (their mean).")
    boolean absoluteError;

    @Option(names = "--validate-every", defaultValue = "500", description = "Steps between validation figures (default ${DEFAULT-VALUE}).")
    int validateEvery;

    @Option(names = "--checkpoint-every", defaultValue = "250", description = "Steps between checkpoints (default ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (export != null) {
            DrumTraining.Progress p = DrumTraining.export(out, export);
            System.out.printf("exported the %s model of step %d (best valid %.4f at step %d) to %s%n", p.task().toLowerCase(),
                    p.step(), p.bestValid(), p.bestStep(), export);
            return Kantor.EXIT_OK;
        }
        if (task == null) {
            throw new Kantor.UserError("--task groove or --task drumify is needed to train");
        }
        DrumTraining.Settings d = DrumTraining.Settings.defaults(task);
        DrumNetConfig c = d.config();
        DrumNetConfig config = new DrumNetConfig(task, hidden == null ? c.hidden() : hidden, latent == null ? c.latent() : latent, c.bars());
        DrumTraining.Settings settings = new DrumTraining.Settings(config, steps == null ? d.steps() : steps,
                batch == null ? d.batch() : batch, learningRate == null ? d.learningRate() : learningRate, checkpointEvery,
                validateEvery, seed, beta == null ? d.beta() : beta, freeNats == null ? d.freeNats() : freeNats, d.performanceWeight(),
                priorWeight == null ? d.priorWeight() : priorWeight, absoluteError);
        if (settings.steps() < 1 || settings.batch() < 1 || config.hidden() < 1 || config.latent() < 1 || validateEvery < 1
                || checkpointEvery < 1 || settings.priorWeight() < 0) {
            throw new Kantor.UserError("steps, batch, hidden, latent and intervals must be positive");
        }
        DrumTraining.Progress previous = DrumTraining.readProgress(out);
        if (previous != null && !previous.config().equals(config)) {
            // said before the corpus is read, not half a minute later
            throw new Kantor.UserError("the run in " + out + " trains a " + previous.config().describe()
                    + "; resume it with the same settings or choose another --out");
        }
        GrooveCorpus corpus = GrooveCorpus.load(SharedData.require("groove-midi"));
        DrumTraining.Progress p;
        try {
            p = new DrumTraining(settings, corpus, out, System.out).run();
        } catch (IllegalArgumentException e) {
            throw new Kantor.UserError(e.getMessage());
        }
        System.out.printf("done: step %d, valid %.4f (best %.4f at step %d), %.1f h of training; weights in %s%n", p.step(),
                p.lastValid(), p.bestValid(), p.bestStep(), p.seconds() / 3600, out.resolve(DrumTraining.WEIGHTS));
        return Kantor.EXIT_OK;
    }
}
