package org.kantor.checker;

import org.kantor.core.Pitch;
import org.kantor.core.Rational;

/**
 * One note a voice sings, tied notes joined: its written pitch, when it starts and ends (quarter notes
 * from the start of the piece), and where it starts in the score (measure index from 0, offset in the
 * measure) so that findings can point at it.
 */
public record SungNote(int voice, Pitch pitch, Rational onset, Rational end, int measure, Rational offset, boolean fermata) {

    public int midi() {
        return pitch.midi();
    }

    SungNote until(Rational newEnd) {
        return new SungNote(voice, pitch, onset, newEnd, measure, offset, fermata);
    }
}
