package org.kantor.models.harmony;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.kantor.models.CompactWeights;
import org.kantor.models.DjlEngine;
import org.kantor.models.NativeStderr;

/**
 * The trained harmony network, ready to answer: for a batch of piano rolls with unknown cells, the
 * log-probability of every pitch for every voice at every step. Weights ship inside the jar.
 */
public final class HarmonyModel implements AutoCloseable {

    public static final String RESOURCE_WEIGHTS = "coconet.kw";
    public static final String RESOURCE_CONFIG = "coconet.json";

    private final NDManager manager;
    private final Block block;
    private final CoconetConfig config;
    /** The same network with its batch norms folded in, which answers faster; empty where it does not fold. */
    private final Optional<FoldedNetwork> folded;

    private HarmonyModel(NDManager manager, Block block, CoconetConfig config) {
        this.manager = manager;
        this.block = block;
        this.config = config;
        this.folded = FoldedNetwork.of(block, config, manager);
    }

    /** The weights shipped in the jar. */
    public static HarmonyModel load() throws IOException {
        try (InputStream c = HarmonyModel.class.getResourceAsStream(RESOURCE_CONFIG);
             InputStream w = HarmonyModel.class.getResourceAsStream(RESOURCE_WEIGHTS)) {
            if (c == null || w == null) {
                throw new IOException("the harmony model's weights are not in this build (resource " + RESOURCE_WEIGHTS + " missing)");
            }
            return load(c, w);
        }
    }

    /** Weights from a training folder: the float32 checkpoint a run writes. */
    public static HarmonyModel fromCheckpoint(CoconetConfig config, Path weights) throws IOException {
        return fromCheckpoint(config, 0f, weights);
    }

    /** @param trainedDropout the dropout the run trained with (it shapes the checkpoint's layout, not the answers) */
    static HarmonyModel fromCheckpoint(CoconetConfig config, float trainedDropout, Path weights) throws IOException {
        return create(config, (block, manager) -> HarmonizerTraining.loadWeights(block, config, trainedDropout, manager, weights));
    }

    /** The best weights (by validation NLL) of a training run, to judge them before they are shipped. */
    public static HarmonyModel fromRun(Path runFolder) throws IOException {
        HarmonizerTraining.Progress progress = HarmonizerTraining.readProgress(runFolder);
        if (progress == null) {
            throw new IOException("no training run in " + runFolder + " (no " + HarmonizerTraining.PROGRESS + " and "
                    + HarmonizerTraining.WEIGHTS + ")");
        }
        return fromCheckpoint(progress.config(), progress.dropout(), HarmonizerTraining.bestWeights(runFolder));
    }

    /** Weights exported as the jar's resource files ({@link #export}) into a folder, to judge them before they ship. */
    public static HarmonyModel fromResources(Path folder) throws IOException {
        if (!hasResources(folder)) {
            throw new IOException("no exported harmony weights in " + folder + " (no " + RESOURCE_WEIGHTS + " and " + RESOURCE_CONFIG + ")");
        }
        try (InputStream c = Files.newInputStream(folder.resolve(RESOURCE_CONFIG));
             InputStream w = Files.newInputStream(folder.resolve(RESOURCE_WEIGHTS))) {
            return load(c, w);
        }
    }

    /** Whether a folder holds exported weights that {@link #fromResources} can load. */
    public static boolean hasResources(Path folder) {
        return Files.isRegularFile(folder.resolve(RESOURCE_CONFIG)) && Files.isRegularFile(folder.resolve(RESOURCE_WEIGHTS));
    }

    private static HarmonyModel load(InputStream config, InputStream weights) throws IOException {
        return load(readConfig(config), weights);
    }

    /** A network's config as {@link #export} writes it. */
    static CoconetConfig readConfig(InputStream config) {
        return new Gson().fromJson(new InputStreamReader(config, StandardCharsets.UTF_8), CoconetConfig.class);
    }

    static HarmonyModel load(CoconetConfig config, InputStream weights) throws IOException {
        return create(config, (block, manager) -> CompactWeights.read(block, manager, weights));
    }

    /** How weights get into a freshly initialized block. */
    private interface WeightSource {
        void fill(Block block, NDManager manager) throws IOException;
    }

    private static HarmonyModel create(CoconetConfig config, WeightSource weights) throws IOException {
        DjlEngine.get();
        return NativeStderr.silencedIo(() -> {
            NDManager manager = NDManager.newBaseManager();
            Block block = CoconetNet.build(config);
            block.initialize(manager, DataType.FLOAT32, RollBatch.inputShapes(1, 16));
            weights.fill(block, manager);
            return new HarmonyModel(manager, block, config);
        });
    }

    /** Writes the weights and config as the jar resources {@link #load()} reads. */
    public void export(Path folder, CompactWeights.Precision precision) throws IOException {
        Files.createDirectories(folder);
        try (var out = Files.newOutputStream(folder.resolve(RESOURCE_WEIGHTS))) {
            CompactWeights.write(block, out, precision);
        }
        Files.writeString(folder.resolve(RESOURCE_CONFIG), new Gson().toJson(config), StandardCharsets.UTF_8);
    }

    public CoconetConfig config() {
        return config;
    }

    public long parameterCount() {
        return org.kantor.models.Checkpoints.parameterCount(block);
    }

    /**
     * Log-probabilities (batch, 4, steps, 46), flattened, for rolls with unknown cells.
     * @param batch the rolls and masks (1 = unknown); known cells must hold the given pitches
     * @param temperature divides the logits; 1 is the model as trained
     */
    public float[] logProbabilities(RollBatch batch, double temperature) {
        return NativeStderr.silenced(() -> compute(batch, temperature));
    }

    private float[] compute(RollBatch batch, double temperature) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray logits = folded.isPresent()
                    ? folded.get().forward(batch.networkInput(sub))
                    : block.forward(new ParameterStore(sub, false), batch.networkInput(sub), false).singletonOrThrow();
            if (temperature != 1.0) {
                logits = logits.div((float) temperature);
            }
            return logits.logSoftmax(3).toFloatArray();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
