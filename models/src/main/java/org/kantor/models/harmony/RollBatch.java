package org.kantor.models.harmony;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A batch of piano-roll crops as the network sees them: one-hot rolls {@code (batch, 4, steps, 46)},
 * masks {@code (batch, 4, steps)} with 1 for unknown cells, which cells hold a note at all, and each
 * step's position within its quarter-note beat (0-3; step 0 on the beat unless told otherwise).
 */
public record RollBatch(float[] roll, float[] mask, float[] sounding, int[] beatPhase, int batch, int steps) {

    public static RollBatch allocate(int batch, int steps) {
        int cells = batch * PianoRoll.VOICES * steps;
        int[] phase = new int[batch * steps];
        for (int i = 0; i < phase.length; i++) {
            phase[i] = (i % steps) % CoconetConfig.STEPS_PER_BEAT;
        }
        return new RollBatch(new float[cells * PianoRoll.PITCHES], new float[cells], new float[cells], phase, batch, steps);
    }

    /** Each step's position within its beat for one example, when step 0 is not on a beat or the meter changes. */
    public void putBeatPhases(int example, int[] phases) {
        System.arraycopy(phases, 0, beatPhase, example * steps, steps);
    }

    /** Step positions within the beat when step 0 lies {@code firstStepPhase} sixteenths after a beat. */
    public static int[] beatPhases(int steps, int firstStepPhase) {
        int[] phases = new int[steps];
        for (int t = 0; t < steps; t++) {
            phases[t] = Math.floorMod(firstStepPhase + t, CoconetConfig.STEPS_PER_BEAT);
        }
        return phases;
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

    /** One-hot position of each step within its beat, {@code (batch, 4, steps)}. */
    public NDArray beatPhaseArray(NDManager manager) {
        float[] oneHot = new float[batch * CoconetConfig.STEPS_PER_BEAT * steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                oneHot[(b * CoconetConfig.STEPS_PER_BEAT + beatPhase[b * steps + t]) * steps + t] = 1f;
            }
        }
        return manager.create(oneHot, new Shape(batch, CoconetConfig.STEPS_PER_BEAT, steps));
    }

    /** The network's input for this batch (arrays made in {@code manager}). */
    public NDList networkInput(NDManager manager) {
        return networkInput(rollArray(manager), maskArray(manager), beatPhaseArray(manager));
    }

    /**
     * The network's input: known cells of the roll (unknown ones zeroed), then the masks spread over
     * pitch; second, the beat phases (read only by networks configured with them).
     */
    public static NDList networkInput(NDArray roll, NDArray mask, NDArray beatPhase) {
        NDArray m = mask.expandDims(3);
        NDArray known = roll.mul(m.neg().add(1f));
        NDArray maskPlane = m.broadcast(roll.getShape());
        return new NDList(known.concat(maskPlane, 1), beatPhase);
    }

    /** Input shapes for initializing a network on batches of this size. */
    public static Shape[] inputShapes(int batch, int steps) {
        return new Shape[] {new Shape(batch, CoconetNet.INPUT_CHANNELS, steps, PianoRoll.PITCHES),
            new Shape(batch, CoconetConfig.STEPS_PER_BEAT, steps)};
    }
}
