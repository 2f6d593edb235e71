package org.kantor.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrainingStepsTest {

    @Test
    void aBatchWhoseGradientIsNotFiniteLeavesTheWeightsAsTheyWere() {
        DjlEngine.get();
        try (Model model = Model.newInstance("tiny")) {
            model.setBlock(Linear.builder().setUnits(1).build());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.1f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 2));
                NDArray weight = model.getBlock().getParameters().get(0).getValue().getArray();
                float[] before = weight.toFloatArray();
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
                // sqrt(w - w) is 0, a finite loss, but its gradient is infinite
                double loss = TrainingSteps.step(trainer, model.getNDManager(),
                        sub -> weight.sub(weight.stopGradient()).sqrt().sum(), 1, out);
                assertTrue(Double.isFinite(loss));
                assertTrue(log.toString(StandardCharsets.UTF_8).contains("step 1: a gradient is not finite, batch skipped"),
                        log.toString(StandardCharsets.UTF_8));
                assertArrayEquals(before, weight.toFloatArray());

                log.reset();
                TrainingSteps.step(trainer, model.getNDManager(), sub -> weight.square().sum(), 2, out);
                assertFalse(log.toString(StandardCharsets.UTF_8).contains("skipped"));
                assertFalse(java.util.Arrays.equals(before, weight.toFloatArray()), "a finite batch moves the weights");
            }
        }
    }
}
