package org.kantor.models.melody;

import org.kantor.models.recurrent.LstmInference;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The melody networks as DJL blocks, for training; {@link LstmInference} runs the same weights step by step. */
public final class MelodyNets {

    private MelodyNets() {
    }

    /** (batch, steps, decoderInput) to logits (batch, steps, vocabulary). */
    public static Block languageModel(MelodyNetConfig config) {
        return new SequentialBlock()
                .add(lstm(config.hidden(), config.layers(), false))
                .add(Linear.builder().setUnits(MelodyVocabulary.SIZE).build());
    }

    public static Block latentModel(MelodyNetConfig config) {
        return new LatentNet(config);
    }

    static LSTM lstm(int hidden, int layers, boolean bidirectional) {
        return LSTM.builder().setStateSize(hidden).setNumLayers(layers).optBatchFirst(true)
                .optBidirectional(bidirectional).optReturnState(false).build();
    }

    /**
     * The latent model. Inputs: encoder input (batch, steps, encoderInput), decoder input without the
     * latent (batch, steps, decoderInput - latent), noise (batch, latent). Outputs: logits, mean, log variance.
     */
    static final class LatentNet extends AbstractBlock {
        private final MelodyNetConfig config;
        private final Block forwardEncoder;
        private final Block backwardEncoder;
        private final Block toLatent;
        private final Block decoder;

        LatentNet(MelodyNetConfig config) {
            this.config = config;
            // two one-way LSTMs rather than DJL's bidirectional one, whose reverse weights are shaped wrongly
            forwardEncoder = addChildBlock("encoder_forward", lstm(config.encoderHidden(), 1, false));
            backwardEncoder = addChildBlock("encoder_backward", lstm(config.encoderHidden(), 1, false));
            toLatent = addChildBlock("to_latent", Linear.builder().setUnits(2L * config.latent()).build());
            decoder = addChildBlock("decoder", languageModel(config));
        }

        /** Mean and log variance of the latent for encoder input (batch, steps, encoderInput). */
        NDList encode(ParameterStore ps, NDArray input, boolean training) {
            long steps = input.getShape().get(1);
            NDArray forwards = forwardEncoder.forward(ps, new NDList(input), training).singletonOrThrow();
            NDArray backwards = backwardEncoder.forward(ps, new NDList(input.flip(1)), training).singletonOrThrow();
            // each direction has read the whole window at its last step
            NDArray summary = forwards.get(new NDIndex(":, {}, :", steps - 1)).concat(backwards.get(new NDIndex(":, {}, :", steps - 1)), -1);
            NDArray both = toLatent.forward(ps, new NDList(summary), training).singletonOrThrow();
            return new NDList(both.get(new NDIndex(":, :{}", config.latent())), both.get(new NDIndex(":, {}:", config.latent())));
        }

        NDArray decode(ParameterStore ps, NDArray decoderInput, NDArray z, boolean training) {
            long steps = decoderInput.getShape().get(1);
            NDArray repeated = z.expandDims(1).repeat(1, steps);
            return decoder.forward(ps, new NDList(decoderInput.concat(repeated, -1)), training).singletonOrThrow();
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
            Shape in = inputShapes[1];
            Shape latent = new Shape(in.get(0), config.latent());
            return new Shape[] {new Shape(in.get(0), in.get(1), MelodyVocabulary.SIZE), latent, latent};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape enc = inputShapes[0];
            forwardEncoder.initialize(manager, dataType, enc);
            backwardEncoder.initialize(manager, dataType, enc);
            toLatent.initialize(manager, dataType, new Shape(enc.get(0), 2L * config.encoderHidden()));
            Shape dec = inputShapes[1];
            decoder.initialize(manager, dataType, new Shape(dec.get(0), dec.get(1), dec.get(2) + config.latent()));
        }
    }
}
