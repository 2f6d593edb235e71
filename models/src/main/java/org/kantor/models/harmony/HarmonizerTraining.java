package org.kantor.models.harmony;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.kantor.models.CompactWeights;
import org.kantor.models.Checkpoints;
import org.kantor.models.DjlEngine;
import org.kantor.models.TrainingLog;
import org.kantor.models.TrainingSteps;

/**
 * Trains the harmony network on JSB chorales with orderless (and task-shaped) masks, random crops and
 * transpositions. Resumable: every checkpoint writes the weights and the progress so far; a new run
 * in the same folder continues from the last one.
 */
public final class HarmonizerTraining {

    /**
     * Everything a run is asked to do.
     * @param withValidationChorales train on the validation chorales too (a final model, once a schedule has been chosen on
     *     the train split alone), all but the first {@code heldOut} of them; its last weights are then its result
     * @param heldOut with {@code withValidationChorales}, how many validation chorales (the first ones) stay out of training:
     *     the validation figure is measured on them alone (none: no figure)
     * @param pitchHeadOnly train the pitch head alone: the time network keeps the weights it was warm-started with
     */
    public record Settings(CoconetConfig config, int steps, int batch, int crop, float learningRate, int checkpointEvery,
                           int validateEvery, long seed, Path warmStart, float dropout, boolean withValidationChorales,
                           int heldOut, boolean pitchHeadOnly) {
        /** Training every weight. */
        public Settings(CoconetConfig config, int steps, int batch, int crop, float learningRate, int checkpointEvery,
                        int validateEvery, long seed, Path warmStart, float dropout, boolean withValidationChorales, int heldOut) {
            this(config, steps, batch, crop, learningRate, checkpointEvery, validateEvery, seed, warmStart, dropout,
                    withValidationChorales, heldOut, false);
        }

        /** Without dropout, on the train split. */
        public Settings(CoconetConfig config, int steps, int batch, int crop, float learningRate, int checkpointEvery,
                        int validateEvery, long seed, Path warmStart) {
            this(config, steps, batch, crop, learningRate, checkpointEvery, validateEvery, seed, warmStart, 0f);
        }

        /** On the train split. */
        public Settings(CoconetConfig config, int steps, int batch, int crop, float learningRate, int checkpointEvery,
                        int validateEvery, long seed, Path warmStart, float dropout) {
            this(config, steps, batch, crop, learningRate, checkpointEvery, validateEvery, seed, warmStart, dropout, false, 0);
        }

        public static Settings defaults() {
            return new Settings(CoconetConfig.DEFAULT, 30_000, 16, 64, 2e-3f, 250, 1000, 1, null);
        }
    }

    /** What is written beside the weights: the run so far. */
    public record Progress(int step, double lastLoss, Double lastValidNll, Double bestValidNll, double seconds,
                           int channels, int residualBlocks, int[] timeDilations, int beatPhases, int batch, int crop, float learningRate, long seed, float dropout,
                           boolean withValidationChorales, int heldOut, int pitchChannels, int pitchBlocks, boolean pitchHeadOnly) {
        /** The network the run trains (runs from before the pitch head read as having none). */
        public CoconetConfig config() {
            return new CoconetConfig(channels, residualBlocks, timeDilations, beatPhases, pitchChannels, pitchBlocks);
        }
    }

    /** Settings that cannot train (or cannot resume the run in the folder): the user's to change, nothing was written. */
    public static final class SettingsMismatch extends IOException {
        SettingsMismatch(String message) {
            super(message);
        }
    }

    public static final String WEIGHTS = "coconet.params";
    static final String BEST_WEIGHTS = "best-" + WEIGHTS;
    static final int WARM_UP_STEPS = 300;
    public static final String PROGRESS = Checkpoints.PROGRESS;

    private final Settings settings;
    private final JsbChorales data;
    private final Path folder;
    private final PrintStream log;

    public HarmonizerTraining(Settings settings, JsbChorales data, Path folder, PrintStream log) {
        this.settings = settings;
        this.data = data;
        this.folder = folder;
        this.log = log;
    }

