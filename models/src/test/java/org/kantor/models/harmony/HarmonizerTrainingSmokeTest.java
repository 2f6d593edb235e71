package org.kantor.models.harmony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.musicxml.KantorData;

/** A few training steps of a tiny network prove the training code still works; training proper never runs in CI. */
class HarmonizerTrainingSmokeTest {

    static JsbChorales data() throws Exception {
        Path folder = KantorData.corpus("jsb-chorales");
        assumeTrue(folder != null, "jsb-chorales not found");
        return JsbChorales.load(folder);
    }

    /** A {@code config} network holding the weights of a checkpoint {@code file} (trained without dropout). */
    static ai.djl.nn.Block trainedBlock(ai.djl.ndarray.NDManager manager, CoconetConfig config, Path file) throws Exception {
        ai.djl.nn.Block block = CoconetNet.build(config);
        block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, RollBatch.inputShapes(1, 32));
        HarmonizerTraining.loadWeights(block, config, 0f, manager, file);
        return block;
    }

    /** What a {@code config} network warm-started from {@code run} answers, before any training. */
    static float[] answersWhenWarmStarted(CoconetConfig config, Path run, RollBatch batch) throws Exception {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            ai.djl.nn.Block block = CoconetNet.build(config);
            block.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, RollBatch.inputShapes(1, 32));
            HarmonizerTraining.warmStart(block, config, manager, run);
            return block.forward(new ai.djl.training.ParameterStore(manager, false), batch.networkInput(manager), false)
                    .singletonOrThrow().logSoftmax(3).toFloatArray();
        }
    }

    /** The chorale's first 32 steps with all four voices unknown from step {@code from} to {@code to}. */
    static RollBatch hiddenMiddle(PianoRoll chorale, int from, int to, int beatPhase) {
        RollBatch batch = RollBatch.allocate(1, 32);
        float[][] mask = new float[PianoRoll.VOICES][32];
        for (float[] voice : mask) {
            java.util.Arrays.fill(voice, from, to, 1f);
        }
        batch.put(0, chorale.crop(0, 32), mask);
        batch.putBeatPhases(0, RollBatch.beatPhases(32, beatPhase));
        return batch;
    }

    @Test
    void theSplitIsCoconets() throws Exception {
        JsbChorales jsb = data();
        assertEquals(229, jsb.train().size());
        assertEquals(76, jsb.valid().size());
        assertEquals(77, jsb.test().size());
        assertEquals(4, jsb.train().get(0).toArray()[0].length);
    }

    @Test
    void trainsAFewStepsAndResumes(@TempDir Path dir) throws Exception {
        JsbChorales jsb = data();
        HarmonizerTraining.Settings settings = new HarmonizerTraining.Settings(CoconetConfig.TINY, 4, 4, 32, 1e-3f, 2, 2, 7, null);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        HarmonizerTraining.Progress first = new HarmonizerTraining(settings, jsb, dir, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        assertEquals(4, first.step());
        assertTrue(Files.size(dir.resolve(HarmonizerTraining.WEIGHTS)) > 0);
        assertTrue(first.lastValidNll() > 0 && first.lastValidNll() < 10, "valid NLL " + first.lastValidNll());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("valid NLL"), log.toString(StandardCharsets.UTF_8));
        byte[] weightsAtStep4 = Files.readAllBytes(dir.resolve(HarmonizerTraining.WEIGHTS));

        HarmonizerTraining.Settings longer = new HarmonizerTraining.Settings(CoconetConfig.TINY, 6, 4, 32, 1e-3f, 2, 2, 7, null);
        ByteArrayOutputStream log2 = new ByteArrayOutputStream();
        HarmonizerTraining.Progress second = new HarmonizerTraining(longer, jsb, dir, new PrintStream(log2, true, StandardCharsets.UTF_8)).run();
        assertTrue(log2.toString(StandardCharsets.UTF_8).contains("resuming from step 4"), log2.toString(StandardCharsets.UTF_8));
        assertEquals(6, second.step());
        // the resumed run trains the weights it loaded and saves what it trained (a resume once saved stale weights)
        assertFalse(java.util.Arrays.equals(weightsAtStep4, Files.readAllBytes(dir.resolve(HarmonizerTraining.WEIGHTS))),
                "weights saved after resuming must differ from those it resumed from");
        assertTrue(Math.abs(second.lastValidNll() - first.lastValidNll()) < 1.0, "resumed from the trained weights, not from scratch");
    }

    @Test
    void aWarmStartIntoAWiderNetworkWithBeatPhasesFirstAnswersExactlyAsTheOldNetwork(@TempDir Path dir) throws Exception {
        CoconetConfig old = new CoconetConfig(12, 2, new int[] {1, 2}, 0);
        new HarmonizerTraining(new HarmonizerTraining.Settings(old, 2, 4, 32, 1e-3f, 2, 2, 7, null), data(), dir,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        try (HarmonyModel before = HarmonyModel.fromCheckpoint(old, dir.resolve(HarmonizerTraining.WEIGHTS))) {
            RollBatch batch = hiddenMiddle(data().valid().get(0), 8, 24, 3);
            org.junit.jupiter.api.Assertions.assertArrayEquals(before.logProbabilities(batch, 1.0),
                    answersWhenWarmStarted(CoconetConfig.TINY, dir, batch), 1e-4f);
        }
    }

    @Test
    void aWarmStartIntoADeeperNetworkFirstAnswersAsTheOldNetworkAndItsNewBlocksLearn(@TempDir Path dir) throws Exception {
        Path shallow = dir.resolve("shallow");
        new HarmonizerTraining(new HarmonizerTraining.Settings(CoconetConfig.TINY, 2, 4, 32, 1e-3f, 2, 2, 7, null), data(), shallow,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        CoconetConfig deeper = new CoconetConfig(CoconetConfig.TINY.channels(), 4, CoconetConfig.TINY.timeDilations(), CoconetConfig.TINY.beatPhases());
        RollBatch batch = hiddenMiddle(data().valid().get(0), 8, 24, 2);
        try (HarmonyModel before = HarmonyModel.fromRun(shallow)) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(before.logProbabilities(batch, 1.0), answersWhenWarmStarted(deeper, shallow, batch), 1e-3f);
        }

        Path deep = dir.resolve("deep");
        new HarmonizerTraining(new HarmonizerTraining.Settings(deeper, 3, 4, 32, 1e-2f, 3, 3, 7, shallow), data(), deep,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            ai.djl.nn.Block trained = trainedBlock(manager, deeper, deep.resolve(HarmonizerTraining.WEIGHTS));
            var gammas = trained.getParameters().stream().filter(p -> p.getKey().endsWith("gamma")).toList();
            // the stem's batch norm, two old blocks', then the two new blocks' (which started at zero)
            assertEquals(5, gammas.size());
            for (int newBlock = 3; newBlock < 5; newBlock++) {
                assertTrue(gammas.get(newBlock).getValue().getArray().abs().sum().getFloat() > 0,
                        "a new block's batch norm must leave zero and learn (" + gammas.get(newBlock).getKey() + ")");
            }
        }
    }

    @Test
    void exportedWeightsAnswerAsTheRunDoesInHalfPrecisionAndInEightBits(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        CoconetConfig config = new CoconetConfig(48, 2, new int[] {1, 2}, 4); // kernels large enough for 8 bits
        new HarmonizerTraining(new HarmonizerTraining.Settings(config, 2, 4, 32, 1e-3f, 2, 2, 7, null), data(), run,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        HarmonizerTraining.export(run, dir.resolve("half"), org.kantor.models.CompactWeights.Precision.HALF);
        HarmonizerTraining.export(run, dir.resolve("int8"), org.kantor.models.CompactWeights.Precision.INT8);
        assertTrue(Files.size(dir.resolve("int8").resolve(HarmonyModel.RESOURCE_WEIGHTS))
                < 0.7 * Files.size(dir.resolve("half").resolve(HarmonyModel.RESOURCE_WEIGHTS)), "8 bits make a smaller file");

        RollBatch batch = hiddenMiddle(data().valid().get(1), 4, 28, 0);
        try (HarmonyModel trained = HarmonyModel.fromRun(run);
             HarmonyModel half = HarmonyModel.fromResources(dir.resolve("half"));
             HarmonyModel int8 = HarmonyModel.fromResources(dir.resolve("int8"))) {
            float[] expected = trained.logProbabilities(batch, 1.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, half.logProbabilities(batch, 1.0), 0.01f);
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, int8.logProbabilities(batch, 1.0), 0.05f);
        }
        java.io.IOException none = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> HarmonyModel.fromResources(dir));
        assertTrue(none.getMessage().contains("no exported harmony weights in " + dir), none.getMessage());
    }

    @Test
    void aRunTrainedWithDropoutResumesAndLoadsIntoTheNetworkThatAnswers(@TempDir Path dir) throws Exception {
        HarmonizerTraining.Settings settings = new HarmonizerTraining.Settings(CoconetConfig.TINY, 2, 4, 32, 1e-3f, 2, 2, 7, null, 0.2f);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new HarmonizerTraining(settings, data(), dir, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("dropout 0.20"), log.toString(StandardCharsets.UTF_8));
        assertEquals(0.2f, HarmonizerTraining.readProgress(dir).dropout());
        HarmonizerTraining.Settings longer = new HarmonizerTraining.Settings(CoconetConfig.TINY, 3, 4, 32, 1e-3f, 2, 2, 7, null, 0.2f);
        assertEquals(3, new HarmonizerTraining(longer, data(), dir, new PrintStream(log, true, StandardCharsets.UTF_8)).run().step());

        RollBatch batch = hiddenMiddle(data().valid().get(2), 8, 16, 1);
        try (HarmonyModel model = HarmonyModel.fromRun(dir)) {
            // dropout is off when the model answers: the same question gets the same answer
            org.junit.jupiter.api.Assertions.assertArrayEquals(model.logProbabilities(batch, 1.0), model.logProbabilities(batch, 1.0));
        }
    }


    @Test
    void aFinalRunOnTrainAndValidationChoralesMeasuresOnlyWhatItHeldOutAndResumesOnlyTheSameWay(@TempDir Path dir) throws Exception {
        JsbChorales jsb = data();
        HarmonizerTraining.Settings settings = new HarmonizerTraining.Settings(CoconetConfig.TINY, 2, 4, 32, 1e-3f, 2, 1, 7, null, 0f, true, 0);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        HarmonizerTraining.Progress p = new HarmonizerTraining(settings, jsb, dir, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains((229 + 76) + " chorales") && text.contains("no validation figure"), text);
        assertEquals(2, p.step());
        assertTrue(p.withValidationChorales());
        // no chorale left to measure on, so no figure; the last weights are the result
        assertEquals(null, p.lastValidNll());
        assertFalse(Files.exists(dir.resolve(HarmonizerTraining.BEST_WEIGHTS)));
        assertEquals(dir.resolve(HarmonizerTraining.WEIGHTS), HarmonizerTraining.bestWeights(dir));

        HarmonizerTraining.Settings trainOnly = new HarmonizerTraining.Settings(CoconetConfig.TINY, 3, 4, 32, 1e-3f, 2, 1, 7, null);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new HarmonizerTraining(trainOnly, jsb, dir, new PrintStream(log, true, StandardCharsets.UTF_8)).run());
        assertTrue(e.getMessage().contains("with the validation chorales but the first 0"), e.getMessage());

        Path heldOut = dir.resolve("held-out");
        HarmonizerTraining.Settings sixOut = new HarmonizerTraining.Settings(CoconetConfig.TINY, 2, 4, 32, 1e-3f, 2, 1, 7, null, 0f, true, 6);
        ByteArrayOutputStream log2 = new ByteArrayOutputStream();
        HarmonizerTraining.Progress q = new HarmonizerTraining(sixOut, jsb, heldOut, new PrintStream(log2, true, StandardCharsets.UTF_8)).run();
        text = log2.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains((229 + 70) + " chorales") && text.contains("on the first 6 alone"), text);
        assertEquals(6, q.heldOut());
        assertTrue(q.lastValidNll() > 0, "measured on the 6 held-out chorales");
        assertFalse(Files.exists(heldOut.resolve(HarmonizerTraining.BEST_WEIGHTS)), "not chosen by a figure on 6 chorales");
    }

    @Test
    void newChannelsStartFreshAndOldOutputsIgnoreThem() {
        // a 2-output, 2-input kernel widened to 3 x 3: old block copied, old outputs read new inputs with 0, new output kept
        float[] fresh = {9, 9, 9, 9, 9, 9, 9, 9, 9};
        float[] widened = HarmonizerTraining.widened(fresh, new long[] {3, 3}, new float[] {1, 2, 3, 4}, new long[] {2, 2});
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1, 2, 0, 3, 4, 0, 9, 9, 9}, widened);
    }
}
