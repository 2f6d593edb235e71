package org.kantor.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.kantor.models.harmony.CoconetConfig;
import org.kantor.models.harmony.CoconetNet;
import org.kantor.models.harmony.RollBatch;

class CompactWeightsTest {

    @Test
    void halfPrecisionKeepsThreeSignificantDigits() {
        for (float f : new float[] {0f, 1f, -2.5f, 0.1f, 1234.5f, 6.1e-5f, -3.3e-3f, 65504f}) {
            float back = CompactWeights.Half.toFloat(CompactWeights.Half.fromFloat(f));
            assertEquals(f, back, Math.abs(f) * 1e-3 + 1e-7, "value " + f);
        }
        assertEquals(Float.POSITIVE_INFINITY, CompactWeights.Half.toFloat(CompactWeights.Half.fromFloat(1e6f)));
    }

    @Test
    void aNetworkGivesTheSameAnswersAfterSavingAndLoading() throws Exception {
        DjlEngine.get();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block original = CoconetNet.build(CoconetConfig.TINY);
            original.initialize(manager, DataType.FLOAT32, RollBatch.inputShapes(1, 16));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CompactWeights.write(original, bytes);

            Block copy = CoconetNet.build(CoconetConfig.TINY);
            copy.initialize(manager, DataType.FLOAT32, RollBatch.inputShapes(1, 16));
            CompactWeights.read(copy, manager, new ByteArrayInputStream(bytes.toByteArray()));

            NDList input = new NDList(manager.randomUniform(0, 1, new Shape(2, CoconetNet.INPUT_CHANNELS, 16, 46)),
                    manager.randomUniform(0, 1, new Shape(2, 4, 16)));
            float[] a = original.forward(new ParameterStore(manager, false), input, false).singletonOrThrow().toFloatArray();
            float[] b = copy.forward(new ParameterStore(manager, false), input, false).singletonOrThrow().toFloatArray();
            assertEquals(a.length, b.length);
            assertArrayEquals(a, b, 0.02f);
        }
    }

    @Test
    void weightsOfAnotherNetworkAreRefused() throws Exception {
        DjlEngine.get();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block small = CoconetNet.build(CoconetConfig.TINY);
            small.initialize(manager, DataType.FLOAT32, RollBatch.inputShapes(1, 16));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CompactWeights.write(small, bytes);
            Block other = CoconetNet.build(new CoconetConfig(16, 3, new int[] {1}, 4));
            other.initialize(manager, DataType.FLOAT32, RollBatch.inputShapes(1, 16));
            assertThrows(IOException.class, () -> CompactWeights.read(other, manager, new ByteArrayInputStream(bytes.toByteArray())));
        }
    }

}
