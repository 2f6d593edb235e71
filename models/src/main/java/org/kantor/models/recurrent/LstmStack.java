package org.kantor.models.recurrent;

import java.util.Map;
import org.kantor.models.CompactWeights;

/** Stacked LSTM layers with a dense output on top, run one step at a time ({@link LstmInference}). */
public final class LstmStack {

    /** The recurrent state of every layer; copy it to branch several continuations from one primer. */
    public record State(float[][] h, float[][] c) {
        public State copy() {
            float[][] h2 = new float[h.length][];
            float[][] c2 = new float[c.length][];
            for (int i = 0; i < h.length; i++) {
                h2[i] = h[i].clone();
                c2[i] = c[i].clone();
            }
            return new State(h2, c2);
        }
    }

    private final LstmInference.Layer[] layers;
    private final LstmInference.Dense output;
    private final float[] logits;

    /**
     * @param lstmPrefix names up to the layer number, e.g. "01LSTM_l_"
     * @param densePrefix the output layer, e.g. "02Linear_"; null for a stack that is only advanced (an encoder)
     */
    public LstmStack(Map<String, CompactWeights.Array> arrays, String lstmPrefix, String densePrefix) {
        int count = 0;
        while (!LstmInference.under(arrays, lstmPrefix + count + "_").isEmpty()) {
            count++;
        }
        if (count == 0) {
            throw new IllegalStateException("the weights have no LSTM layers named " + lstmPrefix + "*");
        }
        layers = new LstmInference.Layer[count];
        for (int l = 0; l < count; l++) {
            layers[l] = new LstmInference.Layer(LstmInference.under(arrays, lstmPrefix + l + "_"), lstmPrefix + l + "_");
        }
        if (densePrefix == null) {
            output = null;
            logits = null;
        } else {
            var dense = LstmInference.under(arrays, densePrefix);
            output = new LstmInference.Dense(LstmInference.require(dense, "weight"), LstmInference.require(dense, "bias"));
            logits = new float[output.outputs];
        }
    }

    public int inputs() {
        return layers[0].inputs;
    }

    public State newState() {
        float[][] h = new float[layers.length][];
        float[][] c = new float[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            h[l] = new float[layers[l].hidden];
            c[l] = new float[layers[l].hidden];
        }
        return new State(h, c);
    }

    /** Advances the state by one input; returns the output layer's values (a shared buffer, overwritten by the next call). */
    public float[] step(State state, float[] input) {
        advance(state, input);
        output.apply(state.h()[layers.length - 1], logits);
        return logits;
    }

    /** Advances several states by one input each; returns each one's output values (new arrays). */
    public float[][] stepMany(State[] states, float[][] inputs) {
        int n = states.length;
        float[][] x = inputs;
        for (int l = 0; l < layers.length; l++) {
            float[][] h = new float[n][];
            float[][] c = new float[n][];
            float[][] gates = new float[n][4 * layers[l].hidden];
            for (int b = 0; b < n; b++) {
                h[b] = states[b].h()[l];
                c[b] = states[b].c()[l];
            }
            layers[l].stepMany(x, h, c, gates);
            x = h;
        }
        float[][] out = new float[n][output.outputs];
        for (int b = 0; b < n; b++) {
            output.apply(x[b], out[b]);
        }
        return out;
    }

    /** Advances the state without computing the output (for priming). */
    public void advance(State state, float[] input) {
        float[] x = input;
        for (int l = 0; l < layers.length; l++) {
            layers[l].step(x, state.h()[l], state.c()[l]);
            x = state.h()[l];
        }
    }
}