    public Progress run() throws IOException {
        boolean newFolder = !Files.exists(folder);
        try {
            return train();
        } catch (SettingsMismatch e) {
            // refused before anything was trained: leave no empty run folder behind
            if (newFolder && Files.isDirectory(folder)) {
                try (var entries = Files.list(folder)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(folder);
                    }
                }
            }
            throw e;
        }
    }

    private Progress train() throws IOException {
        // the initial weights come from the engine's generator: seeded, a run (and a test) gives the same network each time
        DjlEngine.get().setRandomSeed((int) settings.seed());
        Progress previous = readProgress(folder);
        if (settings.pitchHeadOnly() && !settings.config().hasPitchHead()) {
            throw new SettingsMismatch("training the pitch head alone needs a network with one (--pitch-head)");
        }
        if (settings.pitchHeadOnly() && previous == null && settings.warmStart() == null) {
            throw new SettingsMismatch("training the pitch head alone needs a trained time network to start from (--warm-start)");
        }
        Files.createDirectories(folder);
        int startStep = previous == null ? 0 : previous.step();
        double secondsBefore = previous == null ? 0 : previous.seconds();
        Double best = previous == null ? null : previous.bestValidNll();
        if (previous != null && (previous.withValidationChorales() != settings.withValidationChorales()
                || previous.heldOut() != settings.heldOut())) {
            throw new SettingsMismatch(folder + " was trained " + (previous.withValidationChorales()
                    ? "with the validation chorales but the first " + previous.heldOut() : "without the validation chorales")
                    + ": resume it the same way");
        }
        if (previous != null && previous.pitchHeadOnly() != settings.pitchHeadOnly()) {
            throw new SettingsMismatch(folder + " was trained " + (previous.pitchHeadOnly() ? "pitch head alone" : "whole")
                    + ": resume it the same way");
        }
        List<PianoRoll> chorales = trainingChorales();
        List<PianoRoll> validation = settings.withValidationChorales() ? data.valid().subList(0, settings.heldOut()) : data.valid();
        Block block = CoconetNet.build(settings.config(), settings.dropout());
        try (Model model = Model.newInstance("coconet")) {
            model.setBlock(block);
            Tracker schedule = TrainingSteps.cosineSchedule(startStep, settings.steps(), WARM_UP_STEPS, settings.learningRate());
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).build());
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(RollBatch.inputShapes(settings.batch(), settings.crop()));
                if (previous != null) {
                    loadWeights(block, settings.config(), previous.dropout(), model.getNDManager(), folder.resolve(WEIGHTS));
                    log.printf("resuming from step %d (best valid NLL so far %s)%n", startStep, best == null ? "-" : String.format("%.4f", best));
                } else if (settings.warmStart() != null) {
                    warmStart(block, settings.config(), model.getNDManager(), settings.warmStart());
                    // the starting point's figure under this run's masks, so a change of masks can be judged
                    log.printf("starting from the weights of %s (valid NLL %.4f)%n", settings.warmStart(),
                            HarmonyEvaluation.quickValidNll(block, model.getNDManager(), validation.isEmpty() ? data.valid() : validation,
                                    settings.crop()));

                }
                if (settings.pitchHeadOnly()) {
                    freezeTimeNetwork(block);
                    log.println("training the pitch head alone: the time network keeps its weights");
                }
                log.printf("training %s, %d parameters, batch %d x %d steps, %s%d chorales%n", settings.config().describe(),
                        Checkpoints.parameterCount(block), settings.batch(), settings.crop(),
                        settings.dropout() > 0 ? String.format("dropout %.2f, ", settings.dropout()) : "", chorales.size());
                if (settings.withValidationChorales()) {
                    log.println(validation.isEmpty() ? "the validation chorales are training data here: no validation figure"
                            : "validation chorales " + (validation.size() + 1) + "-" + data.valid().size() + " are training data here:"
                            + " the validation figure is on the first " + validation.size() + " alone");
                    log.println("the last weights are the result");
                }
                Random random = new Random(settings.seed() * 1_000_003L + startStep);
                RollBatch batch = RollBatch.allocate(settings.batch(), settings.crop());
                float[][] mask = new float[PianoRoll.VOICES][settings.crop()];
                TrainingLog progress = new TrainingLog(log, startStep);
                long runStarted = System.nanoTime();
                double lossAverage = Double.NaN;
                Double lastValid = previous == null ? null : previous.lastValidNll();
                for (int step = startStep + 1; step <= settings.steps(); step++) {
                    fill(chorales, batch, mask, random);
                    double loss = TrainingSteps.step(trainer, model.getNDManager(), sub -> {
                        NDArray roll = batch.rollArray(sub);
                        NDArray m = batch.maskArray(sub);
                        NDArray weights = m.mul(batch.soundingArray(sub));
                        NDArray logits = trainer.forward(RollBatch.networkInput(roll, m, batch.beatPhaseArray(sub))).singletonOrThrow();
                        return HarmonyLoss.meanPerExample(logits, roll, weights);
                    }, step, log);
                    lossAverage = TrainingSteps.average(lossAverage, loss);
                    Double valid = null;
                    if (!validation.isEmpty() && (step % settings.validateEvery() == 0 || step == settings.steps())) {
                        valid = HarmonyEvaluation.quickValidNll(block, model.getNDManager(), validation, settings.crop());
                        lastValid = valid;
                    }
                    if (step % 10 == 0 || valid != null) {
                        progress.progress(step, settings.steps(), lossAverage, valid);
                    }
                    if (step % settings.checkpointEvery() == 0 || step == settings.steps()) {
                        double seconds = secondsBefore + (System.nanoTime() - runStarted) / 1e9;
                        // a final run's figure comes from a few chorales: choosing weights by it would flatter them
                        if (valid != null && !settings.withValidationChorales() && (best == null || valid < best)) {
                            best = valid;
                            Checkpoints.save(block, folder.resolve(BEST_WEIGHTS));
                        }
                        Checkpoints.save(block, folder.resolve(WEIGHTS));
                        CoconetConfig c = settings.config();
                        writeProgress(folder, new Progress(step, lossAverage, lastValid, best, seconds, c.channels(), c.residualBlocks(),
                                c.timeDilations(), c.beatPhases(), settings.batch(), settings.crop(), settings.learningRate(), settings.seed(),
                                settings.dropout(), settings.withValidationChorales(), settings.heldOut(), c.pitchChannels(), c.pitchBlocks(),
                                settings.pitchHeadOnly()));
                    }
                }
            }
        }
        return readProgress(folder);
    }

    /** Keeps the time network as trained (weights, batch-norm statistics, inference-time answers): only the pitch head learns. */
    static void freezeTimeNetwork(Block block) {
        FreezableBlock time = FreezableBlock.find(block);
        if (time == null) {
            throw new IllegalArgumentException("no pitch head to train alone in this network");
        }
        time.freeze();
    }

    /** The train split, and the validation split but its held-out chorales too when the settings ask for it. */
    private List<PianoRoll> trainingChorales() {
        if (!settings.withValidationChorales()) {
            return data.train();
        }
        List<PianoRoll> both = new java.util.ArrayList<>(data.train());
        both.addAll(data.valid().subList(settings.heldOut(), data.valid().size()));
        return List.copyOf(both);
    }

    private static void fill(List<PianoRoll> train, RollBatch batch, float[][] mask, Random random) {
        for (int b = 0; b < batch.batch(); b++) {
            PianoRoll chorale = train.get(random.nextInt(train.size()));
            int start = chorale.steps() > batch.steps() ? random.nextInt(chorale.steps() - batch.steps() + 1) : 0;
            int[][] crop = chorale.crop(start, batch.steps());
            int shift = randomTransposition(crop, random);
            for (int[] s : crop) {
                for (int v = 0; v < PianoRoll.VOICES; v++) {
                    if (s[v] != PianoRoll.SILENT) {
                        s[v] += shift;
                    }
                }
            }
            MaskPolicy.sample(mask, random);
            batch.put(b, crop, mask);
            // JSB steps count from a beat (every piece's onsets fall on step 0 mod 4), so a crop's phase follows its start
            batch.putBeatPhases(b, RollBatch.beatPhases(batch.steps(), start));
        }
    }

    /** A shift of up to a tritone each way that keeps every note in range, so every key is seen. */
    private static int randomTransposition(int[][] crop, Random random) {
        int[] limits = new PianoRoll(crop).transpositionLimits();
        int down = Math.max(-6, limits[0]);
        int up = Math.min(5, limits[1]);
        return up < down ? 0 : down + random.nextInt(up - down + 1);
    }

    /**
     * Converts a run's weights (the best by validation NLL when there is one, else the last) into the
     * resource files the jar ships, and returns the run's progress.
     */
    public static Progress export(Path trainingFolder, Path resourceFolder, CompactWeights.Precision precision) throws IOException {
        try (HarmonyModel model = HarmonyModel.fromRun(trainingFolder)) {
            model.export(resourceFolder, precision);
        }
        return readProgress(trainingFolder);
    }

    /** A run's best weights by validation NLL when it has validated, else its last. */
    static Path bestWeights(Path runFolder) {
        Path best = runFolder.resolve(BEST_WEIGHTS);
        return Files.exists(best) ? best : runFolder.resolve(WEIGHTS);
    }

    /**
     * Loads a checkpoint into an initialized block by copying the values into its existing arrays: a trainer
     * keeps references to those arrays, so replacing them would train one set of weights and save another.
     * @param savedDropout the dropout of the network that saved the checkpoint: its layout follows the blocks
     */
    static void loadWeights(Block block, CoconetConfig config, float savedDropout, NDManager manager, Path file) throws IOException {
        copyWeights(block, config, config, savedDropout, manager, file, false);
    }

    /**
     * Starts from another run's best weights, or from a weights file as the jar ships them. Where this network is wider (more
     * channels, or more input features such as beat phases), the old weights fill the leading part as {@link #widened}
     * says; where it is deeper (more residual blocks), the new blocks start as {@link #startAsIdentity} says; where it adds a
     * pitch head, the head's last convolution starts at zero. Either way the warm-started network first computes what the
     * old one did.
     * @param config the network {@code block} was built as
     */
    static void warmStart(Block block, CoconetConfig config, NDManager manager, Path runFolder) throws IOException {
        if (Files.isRegularFile(runFolder)) { // a shipped weights file (CompactWeights) of this same network
            try (var in = Files.newInputStream(runFolder)) {
                CompactWeights.read(block, manager, in);
            } catch (IOException e) {
                throw new SettingsMismatch(runFolder + " holds weights of another network (" + e.getMessage() + "): a weights file"
                        + " starts only the same network; to widen, deepen or add a pitch head, start from its training run's folder");
            }
            return;
        }
        Progress p = readProgress(runFolder);
        if (p == null) {
            throw new IOException("no training run to start from in " + runFolder);
        }
        copyWeights(block, config, p.config(), p.dropout(), manager, bestWeights(runFolder), true);
    }

    /**
     * Copies a checkpoint of a {@code saved} network (trained with {@code savedDropout}) into {@code block}, a {@code config} network,
     * zero-padding wider arrays and starting new residual blocks and a new pitch head if asked.
     */
    private static void copyWeights(Block block, CoconetConfig config, CoconetConfig saved, float savedDropout, NDManager manager,
                                    Path file, boolean widen) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)));
             NDManager scratch = manager.newSubManager()) {
            Block loaded = CoconetNet.build(saved, savedDropout);
            loaded.loadParameters(scratch, in);
            var targets = block.getParameters();
            var sources = loaded.getParameters();
            // a new pitch head's arrays come after all of the time network's
            boolean addsHead = config.hasPitchHead() && !saved.hasPitchHead();
            int timeArrays = addsHead ? CoconetNet.build(config.withPitchHead(0, 0)).getParameters().size() : targets.size();
            int newArrays = timeArrays - sources.size();
            boolean deepens = newArrays > 0 && !saved.hasPitchHead() && newArrays % ARRAYS_PER_RESIDUAL_BLOCK == 0;
            if (newArrays < 0 || (addsHead || newArrays > 0) && !widen || newArrays > 0 && !deepens) {
                throw new IOException(file + ": weights of a network with " + sources.size() + " arrays, this one has " + targets.size());
            }
            // a deeper network: the new residual blocks come after the old ones, just before the output convolution
            int firstNew = sources.size() - OUTPUT_ARRAYS;
            for (int i = 0; i < targets.size(); i++) {
                if (i >= timeArrays) { // a new pitch head: fresh, but its last convolution adds nothing yet
                    if (i >= targets.size() - PitchHead.OUTPUT_ARRAYS) {
                        NDArray array = targets.get(i).getValue().getArray();
                        array.set(new float[(int) array.size()]);
                    }
                    continue;
                }
                if (i >= firstNew && i < firstNew + newArrays) {
                    startAsIdentity(targets.get(i).getKey(), targets.get(i).getValue().getArray());
                    continue;
                }
                NDArray target = targets.get(i).getValue().getArray();
                NDArray source = sources.get(i < firstNew ? i : i - newArrays).getValue().getArray();
                if (target.getShape().equals(source.getShape())) {
                    target.set(source.toByteBuffer());
                    continue;
                }
                long[] t = target.getShape().getShape();
                long[] s = source.getShape().getShape();
                boolean fits = widen && t.length == s.length;
                for (int d = 0; fits && d < t.length; d++) {
                    fits = s[d] <= t[d];
                }
                if (!fits) {
                    throw new IOException(file + ": not weights of this network (" + targets.get(i).getKey() + " has shape "
                            + source.getShape() + ", expected " + target.getShape() + ")");
                }
                target.set(widened(target.toFloatArray(), t, source.toFloatArray(), s));
            }
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException(file + ": not weights of this network (" + e.getMessage() + ")", e);
        }
    }

    /** Arrays of one residual block (convolution weight and bias; batch norm gamma, beta, running mean and variance) and of the output convolution. */
    private static final int ARRAYS_PER_RESIDUAL_BLOCK = 6;
    private static final int OUTPUT_ARRAYS = 2;
    /** A new block's batch-norm shift: small enough to leave the network's answers as they were, but above ReLU's kink, so the block learns. */
    private static final float NEW_BLOCK_SHIFT = 1e-5f;

    /**
     * A new residual block adds (almost) nothing at first (its batch norm scales by 0: the usual zero-gamma start), so a
     * deeper network first computes what the shallower one did; the convolution keeps its fresh initialisation.
     */
    private static void startAsIdentity(String name, NDArray array) {
        if (name.endsWith("gamma")) {
            array.set(new float[(int) array.size()]);
        } else if (name.endsWith("beta")) {
            float[] shift = new float[(int) array.size()];
            Arrays.fill(shift, NEW_BLOCK_SHIFT);
            array.set(shift);
        }
    }

    /**
     * A wider array that computes what {@code source} did (Net2Net-style): the old part is copied, old
     * outputs ignore new inputs (zero), and new outputs keep their fresh initialisation, so they start
     * out different from one another and learn; a new input feature (e.g. beat phases) starts at zero.
     */
    static float[] widened(float[] fresh, long[] shape, float[] source, long[] sourceShape) {
        float[] out = fresh.clone();
        int[] index = new int[shape.length];
        for (int flat = 0; flat < out.length; flat++) {
            int rest = flat;
            for (int d = shape.length - 1; d >= 0; d--) {
                index[d] = (int) (rest % shape[d]);
                rest /= (int) shape[d];
            }
            if (index[0] >= sourceShape[0]) {
                continue; // a new output (or a new channel's statistics): keep its initialisation
            }
            boolean old = true;
            int from = 0;
            for (int d = 0; d < shape.length && old; d++) {
                old = index[d] < sourceShape[d];
                from = from * (int) sourceShape[d] + index[d];
            }
            out[flat] = old ? source[from] : 0f;
        }
        return out;
    }

    public static Progress readProgress(Path folder) throws IOException {
        return Checkpoints.readProgress(folder, WEIGHTS, Progress.class);
    }

    private static void writeProgress(Path folder, Progress progress) throws IOException {
        Checkpoints.writeJson(folder.resolve(PROGRESS), progress);
    }

    static ParameterStore inference(NDManager manager) {
        return new ParameterStore(manager, false);
    }
}
