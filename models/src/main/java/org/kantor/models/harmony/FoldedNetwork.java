package org.kantor.models.harmony;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.norm.BatchNorm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trained harmony network made ready to answer, not to learn: each batch norm is merged into the
 * convolution before it (at inference it is a fixed per-channel scale and shift), and the layers run as
 * bare tensor operations rather than through DJL's block tree. The answers are the network's own, to
 * float rounding; every Gibbs round of a harmonization is one call, so the saved batch norms and
 * dispatch add up.
 *
 * <p>Only the plain network folds: the input convolution, the residual blocks over time, the output
 * convolution. A network with a pitch head answers through its blocks ({@link #of} is empty).
 */
final class FoldedNetwork {

    /** DJL's batch-norm default, which every block of {@link CoconetNet} uses. */
    private static final float BATCH_NORM_EPSILON = 1e-5f;

    /** One convolution with its batch norm merged in (or none, for the output layer). */
    private record Layer(NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation) {
        NDArray apply(NDArray x) {
            return Conv1d.conv1d(x, weight, bias, stride, padding, dilation).singletonOrThrow();
        }
    }

    private final Layer input;
    private final List<Layer> residuals;
    private final Layer output;
    private final boolean beatPhases;

    private FoldedNetwork(Layer input, List<Layer> residuals, Layer output, boolean beatPhases) {
        this.input = input;
        this.residuals = residuals;
        this.output = output;
        this.beatPhases = beatPhases;
    }

    /**
     * The folded copy of a trained network built by {@link CoconetNet#build}; its arrays live in {@code manager}.
     * Empty for a network with a pitch head, or if the block is not laid out as this class expects.
     */
    static Optional<FoldedNetwork> of(Block network, CoconetConfig config, NDManager manager) {
        if (config.hasPitchHead()) {
            return Optional.empty();
        }
        List<Block> layers = new ArrayList<>();
        collect(network, layers);
        // expected: (conv, norm) for the input, (conv, norm) per residual block, then the output conv
        int expected = 2 * (1 + config.residualBlocks()) + 1;
        if (layers.size() != expected || !(layers.get(expected - 1) instanceof Convolution)) {
            return Optional.empty();
        }
        List<Layer> folded = new ArrayList<>();
        for (int i = 0; i + 1 < expected; i += 2) {
            if (!(layers.get(i) instanceof Convolution conv) || !(layers.get(i + 1) instanceof BatchNorm norm)) {
                return Optional.empty();
            }
            folded.add(fold(conv, norm, manager));
        }
        Convolution last = (Convolution) layers.get(expected - 1);
        Layer output = new Layer(parameter(last, "weight", manager), last.isIncludeBias() ? parameter(last, "bias", manager) : null,
                last.getStride(), last.getPadding(), last.getDilation());
        return Optional.of(new FoldedNetwork(folded.get(0), List.copyOf(folded.subList(1, folded.size())), output,
                config.beatPhases() > 0));
    }

    /** Logits (batch, 4, steps, 46) for the network's input (see {@link RollBatch#networkInput}). */
    NDArray forward(NDList networkInput) {
        NDArray x = CoconetNet.toFrames(networkInput, beatPhases).singletonOrThrow();
        x = Activation.relu(input.apply(x));
        for (Layer residual : residuals) {
            x = Activation.relu(residual.apply(x)).add(x);
        }
        return CoconetNet.perPitch(output.apply(x), PianoRoll.VOICES);
    }

    /** The convolutions and batch norms of a block tree, depth first, in the order they run. */
    private static void collect(Block block, List<Block> out) {
        if (block instanceof Convolution || block instanceof BatchNorm) {
            out.add(block);
            return;
        }
        for (Block child : block.getChildren().values()) {
            collect(child, out);
        }
    }

    /** norm(conv(x)) = gamma (w x + b - mean) / sqrt(var + eps) + beta = w' x + b'. */
    private static Layer fold(Convolution conv, BatchNorm norm, NDManager manager) {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray scale = parameter(norm, "gamma", scratch).div(parameter(norm, "runningVar", scratch).add(BATCH_NORM_EPSILON).sqrt());
            NDArray weight = parameter(conv, "weight", scratch).mul(scale.reshape(-1, 1, 1));
            NDArray bias = conv.isIncludeBias() ? parameter(conv, "bias", scratch) : scale.zerosLike();
            NDArray foldedBias = bias.sub(parameter(norm, "runningMean", scratch)).mul(scale).add(parameter(norm, "beta", scratch));
            weight.attach(manager);
            foldedBias.attach(manager);
            return new Layer(weight, foldedBias, conv.getStride(), conv.getPadding(), conv.getDilation());
        }
    }

    /** A copy of a block's parameter in {@code manager}: the block's own arrays stay as they are. */
    private static NDArray parameter(Block block, String name, NDManager manager) {
        NDArray copy = block.getParameters().get(name).getArray().duplicate();
        copy.attach(manager);
        return copy;
    }
}
