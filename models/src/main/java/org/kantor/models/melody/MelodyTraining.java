package org.kantor.models.melody;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.kantor.models.Checkpoints;
import org.kantor.models.DjlEngine;
import org.kantor.models.TrainingLog;
import org.kantor.models.TrainingSteps;
import org.kantor.musicxml.AtomicFiles;

/**
 * Trains the melody language model (next-token cross entropy on crops) or the latent model
 * (two-measure reconstruction plus a KL term with free bits, as MusicVAE does). Resumable like the
 * harmonizer's training: a new run in the same folder continues from the last checkpoint.
 */
public final class MelodyTraining {

    /** Everything a run is asked to do. {@code beta} and {@code freeNats} apply to the latent model only. */
    public record Settings(MelodyNetConfig config, int steps, int batch, int crop, float learningRate, int checkpointEvery,
                           int validateEvery, long seed, float beta, float freeNats) {
        public static Settings language() {
            return new Settings(MelodyNetConfig.LANGUAGE, 8000, 32, 128, 2e-3f, 250, 500, 1, 0f, 0f);
        }

        public static Settings latent() {
            return new Settings(MelodyNetConfig.LATENT, 8000, 64, 0, 2e-3f, 250, 500, 1, 0.2f, 16f);
        }
    }

    /** The run so far, written beside the weights. */
    public record Progress(int step, double lastLoss, Double lastValid, Double bestValid, Double lastValidAccuracy,
                           double seconds, int hidden, int layers, int latent, int encoderHidden, int batch, int crop,
                           float learningRate, float beta, float freeNats, long seed, int trainMelodies, long trainSteps) {
        public MelodyNetConfig config() {
            return new MelodyNetConfig(hidden, layers, latent, encoderHidden);
        }
    }

    public static final String WEIGHTS = "melody.params";
    public static final String BEST_WEIGHTS = "best-" + WEIGHTS;
    public static final String PROGRESS = Checkpoints.PROGRESS;
    static final int WARM_UP_STEPS = 200;
    /** The latent model reads and writes this many measures at a time, as MusicVAE's 2-bar models do. */
    public static final int LATENT_MEASURES = 2;
    private static final int VALID_CHUNK = 256;

    private final Settings settings;
    private final MelodyCorpus corpus;
    private final Path folder;
    private final PrintStream log;

    public MelodyTraining(Settings settings, MelodyCorpus corpus, Path folder, PrintStream log) {
        this.settings = settings;
        this.corpus = corpus;
        this.folder = folder;
        this.log = log;
    }

    static Block build(MelodyNetConfig config) {
        return config.isLatent() ? MelodyNets.latentModel(config) : MelodyNets.languageModel(config);
    }

