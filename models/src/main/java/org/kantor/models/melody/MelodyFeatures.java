package org.kantor.models.melody;

import java.util.List;
import org.kantor.core.KeySignature;
import org.kantor.core.Rational;
import org.kantor.core.TimeSignature;

/**
 * What a model knows about a step besides the melody so far: where it falls in the measure and the
 * beat, the meter, and the key. A melody in 3/4 and one in 6/8 have measures of the same length;
 * these features tell the model which one it is writing.
 */
public final class MelodyFeatures {

    static final int POSITIONS = 48;
    static final int BEAT_COUNTS = 6;
    /** position one-hot, downbeat, beat start, beats per measure one-hot, compound, tonic one-hot, minor. */
    public static final int SIZE = POSITIONS + 1 + 1 + BEAT_COUNTS + 1 + 12 + 1;

    private MelodyFeatures() {
    }

    /** Which 16ths of a measure of {@code meter} begin a beat. */
    public static boolean[] beatStarts(TimeSignature meter) {
        int steps = Melody.stepsPerMeasure(meter);
        boolean[] starts = new boolean[Math.max(steps, 1)];
        List<Rational> beats = meter.beatStarts();
        for (Rational b : beats) {
            Rational s = b.times(4);
            if (s.denominator() == 1 && s.numerator() < starts.length) {
                starts[(int) s.numerator()] = true;
            }
        }
        starts[0] = true;
        return starts;
    }

    /**
     * Writes the features of a step at {@code position} (16ths from the downbeat) into {@code target}
     * from {@code offset} on, after zeroing them. {@code tonicShift} transposes the key as the notes are.
     */
    public static void write(float[] target, int offset, int position, TimeSignature meter, boolean[] beatStarts,
                             KeySignature key, int tonicShift) {
        java.util.Arrays.fill(target, offset, offset + SIZE, 0f);
        int at = offset;
        target[at + Math.floorMod(position, POSITIONS)] = 1f;
        at += POSITIONS;
        target[at++] = position == 0 ? 1f : 0f;
        target[at++] = position >= 0 && position < beatStarts.length && beatStarts[position] ? 1f : 0f;
        int beats = Math.min(meter.beats().size(), BEAT_COUNTS);
        target[at + Math.max(beats, 1) - 1] = 1f;
        at += BEAT_COUNTS;
        target[at++] = meter.isCompound() ? 1f : 0f;
        target[at + Math.floorMod(majorTonic(key) + tonicShift, 12)] = 1f;
        at += 12;
        target[at] = key.isMinor() ? 1f : 0f;
    }

    /** The pitch class of the major key with this signature (its relative major for a minor key). */
    static int majorTonic(KeySignature key) {
        return Math.floorMod(key.fifths() * 7, 12);
    }
}
