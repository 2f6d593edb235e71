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
 * Weights as shipped inside the jar: every parameter of a block, in order, gzipped. Each array is
 * stored either as half-precision floats or, for large weight matrices when asked, as 8-bit integers
 * with one scale per output row. Half precision halves the size (a 2-million-parameter model fits in
 * about 4 MB); 8 bits halve it again, which lets a wider network ship in a few MB. Both change the
 * network's outputs by far less than its own uncertainty: the harmony model card records the
 * measured effect on its likelihood.
 */
public final class CompactWeights {

    private static final int MAGIC = 0x4B4E5457; // "KNTW"
    /** Version 1: every array in half precision. Version 2: a precision byte before each array's values. */
    private static final int VERSION_HALF_ONLY = 1;
    private static final int VERSION_PER_ARRAY = 2;

    private static final byte HALF = 0;
    private static final byte INT8_ROWS = 1;
    /** Arrays smaller than this (biases, batch-norm statistics) stay in half precision: they cost nothing. */
    private static final int SMALLEST_QUANTIZED = 4096;

    /** How the large arrays are stored. */
    public enum Precision {
        /** 16-bit floats. */
        HALF,
        /** 8-bit integers scaled per output row, for weight arrays of 4096 values or more. */
        INT8
    }

    private CompactWeights() {
    }

    /** Writes every array in half precision (version 1, which every reader understands). */
    public static void write(Block block, OutputStream target) throws IOException {
        write(block, target, Precision.HALF);
    }

    public static void write(Block block, OutputStream target, Precision precision) throws IOException {
        boolean perArray = precision != Precision.HALF;
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(new GZIPOutputStream(target)))) {
            out.writeInt(MAGIC);
            out.writeInt(perArray ? VERSION_PER_ARRAY : VERSION_HALF_ONLY);
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
                float[] values = array.toFloatArray();
                if (!perArray) {
                    writeHalf(out, values);
                } else if (shape.length >= 2 && values.length >= SMALLEST_QUANTIZED) {
                    out.writeByte(INT8_ROWS);
                    writeInt8Rows(out, values, (int) shape[0]);
                } else {
                    out.writeByte(HALF);
                    writeHalf(out, values);
                }
            }
        }
    }

    private static void writeHalf(DataOutputStream out, float[] values) throws IOException {
        for (float f : values) {
            out.writeShort(Half.fromFloat(f));
        }
    }

    /** Symmetric 8-bit quantization with one scale per row: a row's largest magnitude maps to 127. */
    private static void writeInt8Rows(DataOutputStream out, float[] values, int rows) throws IOException {
        int columns = values.length / rows;
        for (int r = 0; r < rows; r++) {
            float largest = 0;
            for (int c = 0; c < columns; c++) {
                largest = Math.max(largest, Math.abs(values[r * columns + c]));
            }
            float scale = largest / 127f;
            out.writeFloat(scale);
            for (int c = 0; c < columns; c++) {
                out.writeByte(scale == 0 ? 0 : Math.round(values[r * columns + c] / scale));
            }
        }
    }

    /** Loads weights written by {@link #write} into a block of the same architecture (initialized or not). */
    public static void read(Block block, NDManager manager, InputStream source) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(source)))) {
            int version = readHeader(in);
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
                Array stored = readArray(in, version);
                NDArray array = manager.create(stored.values(), new Shape(stored.shape()));
                Parameter parameter = p.getValue();
                if (parameter.isInitialized()) {
                    if (!parameter.getArray().getShape().equals(array.getShape())) {
                        throw new IOException("weights for " + name + " have the shape " + array.getShape()
                                + " where the network has " + parameter.getArray().getShape());
                    }
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
            int version = readHeader(in);
            int count = in.readInt();
            for (int p = 0; p < count; p++) {
                String name = in.readUTF();
                arrays.put(name, readArray(in, version));
            }
        }
        return arrays;
    }

    private static int readHeader(DataInputStream in) throws IOException {
        int magic = in.readInt();
        int version = in.readInt();
        if (magic != MAGIC || (version != VERSION_HALF_ONLY && version != VERSION_PER_ARRAY)) {
            throw new IOException("not a Kantor weights file");
        }
        return version;
    }

    /** An array's shape and values, after its name. */
    private static Array readArray(DataInputStream in, int version) throws IOException {
        long[] shape = new long[in.readInt()];
        long size = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = in.readLong();
            size *= shape[i];
        }
        float[] values = new float[Math.toIntExact(size)];
        byte precision = version == VERSION_HALF_ONLY ? HALF : in.readByte();
        if (precision == HALF) {
            for (int i = 0; i < values.length; i++) {
                values[i] = Half.toFloat(in.readShort());
            }
        } else if (precision == INT8_ROWS && shape.length >= 1) {
            int rows = (int) shape[0];
            int columns = values.length / rows;
            for (int r = 0; r < rows; r++) {
                float scale = in.readFloat();
                for (int c = 0; c < columns; c++) {
                    values[r * columns + c] = in.readByte() * scale;
                }
            }
        } else {
            throw new IOException("unknown precision " + precision + " in a Kantor weights file");
        }
        return new Array(shape, values);
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
