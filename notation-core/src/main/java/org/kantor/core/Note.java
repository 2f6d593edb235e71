package org.kantor.core;

import java.util.List;

/** A single pitched note. Grace notes take no time ({@code length} zero) but keep their written value. */
public record Note(Rational offset, Rational length, Duration duration, Pitch pitch, Tie tie, int staff,
                   boolean fermata, List<Lyric> lyrics, boolean grace) implements MusicEvent {

    public Note {
        lyrics = lyrics == null ? List.of() : List.copyOf(lyrics);
        tie = tie == null ? Tie.NONE : tie;
    }

    /** A plain note whose length is its written duration. */
    public static Note of(Rational offset, Duration duration, Pitch pitch) {
        return new Note(offset, duration.quarters(), duration, pitch, Tie.NONE, 1, false, List.of(), false);
    }

    public Note withTie(Tie newTie) {
        return new Note(offset, length, duration, pitch, newTie, staff, fermata, lyrics, grace);
    }

    public Note withPitch(Pitch newPitch) {
        return new Note(offset, length, duration, newPitch, tie, staff, fermata, lyrics, grace);
    }
}
