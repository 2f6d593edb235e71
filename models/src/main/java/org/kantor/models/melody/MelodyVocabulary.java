package org.kantor.models.melody;

/**
 * The events of a melody on a 16th-note grid, one per step, as MelodyRNN has them: a new note of a
 * given pitch, a rest beginning, or nothing new (the note or rest goes on). Pitches outside
 * {@link #LOWEST}..{@link #HIGHEST} (C2 to E7, every melody instrument's written range) are not encoded.
 */
public final class MelodyVocabulary {

    public static final int HOLD = 0;
    public static final int REST = 1;
    public static final int LOWEST = 36;
    public static final int HIGHEST = 100;
    /** Tokens a model predicts. */
    public static final int SIZE = 2 + HIGHEST - LOWEST + 1;
    /** The input before the first step of a piece; never predicted. */
    public static final int START = SIZE;
    /** Distinct inputs, {@link #START} included. */
    public static final int INPUTS = SIZE + 1;

    private MelodyVocabulary() {
    }

    public static int note(int midi) {
        if (!inRange(midi)) {
            throw new IllegalArgumentException("pitch " + midi + " is outside the melody range " + LOWEST + ".." + HIGHEST);
        }
        return 2 + midi - LOWEST;
    }

    public static boolean isNote(int token) {
        return token >= 2 && token < SIZE;
    }

    public static int pitch(int token) {
        if (!isNote(token)) {
            throw new IllegalArgumentException("token " + token + " is not a note");
        }
        return token - 2 + LOWEST;
    }

    public static boolean inRange(int midi) {
        return midi >= LOWEST && midi <= HIGHEST;
    }

    /** Lowest and highest pitch of tokens {@code from} (inclusive) to {@code to} (exclusive), or null when none is a note. */
    public static int[] range(int[] tokens, int from, int to) {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int i = Math.max(0, from); i < Math.min(tokens.length, to); i++) {
            if (isNote(tokens[i])) {
                low = Math.min(low, pitch(tokens[i]));
                high = Math.max(high, pitch(tokens[i]));
            }
        }
        return low > high ? null : new int[] {low, high};
    }

    /** The token transposed by {@code semitones} (rests and holds stay as they are). */
    public static int transpose(int token, int semitones) {
        return isNote(token) ? note(pitch(token) + semitones) : token;
    }
}
