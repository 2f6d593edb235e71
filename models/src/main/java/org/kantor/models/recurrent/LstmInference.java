package org.kantor.models.recurrent;

import java.util.Map;
import org.kantor.models.CompactWeights;

/**
 * Runs trained LSTM and linear layers one step at a time in plain Java: generating a melody is a loop
 * of single steps for a handful of sequences, where a native engine's per-call cost would dominate.
 * Weights are stored input-major so each input value adds a scaled row (a loop the JIT vectorizes),
 * and the many zero inputs of one-hot vectors are skipped. Gate order is PyTorch's: input, forget,
 * cell, output.
 */
public final class LstmInference {

    private LstmInference() {
    }

    /** A dense layer y = W x + b. */
    public static final class Dense {
        public final int inputs;
        public final int outputs;
        private final float[] weightsByInput;
        private final float[] bias;

        public Dense(CompactWeights.Array weight, CompactWeights.Array bias) {
            outputs = weight.rows();
            inputs = weight.columns();
            weightsByInput = transpose(weight.values(), outputs, inputs);
            this.bias = bias.values().clone();
        }

        public void apply(float[] x, float[] y) {
            System.arraycopy(bias, 0, y, 0, outputs);
            for (int i = 0; i < inputs; i++) {
                float v = x[i];
                if (v != 0f) {
                    int row = i * outputs;
                    for (int o = 0; o < outputs; o++) {
                        y[o] += v * weightsByInput[row + o];
                    }
                }
            }
        }
    }

    /** One LSTM layer. */
    public static final class Layer {
        public final int inputs;
        public final int hidden;
        private final float[] inputWeights;
        private final float[] hiddenWeights;
        private final float[] bias;
        private final float[] gates;

        public Layer(Map<String, CompactWeights.Array> arrays, String prefix) {
            CompactWeights.Array wi = require(arrays, prefix + "i2h_WEIGHT");
            CompactWeights.Array wh = require(arrays, prefix + "h2h_WEIGHT");
            hidden = wh.columns();
            inputs = wi.columns();
            inputWeights = transpose(wi.values(), 4 * hidden, inputs);
            hiddenWeights = transpose(wh.values(), 4 * hidden, hidden);
            float[] bi = require(arrays, prefix + "i2h_BIAS").values();
            float[] bh = require(arrays, prefix + "h2h_BIAS").values();
            bias = new float[4 * hidden];
            for (int i = 0; i < bias.length; i++) {
                bias[i] = bi[i] + bh[i];
            }
            gates = new float[4 * hidden];
        }

        /** Advances {@code h} and {@code c} (updated in place) by one input. Not thread-safe: one model per thread. */
        public void step(float[] x, float[] h, float[] c) {
            stepMany(new float[][] {x}, new float[][] {h}, new float[][] {c}, new float[][] {gates});
        }

        /**
         * Advances several sequences at once: each weight row is read from memory once for all of them,
         * which is what bounds a step's time (the layer's weights do not fit in the caches).
         */
        public void stepMany(float[][] x, float[][] h, float[][] c, float[][] gateBuffers) {
            int g4 = 4 * hidden;
            int n = x.length;
            for (int b = 0; b < n; b++) {
                System.arraycopy(bias, 0, gateBuffers[b], 0, g4);
            }
            for (int i = 0; i < inputs; i++) {
                int row = i * g4;
                for (int b = 0; b < n; b++) {
                    float v = x[b][i];
                    if (v != 0f) {
                        float[] g = gateBuffers[b];
                        for (int o = 0; o < g4; o++) {
                            g[o] += v * inputWeights[row + o];
                        }
                    }
                }
            }
            for (int i = 0; i < hidden; i++) {
                int row = i * g4;
                for (int b = 0; b < n; b++) {
                    float v = h[b][i];
                    if (v != 0f) {
                        float[] g = gateBuffers[b];
                        for (int o = 0; o < g4; o++) {
                            g[o] += v * hiddenWeights[row + o];
                        }
                    }
                }
            }
            for (int b = 0; b < n; b++) {
                float[] g = gateBuffers[b];
                for (int j = 0; j < hidden; j++) {
                    float in = sigmoid(g[j]);
                    float forget = sigmoid(g[hidden + j]);
                    float cell = (float) Math.tanh(g[2 * hidden + j]);
                    float out = sigmoid(g[3 * hidden + j]);
                    c[b][j] = forget * c[b][j] + in * cell;
                    h[b][j] = out * (float) Math.tanh(c[b][j]);
                }
            }
        }
    }

    public static CompactWeights.Array require(Map<String, CompactWeights.Array> arrays, String suffix) {
        for (var e : arrays.entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                return e.getValue();
            }
        }
        throw new IllegalStateException("the weights have no array named *" + suffix);
    }

    /** The arrays whose names start with {@code prefix}, the prefix kept. */
    public static Map<String, CompactWeights.Array> under(Map<String, CompactWeights.Array> arrays, String prefix) {
        Map<String, CompactWeights.Array> out = new java.util.LinkedHashMap<>();
        arrays.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    private static float[] transpose(float[] rowsByColumns, int rows, int columns) {
        float[] out = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[c * rows + r] = rowsByColumns[r * columns + c];
            }
        }
        return out;
    }
}
