package org.kantor.models.drums;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The drum network as a DJL block, for training; {@link DrumModel} runs the same weights in plain Java.
 * Inputs: the performance (batch, steps, {@link DrumPattern#PERFORMANCE_FEATURES}), the condition
 * (batch, steps, task's size) and noise (batch, latent). Outputs: raw values (batch, steps,
 * {@link DrumPattern#PERFORMANCE_FEATURES}: hit logits, velocity logits, offset pre-activations), the
 * latent mean and its log variance.
 */
public final class DrumNets {

    /** The encoder's log variance is kept within these bounds (the prior's is 0). */
    static final float MIN_LOG_VARIANCE = -10f;
    static final float MAX_LOG_VARIANCE = 2f;

    /** Raw outputs per step: a hit logit, a velocity logit and an offset pre-activation for every drum. */
    public static final int OUTPUTS = DrumPattern.PERFORMANCE_FEATURES;

    private DrumNets() {
    }

    public static Block build(DrumNetConfig config) {
        return new DrumVae(config);
    }

    static LSTM lstm(int hidden) {
        return LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).optReturnState(false).build();
    }

    static final class DrumVae extends AbstractBlock {
        private final DrumNetConfig config;
        // two one-way LSTMs per layer rather than DJL's bidirectional one, whose reverse weights are shaped wrongly
        private final Block encoderForward;
        private final Block encoderBackward;
        private final Block toLatent;
        private final Block decoderForward0;
        private final Block decoderBackward0;
        private final Block decoderForward1;
        private final Block decoderBackward1;
        private final Block output;

        DrumVae(DrumNetConfig config) {
            this.config = config;
            int h = config.hidden();
            encoderForward = addChildBlock("encoder_forward", lstm(h));
            encoderBackward = addChildBlock("encoder_backward", lstm(h));
            toLatent = addChildBlock("to_latent", Linear.builder().setUnits(2L * config.latent()).build());
            decoderForward0 = addChildBlock("decoder_forward0", lstm(h));
            decoderBackward0 = addChildBlock("decoder_backward0", lstm(h));
            decoderForward1 = addChildBlock("decoder_forward1", lstm(h));
            decoderBackward1 = addChildBlock("decoder_backward1", lstm(h));
            output = addChildBlock("output", Linear.builder().setUnits(OUTPUTS).build());
        }

        /** Mean and log variance of the latent code of performances (batch, steps, features). */
        NDList encode(ParameterStore ps, NDArray performance, boolean training) {
            long steps = performance.getShape().get(1);
            NDArray f = encoderForward.forward(ps, new NDList(performance), training).singletonOrThrow();
            NDArray b = encoderBackward.forward(ps, new NDList(performance.flip(1)), training).singletonOrThrow();
            // each direction has read the whole window at its last step
            NDArray summary = f.get(new NDIndex(":, {}, :", steps - 1)).concat(b.get(new NDIndex(":, {}, :", steps - 1)), -1);
            NDArray both = toLatent.forward(ps, new NDList(summary), training).singletonOrThrow();
            int z = config.latent();
            // a posterior wider than the prior is never wanted; unbounded, its KL term blew a Groove run's loss up 30-fold at step 3,200
            NDArray logVar = both.get(new NDIndex(":, {}:", z)).clip(MIN_LOG_VARIANCE, MAX_LOG_VARIANCE);
            return new NDList(both.get(new NDIndex(":, :{}", z)), logVar);
        }

        /** Raw outputs (batch, steps, {@link #OUTPUTS}) for a condition and latent codes (batch, latent). */
        NDArray decode(ParameterStore ps, NDArray condition, NDArray z, boolean training) {
            long steps = condition.getShape().get(1);
            NDArray in = condition.concat(z.expandDims(1).repeat(1, steps), -1);
            NDArray layer0 = bidirectional(ps, decoderForward0, decoderBackward0, in, training);
            NDArray layer1 = bidirectional(ps, decoderForward1, decoderBackward1, layer0, training);
            return output.forward(ps, new NDList(layer1), training).singletonOrThrow();
        }

        private static NDArray bidirectional(ParameterStore ps, Block forward, Block backward, NDArray in, boolean training) {
            NDArray f = forward.forward(ps, new NDList(in), training).singletonOrThrow();
            NDArray b = backward.forward(ps, new NDList(in.flip(1)), training).singletonOrThrow().flip(1);
            return f.concat(b, -1);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDList meanLogVar = encode(ps, inputs.get(0), training);
            NDArray mean = meanLogVar.get(0);
            NDArray logVar = meanLogVar.get(1);
            NDArray z = mean.add(logVar.mul(0.5f).exp().mul(inputs.get(2)));
            return new NDList(decode(ps, inputs.get(1), z, training), mean, logVar);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape in = inputShapes[0];
            Shape latent = new Shape(in.get(0), config.latent());
            return new Shape[] {new Shape(in.get(0), in.get(1), OUTPUTS), latent, latent};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape perf = inputShapes[0];
            long batch = perf.get(0);
            long steps = perf.get(1);
            int h = config.hidden();
            encoderForward.initialize(manager, dataType, perf);
            encoderBackward.initialize(manager, dataType, perf);
            toLatent.initialize(manager, dataType, new Shape(batch, 2L * h));
            Shape decoderIn = new Shape(batch, steps, config.task().conditionSize() + config.latent());
            decoderForward0.initialize(manager, dataType, decoderIn);
            decoderBackward0.initialize(manager, dataType, decoderIn);
            Shape hidden = new Shape(batch, steps, 2L * h);
            decoderForward1.initialize(manager, dataType, hidden);
            decoderBackward1.initialize(manager, dataType, hidden);
            output.initialize(manager, dataType, hidden);
        }
    }
}
