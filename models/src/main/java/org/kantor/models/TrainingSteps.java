package org.kantor.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import java.io.PrintStream;
import java.util.function.Function;

/** What every Kantor training run does the same way: its learning-rate schedule and one optimizer step. */
public final class TrainingSteps {

    private TrainingSteps() {
    }

    /**
     * Cosine decay from {@code peak} to 2% over the whole run, counted from the run's first step even
     * after a resume; a linear warm-up after every (re)start, since Adam's moments are not checkpointed
     * and the first steps would otherwise undo training.
     */
    public static Tracker cosineSchedule(int startStep, int totalSteps, int warmUpSteps, float peak) {
        return new Tracker() {
            @Override
            public float getNewValue(int numUpdate) {
                double progress = Math.min(1.0, (startStep + numUpdate) / (double) totalSteps);
                double warmUp = Math.min(1.0, (numUpdate + 1) / (double) warmUpSteps);
                return (float) (warmUp * peak * (0.02 + 0.98 * 0.5 * (1 + Math.cos(Math.PI * progress))));
            }
        };
    }

    /**
     * One optimizer step on the objective a batch gives; returns its value. A non-finite objective or gradient would
     * poison every weight: that batch is skipped and said so.
     */
    public static double step(Trainer trainer, NDManager manager, Function<NDManager, NDArray> objective, int step, PrintStream log) {
        double loss;
        try (NDManager sub = manager.newSubManager()) {
            boolean finite;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray value = objective.apply(sub);
                loss = value.getFloat();
                finite = Double.isFinite(loss);
                if (finite) {
                    gc.backward(value);
                }
            }
            if (!finite) {
                log.printf("step %d: loss is not finite, batch skipped%n", step);
            } else if (!gradientsFinite(trainer, sub)) {
                log.printf("step %d: a gradient is not finite, batch skipped%n", step);
                clearGradients(trainer, sub);
            } else {
                trainer.step();
            }
        }
        return loss;
    }

    /**
     * Whether every gradient the next update would apply is finite: one sum of all their sums, read once (a read waits for
     * the device), is not when any element is NaN or infinite. The sums live in the batch's {@code scratch} manager; each
     * gradient is only lent to it (closing a gradient's array with the batch made the pitch-head tests fail every run).
     */
    private static boolean gradientsFinite(Trainer trainer, NDManager scratch) {
        NDArray total = null;
        for (var parameter : trainer.getModel().getBlock().getParameters()) {
            NDArray array = parameter.getValue().getArray();
            if (parameter.getValue().requiresGradient() && array.hasGradient()) {
                NDArray gradient = array.getGradient();
                gradient.tempAttach(scratch);
                NDArray sum = gradient.sum();
                total = total == null ? sum : total.add(sum);
            }
        }
        return total == null || Float.isFinite(total.getFloat());
    }

    /**
     * Writes zeros into every gradient. DJL clears a gradient before each batch by subtracting it from itself, which leaves
     * NaN where it holds NaN or infinity: without this, one bad batch would skip every batch after it.
     */
    private static void clearGradients(Trainer trainer, NDManager scratch) {
        for (var parameter : trainer.getModel().getBlock().getParameters()) {
            NDArray array = parameter.getValue().getArray();
            if (array.hasGradient()) {
                NDArray gradient = array.getGradient();
                gradient.tempAttach(scratch);
                gradient.set(new float[Math.toIntExact(gradient.size())]);
            }
        }
    }

    /** An exponential moving average of the loss that ignores non-finite values. */
    public static double average(double average, double loss) {
        if (!Double.isFinite(loss)) {
            return average;
        }
        return Double.isNaN(average) ? loss : 0.98 * average + 0.02 * loss;
    }
}