    public Progress run() throws IOException {
        DjlEngine.get();
        Files.createDirectories(folder);
        Progress previous = readProgress(folder);
        int startStep = previous == null ? 0 : previous.step();
        double secondsBefore = previous == null ? 0 : previous.seconds();
        Double best = previous == null ? null : previous.bestValid();
        MelodyNetConfig config = settings.config();
        Block block = build(config);
        try (Model model = Model.newInstance("melody")) {
            model.setBlock(block);
            Tracker schedule = TrainingSteps.cosineSchedule(startStep, settings.steps(), WARM_UP_STEPS, settings.learningRate());
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).optClipGrad(1f).build());
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(inputShapes(config, settings.batch(), 32));
                if (previous != null) {
                    Checkpoints.copyInto(block, build(config), model.getNDManager(), folder.resolve(WEIGHTS));
                    log.printf("resuming from step %d%n", startStep);
                }
                log.printf("training the %s, %d parameters, %d training melodies (%d steps of 16ths)%n", config.describe(),
                        Checkpoints.parameterCount(block), corpus.train().size(), MelodyCorpus.steps(corpus.train()));
                Random random = new Random(settings.seed() * 1_000_003L + startStep);
                MelodyBatch.Crops crops = new MelodyBatch.Crops(corpus.train());
                MelodyBatch.Windows windows = config.isLatent() ? new MelodyBatch.Windows(corpus.train(), LATENT_MEASURES) : null;
                if (windows != null) {
                    log.printf("%d two-measure windows%n", windows.size());
                }
                TrainingLog progress = new TrainingLog(log, startStep);
                long runStarted = System.nanoTime();
                double lossAverage = Double.NaN;
                Double lastValid = previous == null ? null : previous.lastValid();
                Double lastAccuracy = previous == null ? null : previous.lastValidAccuracy();
                for (int step = startStep + 1; step <= settings.steps(); step++) {
                    MelodyBatch b = config.isLatent() ? windows.next(settings.batch(), random, 0.5f)
                            : crops.next(settings.batch(), settings.crop(), random);
                    double loss = TrainingSteps.step(trainer, model.getNDManager(),
                            sub -> config.isLatent() ? latentLoss(trainer, b, sub, random) : languageLoss(trainer, b, sub), step, log);
                    lossAverage = TrainingSteps.average(lossAverage, loss);
                    Double valid = null;
                    if (step % settings.validateEvery() == 0 || step == settings.steps()) {
                        double[] v = config.isLatent() ? validateLatent(block, model.getNDManager(), config)
                                : new double[] {validateLanguage(block, model.getNDManager()), Double.NaN};
                        valid = v[0];
                        lastValid = valid;
                        lastAccuracy = Double.isNaN(v[1]) ? null : v[1];
                    }
                    if (step % 10 == 0 || valid != null) {
                        progress.progress(step, settings.steps(), lossAverage, valid);
                    }
                    if (step % settings.checkpointEvery() == 0 || step == settings.steps()) {
                        double seconds = secondsBefore + (System.nanoTime() - runStarted) / 1e9;
                        if (valid != null && (best == null || valid < best)) {
                            best = valid;
                            Checkpoints.save(block, folder.resolve(BEST_WEIGHTS));
                        }
                        Checkpoints.save(block, folder.resolve(WEIGHTS));
                        writeProgress(folder, new Progress(step, lossAverage, lastValid, best, lastAccuracy, seconds, config.hidden(),
                                config.layers(), config.latent(), config.encoderHidden(), settings.batch(), settings.crop(),
                                settings.learningRate(), settings.beta(), settings.freeNats(), settings.seed(),
                                corpus.train().size(), MelodyCorpus.steps(corpus.train())));
                    }
                }
            }
        }
        return readProgress(folder);
    }

    static Shape[] inputShapes(MelodyNetConfig config, int batch, int steps) {
        Shape in = new Shape(batch, steps, MelodyInput.SIZE);
        return config.isLatent() ? new Shape[] {in, in, new Shape(batch, config.latent())} : new Shape[] {in};
    }

    /** Mean negative log-likelihood per step (nats) of the masked targets. */
    static NDArray maskedNll(NDArray logits, NDArray targets, NDArray mask) {
        NDArray nll = logits.logSoftmax(2).mul(targets).sum(new int[] {2}).neg();
        return nll.mul(mask).sum().div(mask.sum().maximum(1f));
    }

    private static NDArray languageLoss(Trainer trainer, MelodyBatch b, NDManager m) {
        NDArray logits = trainer.forward(new NDList(b.decoderArray(m))).singletonOrThrow();
        return maskedNll(logits, b.targetArray(m), b.maskArray(m));
    }

    /** Reconstruction NLL summed over the window, plus beta times the KL beyond the free nats. */
    private NDArray latentLoss(Trainer trainer, MelodyBatch b, NDManager m, Random random) {
        float[] noise = new float[b.batch * settings.config().latent()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        NDList out = trainer.forward(new NDList(b.encoderArray(m), b.decoderArray(m),
                m.create(noise, new Shape(b.batch, settings.config().latent()))));
        NDArray reconstruction = maskedNll(out.get(0), b.targetArray(m), b.maskArray(m)).mul(b.steps);
        NDArray kl = klDivergence(out.get(1), out.get(2)).mean();
        return reconstruction.add(kl.sub(settings.freeNats()).maximum(0f).mul(settings.beta()));
    }

    /** KL(q(z|x) || N(0, I)) per example, in nats. */
    static NDArray klDivergence(NDArray mean, NDArray logVar) {
        return logVar.exp().add(mean.square()).sub(1f).sub(logVar).sum(new int[] {1}).mul(0.5f);
    }

    /** Validation NLL per step, teacher forced, melodies cut into chunks that carry the token before them. */
    private double validateLanguage(Block block, NDManager manager) {
        double total = 0;
        double count = 0;
        ParameterStore ps = new ParameterStore(manager, false);
        for (Melody melody : corpus.valid()) {
            for (int start = 0; start < melody.steps(); start += VALID_CHUNK) {
                int length = Math.min(VALID_CHUNK, melody.steps() - start);
                MelodyBatch b = MelodyBatch.single(melody, start, length, melody.previous(start));
                try (NDManager sub = manager.newSubManager()) {
                    NDArray logits = block.forward(ps, new NDList(b.decoderArray(sub)), false).singletonOrThrow();
                    total += maskedNll(logits, b.targetArray(sub), b.maskArray(sub)).getFloat() * length;
                    count += length;
                }
            }
        }
        return total / Math.max(count, 1);
    }

    /** Validation loss (reconstruction NLL per window + KL) and teacher-forced token accuracy at the latent mean. */
    private double[] validateLatent(Block block, NDManager manager, MelodyNetConfig config) {
        MelodyNets.LatentNet net = (MelodyNets.LatentNet) block;
        MelodyBatch.Windows windows = new MelodyBatch.Windows(corpus.valid(), LATENT_MEASURES);
        ParameterStore ps = new ParameterStore(manager, false);
        double loss = 0;
        double correct = 0;
        double steps = 0;
        int n = 0;
        for (var group : windows.byLength().entrySet()) {
            int length = group.getKey();
            List<int[]> all = group.getValue();
            for (int from = 0; from < all.size(); from += 64) {
                List<int[]> rows = all.subList(from, Math.min(all.size(), from + 64));
                MelodyBatch b = MelodyBatch.windows(windows, rows, length);
                try (NDManager sub = manager.newSubManager()) {
                    NDList meanLogVar = net.encode(ps, b.encoderArray(sub), false);
                    NDArray logits = net.decode(ps, b.decoderArray(sub), meanLogVar.get(0), false);
                    NDArray targets = b.targetArray(sub);
                    loss += maskedNll(logits, targets, b.maskArray(sub)).getFloat() * length * rows.size()
                            + klDivergence(meanLogVar.get(0), meanLogVar.get(1)).sum().getFloat();
                    correct += logits.argMax(2).eq(targets.argMax(2)).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).sum().getFloat();
                    steps += (double) length * rows.size();
                    n += rows.size();
                }
            }
        }
        return new double[] {loss / Math.max(n, 1), correct / Math.max(steps, 1)};
    }

    /**
     * Writes a run's best weights as the half-precision resource the jar ships ({@code language.weights} or
     * {@code latent.weights}) and its progress beside them ({@code .json}); returns the progress.
     */
    public static Progress export(Path runFolder, Path resourceFolder) throws IOException {
        DjlEngine.get();
        Progress p = readProgress(runFolder);
        if (p == null) {
            throw new IOException("no training run in " + runFolder + " (no " + PROGRESS + " and " + WEIGHTS + ")");
        }
        String name = p.config().isLatent() ? "latent" : "language";
        Files.createDirectories(resourceFolder);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = loadBest(runFolder, manager);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            org.kantor.models.CompactWeights.write(block, bytes);
            AtomicFiles.write(resourceFolder.resolve(name + ".weights"), bytes.toByteArray());
        }
        Checkpoints.writeJson(resourceFolder.resolve(name + ".json"), p);
        return p;
    }

    /** A block of the run's architecture with its best weights (the last when it never validated). */
    static Block loadBest(Path runFolder, NDManager manager) throws IOException {
        Progress p = readProgress(runFolder);
        if (p == null) {
            throw new IOException("no training run in " + runFolder + " (no " + PROGRESS + " and " + WEIGHTS + ")");
        }
        Path best = runFolder.resolve(BEST_WEIGHTS);
        Path file = Files.exists(best) ? best : runFolder.resolve(WEIGHTS);
        Block block = build(p.config());
        block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, inputShapes(p.config(), 1, 8));
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            block.loadParameters(manager, in);
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException(file + ": not weights of this network (" + e.getMessage() + ")", e);
        }
        return block;
    }

    public static Progress readProgress(Path folder) throws IOException {
        return Checkpoints.readProgress(folder, WEIGHTS, Progress.class);
    }

    private static void writeProgress(Path folder, Progress progress) throws IOException {
        Checkpoints.writeJson(folder.resolve(PROGRESS), progress);
    }
}
