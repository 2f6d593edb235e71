package org.kantor.models.drums;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.kantor.models.Checkpoints;
import org.kantor.models.CompactWeights;
import org.kantor.models.DjlEngine;
import org.kantor.models.TrainingLog;
import org.kantor.models.TrainingSteps;
import org.kantor.musicxml.AtomicFiles;

/**
 * Trains a drum network on the Groove MIDI Dataset's training windows: the performance's velocities
 * and offsets as a Gaussian error (a squared error weighted by {@code performanceWeight}) on the hits
 * that are there, the hits themselves (Drumify only) as a cross entropy, and the latent code's KL
 * divergence beyond the free nats. Validation scores the code at the prior's mean, which is what a
 * user gets at temperature 0. Resumable: a new run in the same folder continues from its checkpoint.
 */
public final class DrumTraining {

    /** Everything a run is asked to do. */
    public record Settings(DrumNetConfig config, int steps, int batch, float learningRate, int checkpointEvery, int validateEvery,
                           long seed, float beta, float freeNats, float performanceWeight, float priorWeight, boolean absoluteError) {
        public static Settings defaults(DrumTask task) {
            return new Settings(DrumNetConfig.defaults(task), 12000, 64, 1e-3f, 250, 500, 1, 1f, 4f, 50f, 1f, false);
        }
    }

    /** The run so far, written beside the weights. */
    public record Progress(String task, int step, double lastLoss, Double lastValid, Double bestValid, Integer bestStep,
                           double seconds, int hidden, int latent, int bars, int batch, float learningRate, float beta,
                           float freeNats, float performanceWeight, float priorWeight, long seed, int trainWindows, int validWindows,
                           Boolean absoluteError) {
        public DrumNetConfig config() {
            return new DrumNetConfig(DrumTask.valueOf(task), hidden, latent, bars);
        }
    }

    public static final String WEIGHTS = "drums.params";
    public static final String BEST_WEIGHTS = "best-" + WEIGHTS;
    static final int WARM_UP_STEPS = 200;
    private static final int VALID_BATCH = 256;

    private final Settings settings;
    private final List<GrooveCorpus.Window> train;
    private final List<GrooveCorpus.Window> valid;
    private final Path folder;
    private final PrintStream log;

    public DrumTraining(Settings settings, GrooveCorpus corpus, Path folder, PrintStream log) {
        this.settings = settings;
        int bars = settings.config().bars();
        train = GrooveCorpus.windows(corpus.pieces(GrooveCorpus.Split.TRAIN), bars);
        valid = GrooveCorpus.windows(corpus.pieces(GrooveCorpus.Split.VALIDATION), bars);
        this.folder = folder;
        this.log = log;
    }

