package org.kantor.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Weights as shipped inside the jar: every parameter of a block, in order, as half-precision floats,
 * gzipped. Half precision halves the size (a 2-million-parameter model fits in about 4 MB) and changes
 * the network's outputs by far less than its own uncertainty.
 */
public final class CompactWeights {

    private static final int MAGIC = 0x4B4E5457; // "KNTW"
    private static final int VERSION = 1;

    private CompactWeights() {
    }

    public static void write(Block block, OutputStream target) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(target))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            var parameters = block.getParameters();
            out.writeInt(parameters.size());
            for (Pair<String, Parameter> p : parameters) {
                NDArray array = p.getValue().getArray();
                out.writeUTF(p.getKey());
                long[] shape = array.getShape().getShape();
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                for (float f : array.toFloatArray()) {
                    out.writeShort(Half.fromFloat(f));
                }
            }
        }
    }

    /** Loads weights written by {@link #write} into a block of the same architecture (initialized or not). */
    public static void read(Block block, NDManager manager, InputStream source) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(source))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a Kantor weights file");
            }
            var parameters = block.getParameters();
            int count = in.readInt();
            if (count != parameters.size()) {
                throw new IOException("the weights have " + count + " parameters, the network " + parameters.size());
            }
            for (Pair<String, Parameter> p : parameters) {
                String name = in.readUTF();
                if (!name.equals(p.getKey())) {
                    throw new IOException("weights for " + name + " where the network has " + p.getKey());
                }
                long[] shape = new long[in.readInt()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = in.readLong();
                }
                Shape s = new Shape(shape);
                float[] values = new float[Math.toIntExact(s.size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Half.toFloat(in.readShort());
                }
                NDArray array = manager.create(values, s);
                Parameter parameter = p.getValue();
                if (parameter.isInitialized()) {
                    parameter.getArray().set(array.toByteBuffer());
                    array.close();
                } else {
                    parameter.setArray(array);
                }
            }
        }
    }

    /** One array of a weights file, for code that runs a network without DJL. */
    public record Array(long[] shape, float[] values) {
        public int rows() {
            return (int) shape[0];
        }

        public int columns() {
            return shape.length > 1 ? (int) shape[1] : 1;
        }
    }

    /** Reads the arrays of a weights file by name, in the order they were written. */
    public static java.util.Map<String, Array> readArrays(InputStream source) throws IOException {
        java.util.Map<String, Array> arrays = new java.util.LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(source)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a Kantor weights file");
            }
            int count = in.readInt();
            for (int p = 0; p < count; p++) {
                String name = in.readUTF();
                long[] shape = new long[in.readInt()];
                long size = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = in.readLong();
                    size *= shape[i];
                }
                float[] values = new float[Math.toIntExact(size)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Half.toFloat(in.readShort());
                }
                arrays.put(name, new Array(shape, values));
            }
        }
        return arrays;
    }

    /** IEEE 754 half-precision conversion (Java 17 has none built in). */
    static final class Half {
        private Half() {
        }

        static short fromFloat(float value) {
            int bits = Float.floatToIntBits(value);
            int sign = (bits >>> 16) & 0x8000;
            int exponent = ((bits >>> 23) & 0xFF) - 127 + 15;
            int mantissa = bits & 0x7FFFFF;
            if (((bits >>> 23) & 0xFF) == 0xFF) {
                return (short) (sign | 0x7C00 | (mantissa != 0 ? 0x200 : 0));
            }
            if (exponent >= 0x1F) {
                return (short) (sign | 0x7C00);
            }
            if (exponent <= 0) {
                if (exponent < -10) {
                    return (short) sign;
                }
                mantissa |= 0x800000;
                int shift = 14 - exponent;
                int half = mantissa >> shift;
                int rest = mantissa & ((1 << shift) - 1);
                int halfway = 1 << (shift - 1);
                if (rest > halfway || (rest == halfway && (half & 1) != 0)) {
                    half++;
                }
                return (short) (sign | half);
            }
            int half = (exponent << 10) | (mantissa >> 13);
            int rest = mantissa & 0x1FFF;
            if (rest > 0x1000 || (rest == 0x1000 && (half & 1) != 0)) {
                half++;
            }
            return (short) (sign | half);
        }

        static float toFloat(short value) {
            int h = value & 0xFFFF;
            int sign = (h & 0x8000) << 16;
            int exponent = (h >>> 10) & 0x1F;
            int mantissa = h & 0x3FF;
            if (exponent == 0) {
                if (mantissa == 0) {
                    return Float.intBitsToFloat(sign);
                }
                float f = mantissa / 1024f * (float) Math.pow(2, -14);
                return sign == 0 ? f : -f;
            }
            if (exponent == 0x1F) {
                return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
            }
            return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
        }
    }
}
