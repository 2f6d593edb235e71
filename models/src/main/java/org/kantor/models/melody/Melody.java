package org.kantor.models.melody;

import java.util.Arrays;
import org.kantor.core.KeySignature;
import org.kantor.core.TimeSignature;

/**
 * A melody as a model reads it: one token per 16th note ({@link MelodyVocabulary}), where each step
 * falls in its measure ({@code positions}, in 16ths from the downbeat, so a pickup starts late), and
 * the meter and key it is in. {@code source} names the score and measure it came from, for messages.
 */
public record Melody(int[] tokens, int[] positions, TimeSignature meter, KeySignature key, String source) {

    public Melody {
        if (tokens.length != positions.length) {
            throw new IllegalArgumentException("one position per token is needed");
        }
    }

    public int steps() {
        return tokens.length;
    }

    /** 16th notes in one full measure of this meter. */
    public int measureSteps() {
        return stepsPerMeasure(meter);
    }

    public static int stepsPerMeasure(TimeSignature meter) {
        return Math.toIntExact(meter.measureLength().times(4).floor());
    }

    /** Steps {@code from} (inclusive) to {@code to} (exclusive). */
    public Melody slice(int from, int to) {
        return new Melody(Arrays.copyOfRange(tokens, from, to), Arrays.copyOfRange(positions, from, to), meter, key, source);
    }

    /** Lowest and highest pitch, or null for a melody of rests. */
    public int[] range() {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int t : tokens) {
            if (MelodyVocabulary.isNote(t)) {
                low = Math.min(low, MelodyVocabulary.pitch(t));
                high = Math.max(high, MelodyVocabulary.pitch(t));
            }
        }
        return low > high ? null : new int[] {low, high};
    }

    /** The token of the step before {@code step}, or START at the beginning. */
    public int previous(int step) {
        return step == 0 ? MelodyVocabulary.START : tokens[step - 1];
    }
}
