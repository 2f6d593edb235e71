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

    /** {@code base}, or {@code base} an octave down or up, whichever first keeps {@code range} in the model's range; NONE if none does. */
    private static int octaveThatFits(int base, int[] range) {
        for (int candidate : new int[] {base, base - 12, base + 12}) {
            if (range == null || (range[0] + candidate >= MelodyVocabulary.LOWEST && range[1] + candidate <= MelodyVocabulary.HIGHEST)) {
                return candidate;
            }
        }
        return NONE;
    }

    /** The key's shift (an octave further if the range needs it) for steps {@code from} to {@code to} of a melody and the step before them. */
    static int fitting(Melody m, int from, int to) {
        return octaveThatFits(shift(m.key()), MelodyVocabulary.range(m.tokens(), from - 1, to));
    }

    /** Tokens written in C moved back into the key: by minus its shift, an octave further if the range needs it. */
    static int[] intoKey(int[] tokens, KeySignature key) {
        int back = octaveThatFits(-shift(key), MelodyVocabulary.range(tokens, 0, tokens.length));
        if (back == NONE) {
            throw new IllegalStateException("the melody spans more than the model's range");
        }
        int[] out = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = MelodyVocabulary.transpose(tokens[i], back);
        }
        return out;
    }
}
