package org.kantor.models.harmony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kantor.models.CompactWeights;

/** The folded network is an optimization only: with the shipped weights it answers as the network's blocks do. */
class FoldedNetworkTest {

    private static CoconetConfig shippedConfig() throws Exception {
        try (InputStream in = HarmonyModel.class.getResourceAsStream(HarmonyModel.RESOURCE_CONFIG)) {
            return HarmonyModel.readConfig(in);
        }
    }

    /** Two chorale-like rolls, each with a random tenth to all of its cells unknown, and a beat that starts mid-beat. */
    private static RollBatch randomRolls(int steps, Random random) {
        RollBatch batch = RollBatch.allocate(2, steps);
        int[] lowest = {60, 55, 48, 40};
        for (int b = 0; b < 2; b++) {
            int[][] roll = new int[steps][PianoRoll.VOICES];
            float[][] mask = new float[PianoRoll.VOICES][steps];
            double unknown = 0.1 + 0.9 * random.nextDouble();
            for (int t = 0; t < steps; t++) {
                for (int v = 0; v < PianoRoll.VOICES; v++) {
                    roll[t][v] = lowest[v] + random.nextInt(12);
                    mask[v][t] = random.nextDouble() < unknown ? 1f : 0f;
                }
            }
            batch.put(b, roll, mask);
            batch.putBeatPhases(b, RollBatch.beatPhases(steps, b));
        }
        return batch;
    }

    @Test
    void answersAsTheShippedNetworksBlocks() throws Exception {
        CoconetConfig config = shippedConfig();
        try (NDManager manager = NDManager.newBaseManager();
             InputStream weights = HarmonyModel.class.getResourceAsStream(HarmonyModel.RESOURCE_WEIGHTS)) {
            Block block = CoconetNet.build(config);
            block.initialize(manager, DataType.FLOAT32, RollBatch.inputShapes(1, 16));
            CompactWeights.read(block, manager, weights);
            FoldedNetwork folded = FoldedNetwork.of(block, config, manager).orElseThrow();
            Random random = new Random(5);
            for (int steps : new int[] {16, 96}) {
                RollBatch batch = randomRolls(steps, random);
                float[] expected = block.forward(new ParameterStore(manager, false), batch.networkInput(manager), false)
                        .singletonOrThrow().logSoftmax(3).toFloatArray();
                float[] actual = folded.forward(batch.networkInput(manager)).logSoftmax(3).toFloatArray();
                assertEquals(expected.length, actual.length);
                double worst = 0;
                for (int i = 0; i < expected.length; i++) {
                    // log-probabilities below e^-30 never decide a sample or a likelihood
                    if (expected[i] > -30) {
                        worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
                    }
                }
                assertTrue(worst < 1e-3, "largest difference in log-probability over " + steps + " steps: " + worst);
            }
        }
    }

    @Test
    void aNetworkWithAPitchHeadAnswersThroughItsBlocks() {
        CoconetConfig config = CoconetConfig.TINY.withPitchHead(4, 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = CoconetNet.build(config);
            block.initialize(manager, DataType.FLOAT32, RollBatch.inputShapes(1, 16));
            assertTrue(FoldedNetwork.of(block, config, manager).isEmpty());
        }
    }

    @Test
    void aTinyNetworkTrainedWithDropoutFolds() throws Exception {
        // dropout layers sit between the batch norms and the sums; they answer nothing at inference and must not break the fold
        CoconetConfig config = CoconetConfig.TINY;
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = CoconetNet.build(config, 0.1f);
            block.initialize(manager, DataType.FLOAT32, RollBatch.inputShapes(1, 16));
            FoldedNetwork folded = FoldedNetwork.of(block, config, manager).orElseThrow();
            RollBatch batch = randomRolls(32, new Random(9));
            float[] expected = block.forward(new ParameterStore(manager, false), batch.networkInput(manager), false)
                    .singletonOrThrow().toFloatArray();
            float[] actual = folded.forward(batch.networkInput(manager)).toFloatArray();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-4, "logit " + i);
            }
        }
    }
}
