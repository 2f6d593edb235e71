package org.kantor.models.harmony;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A block that can be kept as trained while the blocks after it learn: frozen, its weights get no updates and it answers
 * as it does at inference (no dropout, batch norm with its running statistics, which stay as they were). Freezing the
 * weights alone would not do: the blocks after it would learn to correct its training-time answers, which it never gives
 * once trained.
 */
final class FreezableBlock extends AbstractBlock {

    private final Block inner;
    private boolean frozen;

    FreezableBlock(Block inner) {
        this.inner = addChildBlock("kept", inner);
    }

    /** From now on: no weight updates, and inference-time answers even while training. */
    void freeze() {
        inner.freezeParameters(true);
        frozen = true;
    }

    /** The first freezable block inside {@code block} (or {@code block} itself), if any. */
    static FreezableBlock find(Block block) {
        if (block instanceof FreezableBlock f) {
            return f;
        }
        for (var child : block.getChildren()) {
            FreezableBlock found = find(child.getValue());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return inner.forward(store, inputs, training && !frozen, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inner.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        inner.initialize(manager, dataType, inputShapes);
    }
}
