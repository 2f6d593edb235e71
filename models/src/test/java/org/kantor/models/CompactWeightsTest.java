package org.kantor.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void eightBitWeightsKeepEachRowWithinHalfAStepOfItsScale() throws Exception {
        DjlEngine.get();
        try (NDManager manager = NDManager.newBaseManager()) {
            // 48 channels: kernels of 48 x 48 x 3 values, large enough to be stored in 8 bits
            Block original = CoconetNet.build(new CoconetConfig(48, 2, new int[] {1, 2}, 4));
            original.initialize(manager, DataType.FLOAT32, RollBatch.inputShapes(1, 16));
            ByteArrayOutputStream half = new ByteArrayOutputStream();
            CompactWeights.write(original, half);
            ByteArrayOutputStream int8 = new ByteArrayOutputStream();
            CompactWeights.write(original, int8, CompactWeights.Precision.INT8);
            assertTrue(int8.size() < half.size(), int8.size() + " bytes in 8 bits, " + half.size() + " in half precision");

            var arrays = CompactWeights.readArrays(new ByteArrayInputStream(int8.toByteArray()));
            int quantized = 0;
            for (var p : original.getParameters()) {
                float[] before = p.getValue().getArray().toFloatArray();
                float[] after = arrays.get(p.getKey()).values();
                assertEquals(before.length, after.length, p.getKey());
                int rows = (int) p.getValue().getArray().getShape().get(0);
                int columns = before.length / rows;
                for (int r = 0; r < rows; r++) {
                    float largest = 0;
                    for (int c = 0; c < columns; c++) {
                        largest = Math.max(largest, Math.abs(before[r * columns + c]));
                    }
                    for (int c = 0; c < columns; c++) {
                        // 8 bits: half a step of largest / 127; the small arrays stay in half precision
                        float allowed = Math.max(largest / 254f * 1.01f, Math.abs(before[r * columns + c]) * 1e-3f) + 1e-7f;
                        assertEquals(before[r * columns + c], after[r * columns + c], allowed, p.getKey() + " row " + r);
                    }
                }
                if (before.length >= 4096) {
                    quantized++;
                }
            }
            assertTrue(quantized > 0, "the network has large arrays to quantize");
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
