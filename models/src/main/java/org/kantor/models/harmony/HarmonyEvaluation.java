package org.kantor.models.harmony;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Random;

/** Likelihood figures for the harmony network. */
public final class HarmonyEvaluation {

    private HarmonyEvaluation() {
    }

    /**
     * A quick validation figure for training logs and for choosing a run's best weights: the training
     * objective (each chorale's mean NLL per unknown note, averaged over chorales) over fixed masks of the
     * first {@code crop} steps of every validation chorale (same masks every time, so runs compare), four
     * masks per chorale: a mask hiding a few notes gives a noisy mean on its own.
     */
    static final int MASKS_PER_CHORALE = 4;

    public static double quickValidNll(Block block, NDManager manager, List<PianoRoll> valid, int crop) {
        Random random = new Random(12345);
        double total = 0;
        double count = 0;
        float[][] mask = new float[PianoRoll.VOICES][crop];
        int batchSize = 16;
        int examples = MASKS_PER_CHORALE * valid.size();
        for (int from = 0; from < examples; from += batchSize) {
            int n = Math.min(batchSize, examples - from);
            RollBatch batch = RollBatch.allocate(n, crop);
            for (int b = 0; b < n; b++) {
                PianoRoll chorale = valid.get((from + b) % valid.size());
                int[][] steps = chorale.crop(0, crop);
                MaskPolicy.sample(mask, random);
                batch.put(b, steps, mask);
            }
            try (NDManager sub = manager.newSubManager()) {
                NDArray roll = batch.rollArray(sub);
                NDArray m = batch.maskArray(sub);
                NDArray logits = block.forward(HarmonizerTraining.inference(sub), RollBatch.networkInput(roll, m, batch.beatPhaseArray(sub)), false)
                        .singletonOrThrow();
                total += HarmonyLoss.meanPerExample(logits, roll, m.mul(batch.soundingArray(sub))).getFloat() * n;
                count += n;
            }
        }
        return total / Math.max(count, 1);
    }
}
