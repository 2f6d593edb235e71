package org.kantor.models.harmony;

/**
 * Size of the harmony network: {@code channels} feature maps and {@code residualBlocks} dilated
 * residual convolution blocks over time, cycling through {@code timeDilations} so the receptive
 * field covers a whole chorale phrase and more at little cost. {@code beatPhases} &gt; 0 adds each
 * step's position within the quarter-note beat (one-hot, 4 for 16th-note steps) to the input: where
 * notes may change depends on it, and the roll alone only hints at it; 0 = the roll alone.
 * {@code pitchChannels} &gt; 0 adds a pitch head: {@code pitchBlocks} small convolutions over time x pitch
 * that correct the logits, so that what it learns about an interval holds at every pitch; 0 = none.
 */
public record CoconetConfig(int channels, int residualBlocks, int[] timeDilations, int beatPhases, int pitchChannels, int pitchBlocks) {

    public static final int STEPS_PER_BEAT = 4;

    public static final CoconetConfig DEFAULT = new CoconetConfig(256, 16, new int[] {1, 2, 4, 8, 16, 32}, STEPS_PER_BEAT);

    /** A tiny network for smoke tests of the training code. */
    public static final CoconetConfig TINY = new CoconetConfig(16, 2, new int[] {1, 2}, STEPS_PER_BEAT);

    /** Without a pitch head. */
    public CoconetConfig(int channels, int residualBlocks, int[] timeDilations, int beatPhases) {
        this(channels, residualBlocks, timeDilations, beatPhases, 0, 0);
    }

    /** The same network with a pitch head of {@code blocks} blocks of {@code featureMaps} channels (0: none). */
    public CoconetConfig withPitchHead(int featureMaps, int blocks) {
        return new CoconetConfig(channels, residualBlocks, timeDilations, beatPhases, featureMaps, blocks);
    }

    public boolean hasPitchHead() {
        return pitchChannels > 0;
    }

    /** Steps of context on each side of a cell that the network can see. */
    public int receptiveFieldEachSide() {
        int r = 1;
        for (int i = 0; i < residualBlocks; i++) {
            r += timeDilations[i % timeDilations.length];
        }
        return r + (hasPitchHead() ? PitchHead.stepsEachSide(pitchBlocks) : 0);
    }

    public String describe() {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < timeDilations.length; i++) {
            d.append(i == 0 ? "" : ",").append(timeDilations[i]);
        }
        return channels + " channels, " + residualBlocks + " residual blocks (kernel-3 convolution over time, batch norm, ReLU), time dilations "
                + d + (hasPitchHead() ? ", a pitch head of " + pitchBlocks + " blocks x " + pitchChannels + " channels over time x pitch" : "")
                + ", context +-" + receptiveFieldEachSide() + " sixteenths" + (beatPhases > 0 ? ", position in the beat as input" : "");
    }
}
