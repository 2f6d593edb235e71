package org.kantor.core;

import java.util.List;

/**
 * A single note. Grace notes take no time ({@code length} zero) but keep their written value. A
 * percussion note has {@code unpitched} set: its pitch is then only its place on the staff.
 */
public record Note(Rational offset, Rational length, Duration duration, Pitch pitch, Tie tie, int staff,
                   boolean fermata, List<Lyric> lyrics, boolean grace, Unpitched unpitched) implements MusicEvent {

    public Note {
        lyrics = lyrics == null ? List.of() : List.copyOf(lyrics);
        tie = tie == null ? Tie.NONE : tie;
    }

    /** A pitched note. */
    public Note(Rational offset, Rational length, Duration duration, Pitch pitch, Tie tie, int staff, boolean fermata,
                List<Lyric> lyrics, boolean grace) {
        this(offset, length, duration, pitch, tie, staff, fermata, lyrics, grace, null);
    }

    /** The MIDI key the note sounds: its pitch, or for a percussion note the drum it plays. */
    public int midiKey() {
        return unpitched != null ? unpitched.midiKey() : pitch.midi();
    }

    /** A plain note whose length is its written duration. */
    public static Note of(Rational offset, Duration duration, Pitch pitch) {
        return new Note(offset, duration.quarters(), duration, pitch, Tie.NONE, 1, false, List.of(), false);
    }

    public Note withTie(Tie newTie) {
        return new Note(offset, length, duration, pitch, newTie, staff, fermata, lyrics, grace, unpitched);
    }

    public Note withPitch(Pitch newPitch) {
        return new Note(offset, length, duration, newPitch, tie, staff, fermata, lyrics, grace, unpitched);
    }
}
