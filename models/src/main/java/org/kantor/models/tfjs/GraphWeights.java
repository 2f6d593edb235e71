package org.kantor.models.tfjs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The constants of a TensorFlow.js graph model, read from its weights manifest and the binary
 * shard: little-endian float32 and int32 values, in manifest order, each with its shape.
 */
final class GraphWeights {

    /** One constant: float or int values (the other is null) and the shape. */
    record Constant(long[] shape, float[] floats, int[] ints) {
    }

    private GraphWeights() {
    }

    static Map<String, Constant> read(JsonObject manifestGroup, byte[] shard) {
        ByteBuffer data = ByteBuffer.wrap(shard).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Constant> constants = new LinkedHashMap<>();
        for (JsonElement element : manifestGroup.getAsJsonArray("weights")) {
            JsonObject weight = element.getAsJsonObject();
            if (weight.has("quantization")) {
                throw new IllegalArgumentException("quantized weights are not supported: " + weight.get("name"));
            }
            long[] shape = new long[weight.getAsJsonArray("shape").size()];
            long size = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = weight.getAsJsonArray("shape").get(i).getAsLong();
                size *= shape[i];
            }
            String dtype = weight.get("dtype").getAsString();
            String name = weight.get("name").getAsString();
            if (data.remaining() < size * 4) {
                throw new IllegalArgumentException("the weights file ends before " + name);
            }
            switch (dtype) {
                case "float32" -> {
                    float[] values = new float[(int) size];
                    data.asFloatBuffer().get(values);
                    constants.put(name, new Constant(shape, values, null));
                }
                case "int32" -> {
                    int[] values = new int[(int) size];
                    data.asIntBuffer().get(values);
                    constants.put(name, new Constant(shape, null, values));
                }
                default -> throw new IllegalArgumentException("unsupported weight type " + dtype + " for " + name);
            }
            data.position(data.position() + (int) size * 4);
        }
        return constants;
    }
}
