package org.kantor.models.melody;

import org.kantor.models.recurrent.LstmInference;
import org.kantor.models.recurrent.LstmStack;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Random;
import org.kantor.core.KeySignature;
import org.kantor.core.TimeSignature;
import org.kantor.models.CompactWeights;

/**
 * The trained two-measure latent model (Generate, Interpolate): encodes two measures of melody into a
 * point of a {@link #latentSize()}-dimensional space and decodes any point back into two measures.
 * Runs in plain Java from the weights shipped in the jar.
 */
public final class MelodyLatentModel {

    public static final String RESOURCE = "/org/kantor/models/melody/latent.weights";

    private final LstmStack forwardEncoder;
    private final LstmStack backwardEncoder;
    private final LstmInference.Dense toLatent;
    private final LstmStack decoder;
    private final int latent;
    private final float[] input;

    private MelodyLatentModel(Map<String, CompactWeights.Array> arrays) {
        // each direction's last hidden state goes to the latent layer: the encoders have no output layer of their own
        forwardEncoder = new LstmStack(arrays, "01encoder_forward_l_", null);
        backwardEncoder = new LstmStack(arrays, "02encoder_backward_l_", null);
        var dense = LstmInference.under(arrays, "03to_latent_");
        toLatent = new LstmInference.Dense(LstmInference.require(dense, "weight"), LstmInference.require(dense, "bias"));
        decoder = new LstmStack(arrays, "04decoder_01LSTM_l_", "04decoder_02Linear_");
        latent = toLatent.outputs / 2;
        input = new float[MelodyInput.SIZE + latent];
    }

    public static MelodyLatentModel load() throws IOException {
        try (InputStream in = MelodyLatentModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the melody latent model is missing from the jar (" + RESOURCE + ")");
            }
            return read(in);
        }
    }

    public static MelodyLatentModel read(InputStream weights) throws IOException {
        return new MelodyLatentModel(CompactWeights.readArrays(weights));
    }

    public int latentSize() {
        return latent;
    }

    /** The mean of the latent distribution of a window (two measures starting on a downbeat). */
    public float[] encode(Melody window) {
        int shift = KeyNormalization.fitting(window, 0, window.steps());
        if (shift == KeyNormalization.NONE) {
            throw new IllegalArgumentException("the melody spans more than the model's range");
        }
        MelodyInput in = new MelodyInput(window.meter(), window.key(), shift);
        LstmStack.State f = forwardEncoder.newState();
        LstmStack.State b = backwardEncoder.newState();
        float[] x = new float[MelodyInput.SIZE];
        int n = window.steps();
        for (int s = 0; s < n; s++) {
            in.write(x, 0, window.tokens()[s], window.positions()[s]);
            forwardEncoder.advance(f, x);
            in.write(x, 0, window.tokens()[n - 1 - s], window.positions()[n - 1 - s]);
            backwardEncoder.advance(b, x);
        }
        int h = f.h()[0].length;
        float[] summary = new float[2 * h];
        System.arraycopy(f.h()[0], 0, summary, 0, h);
        System.arraycopy(b.h()[0], 0, summary, h, h);
        float[] both = new float[2 * latent];
        toLatent.apply(summary, both);
        return java.util.Arrays.copyOf(both, latent);
    }

    /**
     * Decodes a latent point into one token per position, in the given meter and key. {@code previous}
     * is the token before the window (START for none); a window that starts a piece never begins with HOLD.
     */
    public int[] decode(float[] z, TimeSignature meter, KeySignature key, int[] positions, int previous, double temperature, Random random) {
        int shift = KeyNormalization.shift(key);
        // the decoder writes in C: its inputs are its own tokens, with the features of the key moved to C
        MelodyInput in = new MelodyInput(meter, new KeySignature(0, key.mode()), 0);
        LstmStack.State state = decoder.newState();
        int[] out = new int[positions.length];
        int last = previous;
        if (MelodyVocabulary.isNote(previous)) {
            int p = MelodyVocabulary.pitch(previous) + shift;
            last = MelodyVocabulary.inRange(p) ? MelodyVocabulary.note(p) : MelodyVocabulary.REST;
        }
        System.arraycopy(z, 0, input, MelodyInput.SIZE, latent);
        for (int s = 0; s < positions.length; s++) {
            in.write(input, 0, last, positions[s]);
            float[] logits = decoder.step(state, input);
            out[s] = TokenSampler.pick(logits, temperature, random, s > 0 || MelodyVocabulary.isNote(last));
            last = out[s];
        }
        return KeyNormalization.intoKey(out, key);
    }

    /** Teacher-forced share of a window's tokens the decoder predicts right from the encoded point. */
    public int[] teacherForcedCorrect(Melody window) {
        float[] z = encode(window);
        int shift = KeyNormalization.fitting(window, 0, window.steps());
        MelodyInput in = new MelodyInput(window.meter(), window.key(), shift);
        LstmStack.State state = decoder.newState();
        System.arraycopy(z, 0, input, MelodyInput.SIZE, latent);
        int correct = 0;
        for (int s = 0; s < window.steps(); s++) {
            in.write(input, 0, s == 0 ? MelodyVocabulary.START : window.tokens()[s - 1], window.positions()[s]);
            float[] logits = decoder.step(state, input);
            if (TokenSampler.pick(logits, 0, null, true) == MelodyVocabulary.transpose(window.tokens()[s], shift)) {
                correct++;
            }
        }
        return new int[] {correct, window.steps()};
    }
}
