package org.kantor.models.harmony;

/**
 * The four-voice piano roll the harmony model reads and writes: voices soprano, alto, tenor, bass;
 * time in 16th-note steps; pitches MIDI 36 (C2) to 81 (A5). A cell holds the MIDI pitch of a voice at
 * a step, or {@link #SILENT}.
 */
public final class PianoRoll {

    public static final int VOICES = org.kantor.core.theory.ChoirVoices.COUNT;
    public static final int LOWEST = 36;
    public static final int PITCHES = 46;
    public static final int HIGHEST = LOWEST + PITCHES - 1;
    public static final int SILENT = -1;
    public static final String[] VOICE_NAMES = org.kantor.core.theory.ChoirVoices.NAMES;

    private final int[][] pitches;

    /** {@code pitches[step][voice]}: MIDI pitch or {@link #SILENT}. */
    public PianoRoll(int[][] pitches) {
        for (int[] step : pitches) {
            if (step.length != VOICES) {
                throw new IllegalArgumentException("every step needs " + VOICES + " voices");
            }
        }
        this.pitches = pitches;
    }

    public int steps() {
        return pitches.length;
    }

    public int pitch(int step, int voice) {
        return pitches[step][voice];
    }

    public int[][] toArray() {
        int[][] copy = new int[pitches.length][];
        for (int i = 0; i < pitches.length; i++) {
            copy[i] = pitches[i].clone();
        }
        return copy;
    }

    /** A copy of up to {@code length} steps from {@code start}, as {@code [step][voice]}. */
    public int[][] crop(int start, int length) {
        int n = Math.max(0, Math.min(length, pitches.length - start));
        int[][] out = new int[n][];
        for (int t = 0; t < n; t++) {
            out[t] = pitches[start + t].clone();
        }
        return out;
    }

    /** Lowest and highest sounding pitch, or null when everything is silent. */
    public int[] range() {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int[] step : pitches) {
            for (int p : step) {
                if (p != SILENT) {
                    low = Math.min(low, p);
                    high = Math.max(high, p);
                }
            }
        }
        return low > high ? null : new int[] {low, high};
    }

    /** The piece moved by {@code semitones} (rests stay rests); keep within {@link #transpositionLimits}. */
    public PianoRoll transposed(int semitones) {
        if (semitones == 0) {
            return this;
        }
        int[][] moved = toArray();
        for (int[] step : moved) {
            for (int v = 0; v < step.length; v++) {
                if (step[v] != SILENT) {
                    step[v] += semitones;
                }
            }
        }
        return new PianoRoll(moved);
    }

    /** Semitone shifts that keep every note inside the model's range. */
    public int[] transpositionLimits() {
        int[] r = range();
        return r == null ? new int[] {0, 0} : new int[] {LOWEST - r[0], HIGHEST - r[1]};
    }
}
