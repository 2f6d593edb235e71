package org.kantor.models.harmony;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A batch of piano-roll crops as the network sees them: one-hot rolls {@code (batch, 4, steps, 46)},
 * masks {@code (batch, 4, steps)} with 1 for unknown cells, and which cells hold a note at all.
 */
public record RollBatch(float[] roll, float[] mask, float[] sounding, int batch, int steps) {

    public static RollBatch allocate(int batch, int steps) {
        int cells = batch * PianoRoll.VOICES * steps;
        return new RollBatch(new float[cells * PianoRoll.PITCHES], new float[cells], new float[cells], batch, steps);
    }

    /** Writes one example: {@code pitches[step][voice]} (already cropped and transposed) and its mask. */
    public void put(int example, int[][] pitches, float[][] exampleMask) {
        for (int v = 0; v < PianoRoll.VOICES; v++) {
            for (int t = 0; t < steps; t++) {
                int cell = (example * PianoRoll.VOICES + v) * steps + t;
                int p = t < pitches.length ? pitches[t][v] : PianoRoll.SILENT;
                java.util.Arrays.fill(roll, cell * PianoRoll.PITCHES, (cell + 1) * PianoRoll.PITCHES, 0f);
                if (p != PianoRoll.SILENT) {
                    roll[cell * PianoRoll.PITCHES + p - PianoRoll.LOWEST] = 1f;
                }
                sounding[cell] = p == PianoRoll.SILENT ? 0f : 1f;
                mask[cell] = exampleMask[v][t];
            }
        }
    }

    public NDArray rollArray(NDManager manager) {
        return manager.create(roll, new Shape(batch, PianoRoll.VOICES, steps, PianoRoll.PITCHES));
    }

    public NDArray maskArray(NDManager manager) {
        return manager.create(mask, new Shape(batch, PianoRoll.VOICES, steps));
    }

    public NDArray soundingArray(NDManager manager) {
        return manager.create(sounding, new Shape(batch, PianoRoll.VOICES, steps));
    }

    /** The network's input: known cells of the roll (unknown ones zeroed), then the masks spread over pitch. */
    public static NDArray networkInput(NDArray roll, NDArray mask) {
        NDArray m = mask.expandDims(3);
        NDArray known = roll.mul(m.neg().add(1f));
        NDArray maskPlane = m.broadcast(roll.getShape());
        return known.concat(maskPlane, 1);
    }
}
