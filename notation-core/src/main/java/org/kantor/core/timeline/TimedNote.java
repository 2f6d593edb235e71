package org.kantor.core.timeline;

import org.kantor.core.Pitch;
import org.kantor.core.Rational;

/**
 * A sounding note on the timeline, like a NoteSequence note in Magenta: MIDI pitch, onset and offset
 * in quarter notes from the start of the piece, velocity, and where it came from (part, voice, staff).
 * {@code spelling} keeps the written pitch when the note came from a score; it may be null.
 */
public record TimedNote(int midi, Rational onset, Rational offset, int velocity, int part, String voice, int staff,
                        Pitch spelling) {

    public TimedNote {
        if (!offset.greaterThan(onset)) {
            throw new IllegalArgumentException("a note must end after it starts: " + onset + " .. " + offset);
        }
    }

    public Rational length() {
        return offset.minus(onset);
    }

    public TimedNote withTimes(Rational newOnset, Rational newOffset) {
        return new TimedNote(midi, newOnset, newOffset, velocity, part, voice, staff, spelling);
    }
}
