package org.kantor.models.melody;

import org.kantor.models.recurrent.LstmStack;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.kantor.models.CompactWeights;

/**
 * The trained melody language model (Continue): primes on a melody, then writes new steps one at a
 * time. Runs in plain Java from the weights shipped in the jar; no engine to start.
 */
public final class MelodyLanguageModel {

    public static final String RESOURCE = "/org/kantor/models/melody/language.weights";

    private final LstmStack net;
    private final float[] input = new float[MelodyInput.SIZE];

    private MelodyLanguageModel(LstmStack net) {
        this.net = net;
    }

    /** The weights inside the jar. */
    public static MelodyLanguageModel load() throws IOException {
        try (InputStream in = MelodyLanguageModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the melody language model is missing from the jar (" + RESOURCE + ")");
            }
            return read(in);
        }
    }

    public static MelodyLanguageModel read(InputStream weights) throws IOException {
        return new MelodyLanguageModel(new LstmStack(CompactWeights.readArrays(weights), "01LSTM_l_", "02Linear_"));
    }

    /** Where a melody stands after the model has read it: state plus the last token read. */
    public static final class Cursor {
        private final LstmStack.State state;
        private int last;

        private Cursor(LstmStack.State state, int last) {
            this.state = state;
            this.last = last;
        }

        public Cursor copy() {
            return new Cursor(state.copy(), last);
        }

        public int lastToken() {
            return last;
        }
    }

    /** Reads a primer melody (all its steps); an empty one leaves the model at the start of a piece. */
    public Cursor prime(Melody primer) {
        Cursor cursor = new Cursor(net.newState(), MelodyVocabulary.START);
        MelodyInput in = new MelodyInput(primer);
        for (int s = 0; s < primer.steps(); s++) {
            in.write(input, 0, cursor.last, primer.positions()[s]);
            net.advance(cursor.state, input);
            cursor.last = primer.tokens()[s];
        }
        return cursor;
    }

    /**
     * Writes one token per position from the cursor on (the cursor advances). The first new step never
     * holds: a continuation starts with a note or a rest of its own, so the primer stays as it was.
     */
    public int[] sample(Cursor cursor, MelodyInput in, int[] positions, double temperature, Random random) {
        return sampleMany(new Cursor[] {cursor}, in, positions, temperature, new Random[] {random})[0];
    }

    /**
     * {@link #sample} for several cursors at once (faster than one after another: the weights are read
     * once per step for all of them); each continuation draws from its own random source.
     */
    public int[][] sampleMany(Cursor[] cursors, MelodyInput in, int[] positions, double temperature, Random[] randoms) {
        int n = cursors.length;
        int[][] out = new int[n][positions.length];
        LstmStack.State[] states = new LstmStack.State[n];
        float[][] inputs = new float[n][MelodyInput.SIZE];
        for (int b = 0; b < n; b++) {
            states[b] = cursors[b].state;
        }
        for (int s = 0; s < positions.length; s++) {
            for (int b = 0; b < n; b++) {
                in.write(inputs[b], 0, cursors[b].last, positions[s]);
            }
            float[][] logits = net.stepMany(states, inputs);
            for (int b = 0; b < n; b++) {
                out[b][s] = TokenSampler.pick(logits[b], temperature, randoms[b], s > 0);
                cursors[b].last = out[b][s];
            }
        }
        return out;
    }

    /** Total negative log-likelihood (nats) of a melody's steps, read from the start. */
    public double negativeLogLikelihood(Melody melody) {
        LstmStack.State state = net.newState();
        MelodyInput in = new MelodyInput(melody);
        double nll = 0;
        for (int s = 0; s < melody.steps(); s++) {
            in.write(input, 0, melody.previous(s), melody.positions()[s]);
            nll -= TokenSampler.logProbability(net.step(state, input), melody.tokens()[s]);
        }
        return nll;
    }
}
