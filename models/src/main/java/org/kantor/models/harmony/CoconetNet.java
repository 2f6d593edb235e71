package org.kantor.models.harmony;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;

/**
 * The Coconet-style harmony network as a DJL block. Input: (batch, 8, steps, 46) = the piano roll of
 * the four voices with unknown cells zeroed, then the four voices' masks (1 = unknown) spread over
 * pitch; and (batch, 4, steps) = each step's position within its beat, one-hot (read when the
 * config asks for it). Output: (batch, 4, steps, 46) logits; a softmax over the last axis gives each voice's pitch
 * distribution at each step.
 *
 * <p>Coconet convolves time x pitch as an image. On a two-core CPU, dense convolutions over time with
 * every voice and pitch as channels train several times faster for the same quality (measured: a
 * 64-channel 2D net took 5 s a step where this one takes 0.5 s), so each step of the score is one
 * vector of 4 x 46 pitches + 4 masks, and dilated residual convolutions over time mix steps. A config with a pitch head
 * adds a few narrow convolutions over time x pitch ({@link PitchHead}) that correct those logits.
 */
public final class CoconetNet {

    public static final int INPUT_CHANNELS = 2 * PianoRoll.VOICES;
    static final int FRAME_FEATURES = PianoRoll.VOICES * PianoRoll.PITCHES + PianoRoll.VOICES;
    static final int FRAME_OUTPUTS = PianoRoll.VOICES * PianoRoll.PITCHES;

    private CoconetNet() {
    }

    public static Block build(CoconetConfig config) {
        return build(config, 0f);
    }

    /**
     * @param dropout the share of each residual block's activations dropped while training (0: none). It has no
     *     weights, so shipped weights (matched by name) load into a network built without it; a training
     *     checkpoint's layout follows the blocks, so it loads only into a network built with the same setting
     */
    public static Block build(CoconetConfig config, float dropout) {
        SequentialBlock time = timeNetwork(config, dropout);
        Block output = Conv1d.builder().setKernelShape(new Shape(1)).setFilters(FRAME_OUTPUTS).build();
        if (!config.hasPitchHead()) {
            time.add(output);
            time.add(new LambdaBlock(list -> new NDList(perPitch(list.singletonOrThrow(), PianoRoll.VOICES)), "toRoll"));
            return time;
        }
        // the time network answers logits and per-pitch features; the pitch head reads them with the input and corrects the logits.
        // Its trained part (everything up to the logits) can be frozen while a new head learns.
        time.add(new ParallelBlock(list -> new NDList(list.get(0).singletonOrThrow(), list.get(1).singletonOrThrow()),
                List.of(output, Blocks.identityBlock())));
        SequentialBlock timeWithFeatures = new SequentialBlock();
        timeWithFeatures.add(new FreezableBlock(time));
        SequentialBlock features = new SequentialBlock();
        features.add(new LambdaBlock(list -> new NDList(list.get(1)), "hidden"));
        features.add(PitchHead.features());
        timeWithFeatures.add(new ParallelBlock(list -> new NDList(list.get(0).get(0), list.get(1).singletonOrThrow()),
                List.of(Blocks.identityBlock(), features)));
        SequentialBlock net = new SequentialBlock();
        net.add(new ParallelBlock(list -> new NDList(list.get(0).get(0), list.get(0).get(1), list.get(1).get(0)),
                List.of(timeWithFeatures, Blocks.identityBlock())));
        net.add(new ParallelBlock(CoconetNet::sum,
                List.of(new LambdaBlock(list -> new NDList(perPitch(list.get(0), PianoRoll.VOICES)), "toRoll"),
                        PitchHead.correction(config, dropout))));
        return net;
    }

    /** The convolutions over time, up to the output layer: (batch, 8, steps, 46) and beat phases -> (batch, channels, steps). */
    private static SequentialBlock timeNetwork(CoconetConfig config, float dropout) {
        int c = config.channels();
        SequentialBlock net = new SequentialBlock();
        net.add(new LambdaBlock(input -> toFrames(input, config.beatPhases() > 0), "toFrames"));
        net.add(Conv1d.builder().setKernelShape(new Shape(3)).optPadding(new Shape(1)).setFilters(c).build());
        net.add(BatchNorm.builder().build());
        net.add(Activation.reluBlock());
        for (int i = 0; i < config.residualBlocks(); i++) {
            int d = config.timeDilations()[i % config.timeDilations().length];
            net.add(residual(Conv1d.builder().setKernelShape(new Shape(3)).optDilation(new Shape(d)).optPadding(new Shape(d)).setFilters(c).build(),
                    dropout));
        }
        return net;
    }

    /** x + dropout(ReLU(batch norm(convolution(x)))): a residual block, over time or over time x pitch. */
    static Block residual(Block convolution, float dropout) {
        SequentialBlock residual = new SequentialBlock();
        residual.add(convolution);
        residual.add(BatchNorm.builder().build());
        residual.add(Activation.reluBlock());
        if (dropout > 0) {
            residual.add(Dropout.builder().optRate(dropout).build());
        }
        return new ParallelBlock(CoconetNet::sum,
                List.of(residual, Blocks.identityBlock()));
    }

    /** Two branches' single outputs added: a residual connection, or logits and their correction. */
    private static NDList sum(List<NDList> branches) {
        return new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()));
    }

    /**
     * (batch, 8, steps, 46) -> (batch, 188, steps): the known roll of each voice, then one mask value per voice;
     * then, if the network reads them, the beat phases (batch, 4, steps) as 4 more features.
     */
    static NDList toFrames(NDList input, boolean beatPhases) {
        NDArray x = input.get(0);
        long batch = x.getShape().get(0);
        long steps = x.getShape().get(2);
        NDArray roll = x.get(":, 0:4, :, :").transpose(0, 1, 3, 2).reshape(batch, PianoRoll.VOICES * PianoRoll.PITCHES, steps);
        NDArray mask = x.get(":, 4:8, :, 0");
        NDArray frames = roll.concat(mask, 1);
        return new NDList(beatPhases ? frames.concat(input.get(1), 1) : frames);
    }

    /** (batch, k x 46, steps) -> (batch, k, steps, 46): k values for every pitch, as an image over time x pitch. */
    static NDArray perPitch(NDArray y, int k) {
        long batch = y.getShape().get(0);
        long steps = y.getShape().get(2);
        return y.reshape(batch, k, PianoRoll.PITCHES, steps).transpose(0, 1, 3, 2);
    }
}
