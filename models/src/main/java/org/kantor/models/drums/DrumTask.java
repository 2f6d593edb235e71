package org.kantor.models.drums;

/** The two drum tools, each a model of its own with the same network shape and a different condition. */
public enum DrumTask {
    /** Hits on the grid -> a velocity and a timing offset for each (GrooVAE's Humanize / Magenta Studio's Groove). */
    GROOVE(DrumPattern.DRUMS + 1),
    /** A rhythm tapped on one drum -> a whole drum pattern with its groove (GrooVAE's Tap2Drum). */
    DRUMIFY(DrumPattern.TAP_FEATURES + 1);

    private final int conditionSize;

    DrumTask(int conditionSize) {
        this.conditionSize = conditionSize;
    }

    /** Values per step the decoder is given besides the latent code: the hits or the tap, and the tempo. */
    public int conditionSize() {
        return conditionSize;
    }

    /**
     * The decoder's condition at one step of a window. The tempo is given because a drummer's
     * push and drag, counted in 16ths, depend on it (the same 10 ms is more of a step at 180 than at 80).
     */
    public void condition(DrumPattern window, double tempo, int step, float[] out, int at) {
        if (this == GROOVE) {
            window.hitFeatures(step, out, at);
        } else {
            window.tapFeatures(step, out, at);
        }
        out[at + conditionSize - 1] = tempoFeature(tempo);
    }

    /** The tempo as the networks read it: 0 at 120 quarter notes per minute, 1 at 240. */
    static float tempoFeature(double tempo) {
        return (float) (Math.max(30, Math.min(300, tempo)) / 120.0 - 1);
    }

    public String resourceName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
