package org.kantor.models.drums;

/**
 * The shape of a drum network: a conditional variational autoencoder in GrooVAE's manner. A
 * bidirectional LSTM encoder reads a whole performance window into a latent code; a two-layer
 * bidirectional LSTM decoder reads the condition (the hits, or the tap) with the code and gives, per
 * step and drum, a hit logit, a velocity and an offset. At use the code is drawn from the prior, so
 * the temperature and seed choose the feel.
 *
 * @param bars the window length the network is trained on
 */
public record DrumNetConfig(DrumTask task, int hidden, int latent, int bars) {

    public static DrumNetConfig defaults(DrumTask task) {
        return new DrumNetConfig(task, 128, 32, 2);
    }

    public int steps() {
        return bars * DrumPattern.STEPS_PER_BAR;
    }

    public String describe() {
        return String.format("%s network (%d-unit bidirectional LSTMs, %d-dimensional latent code, %d-bar windows)",
                task.resourceName(), hidden, latent, bars);
    }
}
