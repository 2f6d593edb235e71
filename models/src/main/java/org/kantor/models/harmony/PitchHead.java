package org.kantor.models.harmony;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/**
 * A few small convolutions over time x pitch, as Coconet makes all of its layers, that correct the time network's logits.
 * The time network sees each step as one vector of absolute pitches, so it learns an interval afresh at every pitch; these
 * kernels slide along pitch, so a third above the soprano is one pattern wherever the soprano is. They are cheap because
 * they are few and narrow: the long context stays with the time network.
 *
 * <p>Input (the time network's output): (batch, 184, steps) logits, (batch, {@value #FEATURES_PER_PITCH} x 46, steps)
 * features laid out per pitch, and the network's input (batch, 8, steps, 46). Output: (batch, 4, steps, 46), added to the
 * logits.
 */
final class PitchHead {

    /** Features per pitch that the time network hands the head, beside the roll, the masks and its own logits. */
    static final int FEATURES_PER_PITCH = 6;
    /** Span of the first convolution: one step and three semitones each side. */
    private static final int FIRST_STEPS = 1;
    private static final int FIRST_SEMITONES = 3;
    /** (time, pitch) dilations of the kernel-3x3 blocks in turn: neighbouring semitones, thirds and fourths, fifths and sixths, octaves. */
    private static final int[][] DILATIONS = {{1, 1}, {1, 3}, {2, 5}, {1, 12}};
    /** Arrays of the last convolution (weight and bias), which starts at zero when a head is added to a trained network. */
    static final int OUTPUT_ARRAYS = 2;

    private PitchHead() {
    }

    /** Steps of context on each side that the head adds. */
    static int stepsEachSide(int blocks) {
        int r = FIRST_STEPS;
        for (int i = 0; i < blocks; i++) {
            r += DILATIONS[i % DILATIONS.length][0];
        }
        return r;
    }

    /** The time network's features, {@value #FEATURES_PER_PITCH} for every pitch, that the head reads. */
    static Block features() {
        return Conv1d.builder().setKernelShape(new Shape(1)).setFilters(FEATURES_PER_PITCH * PianoRoll.PITCHES).build();
    }

    /** Reads (logits, features, network input) and answers a correction of the logits, (batch, 4, steps, 46). */
    static Block correction(CoconetConfig config, float dropout) {
        int c = config.pitchChannels();
        SequentialBlock head = new SequentialBlock();
        head.add(new LambdaBlock(PitchHead::toImage, "pitchImage"));
        head.add(Conv2d.builder().setKernelShape(new Shape(2L * FIRST_STEPS + 1, 2L * FIRST_SEMITONES + 1))
                .optPadding(new Shape(FIRST_STEPS, FIRST_SEMITONES)).setFilters(c).build());
        head.add(BatchNorm.builder().build());
        head.add(Activation.reluBlock());
        for (int i = 0; i < config.pitchBlocks(); i++) {
            int[] d = DILATIONS[i % DILATIONS.length];
            head.add(CoconetNet.residual(Conv2d.builder().setKernelShape(new Shape(3, 3)).optDilation(new Shape(d[0], d[1]))
                    .optPadding(new Shape(d[0], d[1])).setFilters(c).build(), dropout));
        }
        head.add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(PianoRoll.VOICES).build());
        return head;
    }

    /** (logits, features, input) -> (batch, 18, steps, 46): every channel laid out over time x pitch. */
    private static NDList toImage(NDList in) {
        NDArray logits = CoconetNet.perPitch(in.get(0), PianoRoll.VOICES);
        NDArray features = CoconetNet.perPitch(in.get(1), FEATURES_PER_PITCH);
        return new NDList(logits.concat(features, 1).concat(in.get(2), 1));
    }
}