    public Progress run() throws IOException {
        DjlEngine.get();
        Files.createDirectories(folder);
        Progress previous = readProgress(folder);
        if (previous != null && (!previous.config().equals(settings.config())
                || Boolean.TRUE.equals(previous.absoluteError()) != settings.absoluteError())) {
            throw new IllegalArgumentException("the run in " + folder + " trains a " + previous.config().describe()
                    + "; resume it with the same settings or choose another --out");
        }
        int startStep = previous == null ? 0 : previous.step();
        double secondsBefore = previous == null ? 0 : previous.seconds();
        Double best = previous == null ? null : previous.bestValid();
        Integer bestStep = previous == null ? null : previous.bestStep();
        Double lastValid = previous == null ? null : previous.lastValid();
        DrumNetConfig config = settings.config();
        Block block = DrumNets.build(config);
        try (Model model = Model.newInstance("drums")) {
            model.setBlock(block);
            Tracker schedule = TrainingSteps.cosineSchedule(startStep, settings.steps(), WARM_UP_STEPS, settings.learningRate());
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).optClipGrad(1f).build());
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(inputShapes(config, settings.batch()));
                if (previous != null) {
                    Checkpoints.copyInto(block, DrumNets.build(config), model.getNDManager(), folder.resolve(WEIGHTS));
                    log.printf("resuming from step %d%n", startStep);
                }
                log.printf("training the %s, %d parameters, %d training and %d validation windows%n", config.describe(),
                        Checkpoints.parameterCount(block), train.size(), valid.size());
                Random random = new Random(settings.seed() * 1_000_003L + startStep);
                TrainingLog progress = new TrainingLog(log, startStep);
                long runStarted = System.nanoTime();
                double lossAverage = Double.NaN;
                for (int step = startStep + 1; step <= settings.steps(); step++) {
                    List<GrooveCorpus.Window> rows = new ArrayList<>(settings.batch());
                    for (int i = 0; i < settings.batch(); i++) {
                        rows.add(train.get(random.nextInt(train.size())));
                    }
                    DrumBatch b = new DrumBatch(rows, config.task());
                    double loss = TrainingSteps.step(trainer, model.getNDManager(), sub -> trainingLoss(trainer, b, sub, random), step, log);
                    lossAverage = TrainingSteps.average(lossAverage, loss);
                    Double v = null;
                    if (step % settings.validateEvery() == 0 || step == settings.steps()) {
                        v = validate(block, model.getNDManager());
                        lastValid = v;
                    }
                    if (step % 10 == 0 || v != null) {
                        progress.progress(step, settings.steps(), lossAverage, v);
                    }
                    if (step % settings.checkpointEvery() == 0 || step == settings.steps()) {
                        double seconds = secondsBefore + (System.nanoTime() - runStarted) / 1e9;
                        if (v != null && (best == null || v < best)) {
                            best = v;
                            bestStep = step;
                            Checkpoints.save(block, folder.resolve(BEST_WEIGHTS));
                        }
                        Checkpoints.save(block, folder.resolve(WEIGHTS));
                        Checkpoints.writeJson(folder.resolve(Checkpoints.PROGRESS), new Progress(config.task().name(), step,
                                lossAverage, lastValid, best, bestStep, seconds, config.hidden(), config.latent(), config.bars(),
                                settings.batch(), settings.learningRate(), settings.beta(), settings.freeNats(),
                                settings.performanceWeight(), settings.priorWeight(), settings.seed(), train.size(), valid.size(),
                                settings.absoluteError()));
                    }
                }
            }
        }
        return readProgress(folder);
    }

    static Shape[] inputShapes(DrumNetConfig config, int batch) {
        return new Shape[] {new Shape(batch, config.steps(), DrumPattern.PERFORMANCE_FEATURES),
            new Shape(batch, config.steps(), config.task().conditionSize()), new Shape(batch, config.latent())};
    }

    private NDArray trainingLoss(Trainer trainer, DrumBatch b, NDManager m, Random random) {
        int z = settings.config().latent();
        float[] noise = new float[b.batch * z];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        NDArray performance = b.performanceArray(m);
        NDList out = trainer.forward(new NDList(performance, b.conditionArray(m), m.create(noise, new Shape(b.batch, z))));
        NDArray kl = klDivergence(out.get(1), out.get(2)).mean();
        DrumTask task = settings.config().task();
        NDArray loss = reconstruction(out.get(0), performance, task, settings.performanceWeight(), settings.absoluteError())
                .add(kl.sub(settings.freeNats()).maximum(0f).mul(settings.beta()));
        if (settings.priorWeight() > 0) {
            // the hybrid objective of Sohn et al. (2015): the decoder also learns to answer from codes of the
            // prior, which is where a user's codes come from; without it, decoding from the prior drifts away
            float[] prior = new float[b.batch * z];
            for (int i = 0; i < prior.length; i++) {
                prior[i] = (float) random.nextGaussian();
            }
            DrumNets.DrumVae net = (DrumNets.DrumVae) trainer.getModel().getBlock();
            NDArray fromPrior = net.decode(new ParameterStore(m, false), b.conditionArray(m), m.create(prior, new Shape(b.batch, z)), true);
            loss = loss.add(reconstruction(fromPrior, performance, task, settings.performanceWeight(), settings.absoluteError())
                    .mul(settings.priorWeight()));
        }
        return loss;
    }

    /**
     * Reconstruction loss per window: weighted errors of velocity and offset on the real hits (squared, or
     * absolute: an absolute error is least at the median, which is what a mean absolute error in milliseconds
     * rewards), plus the hits' cross entropy for Drumify.
     */
    static NDArray reconstruction(NDArray raw, NDArray performance, DrumTask task, float performanceWeight, boolean absoluteError) {
        int d = DrumPattern.DRUMS;
        long batch = raw.getShape().get(0);
        NDArray hits = performance.get(new NDIndex("..., :{}", d));
        NDArray velocity = performance.get(new NDIndex("..., {}:{}", d, 2 * d));
        NDArray offset = performance.get(new NDIndex("..., {}:", 2 * d));
        NDArray velocityError = ai.djl.nn.Activation.sigmoid(raw.get(new NDIndex("..., {}:{}", d, 2 * d))).sub(velocity);
        NDArray offsetError = raw.get(new NDIndex("..., {}:", 2 * d)).tanh().mul(0.5f).sub(offset);
        velocityError = absoluteError ? smoothAbsolute(velocityError) : velocityError.square();
        offsetError = absoluteError ? smoothAbsolute(offsetError) : offsetError.square();
        NDArray loss = velocityError.add(offsetError).mul(hits).sum().mul(performanceWeight);
        if (task == DrumTask.DRUMIFY) {
            NDArray logits = raw.get(new NDIndex("..., :{}", d));
            // log(1 + e^x) - x y, written so that it never overflows
            NDArray crossEntropy = logits.maximum(0f).sub(logits.mul(hits)).add(logits.abs().neg().exp().add(1f).log());
            loss = loss.add(crossEntropy.sum());
        }
        return loss.div(batch);
    }

    /**
     * |x|, rounded off within about 0.01 of zero: the bare absolute value's gradient turned the weights
     * to NaN within 20 steps through DJL's PyTorch engine, this one trains.
     */
    private static NDArray smoothAbsolute(NDArray x) {
        float e = 0.01f;
        return x.square().add(e * e).sqrt().sub(e);
    }

    /** KL(q(z|x) || N(0, I)) per example, in nats. */
    static NDArray klDivergence(NDArray mean, NDArray logVar) {
        return logVar.exp().add(mean.square()).sub(1f).sub(logVar).sum(new int[] {1}).mul(0.5f);
    }

    /** Reconstruction loss per window with the latent code at the prior's mean (temperature 0). */
    private double validate(Block block, NDManager manager) {
        DrumNets.DrumVae net = (DrumNets.DrumVae) block;
        ParameterStore ps = new ParameterStore(manager, false);
        double total = 0;
        for (int from = 0; from < valid.size(); from += VALID_BATCH) {
            List<GrooveCorpus.Window> rows = valid.subList(from, Math.min(valid.size(), from + VALID_BATCH));
            DrumBatch b = new DrumBatch(rows, settings.config().task());
            try (NDManager sub = manager.newSubManager()) {
                NDArray zero = sub.zeros(new Shape(b.batch, settings.config().latent()));
                NDArray raw = net.decode(ps, b.conditionArray(sub), zero, false);
                total += reconstruction(raw, b.performanceArray(sub), settings.config().task(), settings.performanceWeight(),
                        settings.absoluteError())
                        .getFloat() * rows.size();
            }
        }
        return total / Math.max(valid.size(), 1);
    }

    /**
     * Writes a run's best weights as the resource the jar ships ({@code groove.weights} or
     * {@code drumify.weights}, large arrays in 8 bits) and its progress beside them ({@code .json}).
     */
    public static Progress export(Path runFolder, Path resourceFolder) throws IOException {
        DjlEngine.get();
        Progress p = readProgress(runFolder);
        if (p == null) {
            throw new IOException("no training run in " + runFolder + " (no " + Checkpoints.PROGRESS + " and " + WEIGHTS + ")");
        }
        Files.createDirectories(resourceFolder);
        String name = p.config().task().resourceName();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = loadBest(runFolder, p, manager);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CompactWeights.write(block, bytes, CompactWeights.Precision.INT8);
            AtomicFiles.write(resourceFolder.resolve(name + ".weights"), bytes.toByteArray());
        }
        Checkpoints.writeJson(resourceFolder.resolve(name + ".json"), p);
        return p;
    }

    static Block loadBest(Path runFolder, Progress p, NDManager manager) throws IOException {
        Path best = runFolder.resolve(BEST_WEIGHTS);
        Path file = Files.exists(best) ? best : runFolder.resolve(WEIGHTS);
        Block block = DrumNets.build(p.config());
        block.initialize(manager, DataType.FLOAT32, inputShapes(p.config(), 1));
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
}
