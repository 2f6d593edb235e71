package org.kantor.checker;

import java.util.ArrayList;
import java.util.List;
import org.kantor.core.Pitch;
import org.kantor.core.Rational;
import org.kantor.core.theory.IdentifiedChord;
import org.kantor.core.theory.RomanNumeral;

/**
 * What the four voices sound at a moment where at least one of them strikes a note: per voice the note
 * sounding (null while it rests), and the chord those notes spell, if they spell one.
 *
 * @param index position in the piece's sequence of sonorities
 * @param measure index (from 0) of the measure it falls in
 */
public record Sonority(int index, Rational onset, int measure, SungNote[] notes, IdentifiedChord chord, RomanNumeral numeral) {

    public Pitch pitch(int voice) {
        return notes[voice] == null ? null : notes[voice].pitch();
    }

    /** Whether the voice strikes a new note here (rather than holding one or resting). */
    public boolean strikes(int voice) {
        return notes[voice] != null && notes[voice].onset().equals(onset);
    }

    /** Whether every voice sings. */
    public boolean full() {
        for (SungNote n : notes) {
            if (n == null) {
                return false;
            }
        }
        return true;
    }

    /** The pitches sounding, top voice first. */
    public List<Pitch> pitches() {
        List<Pitch> pitches = new ArrayList<>();
        for (SungNote n : notes) {
            if (n != null) {
                pitches.add(n.pitch());
            }
        }
        return pitches;
    }
}
