package org.kantor.models.drums;

/**
 * Drum hits on a 16th-note grid, as GrooVAE encodes them: for every step and every {@link DrumClass},
 * whether it is struck, how hard (velocity 0..1, MIDI velocity / 127) and how far from the grid
 * (offset in steps, -0.5..0.5: negative is ahead of the beat). Two hits of one drum on one step keep
 * the louder. A quantized part has every offset 0.
 */
public final class DrumPattern {

    public static final int STEPS_PER_BAR = 16;
    public static final int DRUMS = DrumClass.COUNT;
    /** Values per step in a performance: hit, velocity and offset of every drum. */
    public static final int PERFORMANCE_FEATURES = 3 * DRUMS;
    /** Values per step of a tap: struck, loudest velocity, that hit's offset. */
    public static final int TAP_FEATURES = 3;

    private final int steps;
    private final boolean[] hits;
    private final float[] velocities;
    private final float[] offsets;

    public DrumPattern(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("a drum pattern needs at least one step");
        }
        this.steps = steps;
        hits = new boolean[steps * DRUMS];
        velocities = new float[steps * DRUMS];
        offsets = new float[steps * DRUMS];
    }

    public int steps() {
        return steps;
    }

    public int bars() {
        return (steps + STEPS_PER_BAR - 1) / STEPS_PER_BAR;
    }

    public boolean hit(int step, DrumClass drum) {
        return hits[step * DRUMS + drum.ordinal()];
    }

    public boolean hit(int step, int drum) {
        return hits[step * DRUMS + drum];
    }

    public float velocity(int step, int drum) {
        return velocities[step * DRUMS + drum];
    }

    public float offset(int step, int drum) {
        return offsets[step * DRUMS + drum];
    }

    /** Strikes a drum; a second hit on the same step keeps the louder of the two. */
    public void strike(int step, DrumClass drum, float velocity, float offset) {
        strike(step, drum.ordinal(), velocity, offset);
    }

    public void strike(int step, int drum, float velocity, float offset) {
        int i = step * DRUMS + drum;
        if (hits[i] && velocities[i] >= velocity) {
            return;
        }
        hits[i] = true;
        velocities[i] = clamp(velocity, 0f, 1f);
        offsets[i] = clamp(offset, -0.5f, 0.5f);
    }

    /** Changes the performance of a hit that is already there. */
    public void perform(int step, int drum, float velocity, float offset) {
        int i = step * DRUMS + drum;
        if (!hits[i]) {
            throw new IllegalStateException("no hit of " + DrumClass.values()[drum] + " at step " + step);
        }
        velocities[i] = clamp(velocity, 0f, 1f);
        offsets[i] = clamp(offset, -0.5f, 0.5f);
    }

    public int hitCount() {
        int n = 0;
        for (boolean h : hits) {
            if (h) {
                n++;
            }
        }
        return n;
    }

    /** The steps {@code from} (inclusive) to {@code to} (exclusive); steps past the end are silent. */
    public DrumPattern window(int from, int to) {
        DrumPattern w = new DrumPattern(to - from);
        for (int s = from; s < Math.min(to, steps); s++) {
            int src = s * DRUMS;
            int dst = (s - from) * DRUMS;
            System.arraycopy(hits, src, w.hits, dst, DRUMS);
            System.arraycopy(velocities, src, w.velocities, dst, DRUMS);
            System.arraycopy(offsets, src, w.offsets, dst, DRUMS);
        }
        return w;
    }

    /** The same hits on the grid, every velocity the same: what a stiff, programmed part sounds like. */
    public DrumPattern quantized(float velocity) {
        DrumPattern q = new DrumPattern(steps);
        for (int i = 0; i < hits.length; i++) {
            if (hits[i]) {
                q.hits[i] = true;
                q.velocities[i] = velocity;
            }
        }
        return q;
    }

    /** Hit, velocity and offset of every drum at a step ({@link #PERFORMANCE_FEATURES} values), into {@code out}. */
    public void performanceFeatures(int step, float[] out, int at) {
        for (int d = 0; d < DRUMS; d++) {
            int i = step * DRUMS + d;
            out[at + d] = hits[i] ? 1f : 0f;
            out[at + DRUMS + d] = velocities[i];
            out[at + 2 * DRUMS + d] = offsets[i];
        }
    }

    /** Which drums are struck at a step ({@link #DRUMS} values), into {@code out}. */
    public void hitFeatures(int step, float[] out, int at) {
        for (int d = 0; d < DRUMS; d++) {
            out[at + d] = hits[step * DRUMS + d] ? 1f : 0f;
        }
    }

    /**
     * The rhythm alone, every drum folded into one (Drumify's input): whether anything is struck at
     * the step, the loudest velocity there and that hit's offset ({@link #TAP_FEATURES} values).
     */
    public void tapFeatures(int step, float[] out, int at) {
        float loudest = -1f;
        float offset = 0f;
        for (int d = 0; d < DRUMS; d++) {
            int i = step * DRUMS + d;
            if (hits[i] && velocities[i] > loudest) {
                loudest = velocities[i];
                offset = offsets[i];
            }
        }
        out[at] = loudest >= 0 ? 1f : 0f;
        out[at + 1] = Math.max(loudest, 0f);
        out[at + 2] = offset;
    }

    /** Every hit folded onto one drum, keeping the loudest of each step: a drummer's pattern as a tap. */
    public DrumPattern tap() {
        DrumPattern t = new DrumPattern(steps);
        float[] f = new float[TAP_FEATURES];
        for (int s = 0; s < steps; s++) {
            tapFeatures(s, f, 0);
            if (f[0] > 0) {
                t.strike(s, 0, f[1], f[2]);
            }
        }
        return t;
    }

    private static float clamp(float v, float lo, float hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
