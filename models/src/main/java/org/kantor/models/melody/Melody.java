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

    /**
     * Stretches of {@code measures} full measures, one after another, each starting on a downbeat and
     * holding at least one note; a note held into a stretch becomes a rest there, as it would start a piece.
     */
    public java.util.List<Melody> windows(int measures) {
        java.util.List<Melody> out = new java.util.ArrayList<>();
        int length = measures * measureSteps();
        for (int s = 0; s + length <= steps(); s += length) {
            while (s + length <= steps() && positions[s] != 0) {
                s++;
            }
            if (s + length <= steps() && MelodyVocabulary.range(tokens, s, s + length) != null) {
                Melody w = slice(s, s + length);
                if (w.tokens[0] == MelodyVocabulary.HOLD) {
                    w.tokens[0] = MelodyVocabulary.REST;
                }
                out.add(w);
            }
        }
        return out;
    }

    /** Lowest and highest pitch, or null for a melody of rests. */
    public int[] range() {
        return MelodyVocabulary.range(tokens, 0, tokens.length);
    }

    /** The token of the step before {@code step}, or START at the beginning. */
    public int previous(int step) {
        return step == 0 ? MelodyVocabulary.START : tokens[step - 1];
    }
}
