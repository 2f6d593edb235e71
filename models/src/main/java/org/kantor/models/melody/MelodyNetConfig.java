package org.kantor.models.melody;

/**
 * Sizes of the melody networks. The language model is an LSTM over the melody tokens (MelodyRNN's
 * design); the latent model is a small MusicVAE: a bidirectional LSTM encoder of two measures into
 * a latent vector, and an LSTM decoder that writes the two measures back from it.
 */
public record MelodyNetConfig(int hidden, int layers, int latent, int encoderHidden) {

    public static final MelodyNetConfig LANGUAGE = new MelodyNetConfig(256, 2, 0, 0);
    public static final MelodyNetConfig LATENT = new MelodyNetConfig(256, 2, 64, 256);

    /** Width of one step's input to the language model or the decoder: previous token, features, latent. */
    public int decoderInput() {
        return MelodyVocabulary.INPUTS + MelodyFeatures.SIZE + latent;
    }

    /** Width of one step's input to the encoder: this step's token and its features. */
    public int encoderInput() {
        return MelodyVocabulary.INPUTS + MelodyFeatures.SIZE;
    }

    public boolean isLatent() {
        return latent > 0;
    }

    public String describe() {
        return isLatent()
                ? String.format("latent model: encoder BiLSTM %d, latent %d, decoder LSTM %dx%d", encoderHidden, latent, layers, hidden)
                : String.format("language model: LSTM %dx%d", layers, hidden);
    }
}
