package org.kantor.models.melody;

import org.kantor.core.KeySignature;

/**
 * The latent model hears every melody in C (C major, or A minor for a minor key): its pitches move by
 * the shift that takes the key signature's major tonic to C, at most a tritone each way, an octave
 * further where the range needs it. A latent point then stands for a tune, not for a tune in one key,
 * and any point can be written in any key.
 */
final class KeyNormalization {

    static final int NONE = Integer.MIN_VALUE;

    private KeyNormalization() {
    }

    /** Semitones that take the key's major tonic to C, between -6 and +5. */
    static int shift(KeySignature key) {
        int tonic = MelodyFeatures.majorTonic(key);
        return -(Math.floorMod(tonic + 6, 12) - 6);
    }

    /** The key's shift, or that shift an octave up or down, that keeps these pitches in range; NONE when none does. */
    static int fitting(KeySignature key, int low, int high) {
        int s = shift(key);
        for (int candidate : new int[] {s, s - 12, s + 12}) {
            if (low > high || (low + candidate >= MelodyVocabulary.LOWEST && high + candidate <= MelodyVocabulary.HIGHEST)) {
                return candidate;
            }
        }
        return NONE;
    }

    /** {@link #fitting} for steps {@code from} to {@code to} of a melody and the step before them. */
    static int fitting(Melody m, int from, int to) {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int s = Math.max(0, from - 1); s < to; s++) {
            int t = m.tokens()[s];
            if (MelodyVocabulary.isNote(t)) {
                low = Math.min(low, MelodyVocabulary.pitch(t));
                high = Math.max(high, MelodyVocabulary.pitch(t));
            }
        }
        return fitting(m.key(), low, high);
    }

    /** Tokens written in C moved back into the key: by minus its shift, an octave further if the range needs it. */
    static int[] intoKey(int[] tokens, KeySignature key) {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int t : tokens) {
            if (MelodyVocabulary.isNote(t)) {
                low = Math.min(low, MelodyVocabulary.pitch(t));
                high = Math.max(high, MelodyVocabulary.pitch(t));
            }
        }
        int back = -shift(key);
        for (int candidate : new int[] {back, back - 12, back + 12}) {
            if (low > high || (low + candidate >= MelodyVocabulary.LOWEST && high + candidate <= MelodyVocabulary.HIGHEST)) {
                int[] out = new int[tokens.length];
                for (int i = 0; i < tokens.length; i++) {
                    out[i] = MelodyVocabulary.transpose(tokens[i], candidate);
                }
                return out;
            }
        }
        throw new IllegalStateException("the melody spans more than the model's range");
    }
}
