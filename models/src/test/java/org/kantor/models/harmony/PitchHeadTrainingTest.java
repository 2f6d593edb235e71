package org.kantor.models.harmony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training a pitch head (the time x pitch network meant for a GPU run; no shipped model has one). Left out of the default
 * test run: on DJL 0.36's PyTorch CPU engine these runs get NaN now and then (a NaN out of the head's first convolution
 * from finite inputs and weights; NaN gradients into its feature layer on every step of some runs, none of others), in
 * about half of the runs here and once in CI, and the cause was not found in the engine's or our code. Run them with
 * {@code mvn test -pl models -Dkantor.excludedGroups= -Dgroups=pitch-head-training}; {@link org.kantor.models.TrainingSteps} skips such batches.
 */
@Tag("pitch-head-training")
class PitchHeadTrainingTest {

    @Test
    void aWarmStartThatAddsAPitchHeadFirstAnswersAsTheOldNetworkAndTheHeadLearns(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain");
        new HarmonizerTraining(new HarmonizerTraining.Settings(CoconetConfig.TINY, 2, 4, 32, 1e-3f, 2, 2, 7, null), HarmonizerTrainingSmokeTest.data(), plain,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        CoconetConfig withHead = CoconetConfig.TINY.withPitchHead(4, 2);
        RollBatch batch = HarmonizerTrainingSmokeTest.hiddenMiddle(HarmonizerTrainingSmokeTest.data().valid().get(0), 8, 24, 2);
        try (HarmonyModel before = HarmonyModel.fromRun(plain)) {
            float[] expected = before.logProbabilities(batch, 1.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, HarmonizerTrainingSmokeTest.answersWhenWarmStarted(withHead, plain, batch), 1e-5f);
            // deepened and given a head at once: the new blocks and the head both start adding (almost) nothing
            CoconetConfig deeperWithHead = new CoconetConfig(CoconetConfig.TINY.channels(), 4, CoconetConfig.TINY.timeDilations(),
                    CoconetConfig.TINY.beatPhases()).withPitchHead(4, 2);
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, HarmonizerTrainingSmokeTest.answersWhenWarmStarted(deeperWithHead, plain, batch), 1e-3f);
        }

        Path headedRun = dir.resolve("headed");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new HarmonizerTraining(new HarmonizerTraining.Settings(withHead, 3, 4, 32, 1e-2f, 3, 3, 7, plain), HarmonizerTrainingSmokeTest.data(), headedRun,
                new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("a pitch head of 2 blocks x 4 channels"), log.toString(StandardCharsets.UTF_8));
        assertEquals(4, HarmonizerTraining.readProgress(headedRun).pitchChannels());
        HarmonizerTraining.export(headedRun, dir.resolve("export"), org.kantor.models.CompactWeights.Precision.HALF);
        try (HarmonyModel trained = HarmonyModel.fromRun(headedRun);
             HarmonyModel exported = HarmonyModel.fromResources(dir.resolve("export"))) {
            assertTrue(exported.config().hasPitchHead(), "the exported config keeps the head");
            org.junit.jupiter.api.Assertions.assertArrayEquals(trained.logProbabilities(batch, 1.0), exported.logProbabilities(batch, 1.0), 0.01f);
        }
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            ai.djl.nn.Block trained = HarmonizerTrainingSmokeTest.trainedBlock(manager, withHead, headedRun.resolve(HarmonizerTraining.WEIGHTS));
            var parameters = trained.getParameters();
            var headOutput = parameters.get(parameters.size() - 2);
            assertTrue(headOutput.getKey().contains("Conv2d"), headOutput.getKey());
            // it started at zero so the network first answered as before; trained, it must have left zero
            assertTrue(headOutput.getValue().getArray().abs().sum().getFloat() > 0, "the pitch head's output must learn");
        }
    }

    @Test
    void trainingThePitchHeadAloneKeepsTheTimeNetworksWeights(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain");
        new HarmonizerTraining(new HarmonizerTraining.Settings(CoconetConfig.TINY, 2, 4, 32, 1e-3f, 2, 2, 7, null), HarmonizerTrainingSmokeTest.data(), plain,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        CoconetConfig withHead = CoconetConfig.TINY.withPitchHead(4, 1);
        Path headOnly = dir.resolve("head");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new HarmonizerTraining(new HarmonizerTraining.Settings(withHead, 6, 4, 32, 1e-2f, 6, 6, 7, plain, 0f, false, 0, true), HarmonizerTrainingSmokeTest.data(),
                headOnly, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        String trainingLog = log.toString(StandardCharsets.UTF_8);
        assertTrue(trainingLog.contains("training the pitch head alone"), trainingLog);
        // every step counts: none skipped for a NaN (two CPU threads gave NaN gradients on most steps here)
        assertFalse(trainingLog.contains("skipped"), trainingLog);
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            ai.djl.nn.Block before = HarmonizerTrainingSmokeTest.trainedBlock(manager, CoconetConfig.TINY, HarmonizerTraining.bestWeights(plain));
            ai.djl.nn.Block after = HarmonizerTrainingSmokeTest.trainedBlock(manager, withHead, headOnly.resolve(HarmonizerTraining.WEIGHTS));
            var old = before.getParameters();
            var trained = after.getParameters();
            for (int i = 0; i < old.size(); i++) {
                // weights and batch-norm statistics alike: the time network answers as it did
                org.junit.jupiter.api.Assertions.assertArrayEquals(old.get(i).getValue().getArray().toFloatArray(),
                        trained.get(i).getValue().getArray().toFloatArray(), old.get(i).getKey() + " must stay as trained");
            }
            // the head's output convolution starts at zero (the head adds nothing at first): training moves it
            float output = trained.get(trained.size() - 2).getValue().getArray().abs().sum().getFloat()
                    + trained.get(trained.size() - 1).getValue().getArray().abs().sum().getFloat();
            assertTrue(output > 0, "the head learns: " + output);
        }
        // resuming it as a whole-network run would silently change what it is
        HarmonizerTraining.Settings whole = new HarmonizerTraining.Settings(withHead, 4, 4, 32, 1e-2f, 3, 3, 7, plain, 0f, false, 0);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new HarmonizerTraining(whole, HarmonizerTrainingSmokeTest.data(), headOnly, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run());
        assertTrue(e.getMessage().contains("resume it the same way"), e.getMessage());
    }
}
