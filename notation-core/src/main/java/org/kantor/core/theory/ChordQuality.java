package org.kantor.core.theory;

/** Triads and seventh chords by the semitones of their third, fifth and seventh above the root. */
public enum ChordQuality {
    MAJOR("major", 4, 7, -1),
    MINOR("minor", 3, 7, -1),
    DIMINISHED("diminished", 3, 6, -1),
    AUGMENTED("augmented", 4, 8, -1),
    DOMINANT_SEVENTH("dominant seventh", 4, 7, 10),
    MAJOR_SEVENTH("major seventh", 4, 7, 11),
    MINOR_SEVENTH("minor seventh", 3, 7, 10),
    HALF_DIMINISHED_SEVENTH("half-diminished seventh", 3, 6, 10),
    DIMINISHED_SEVENTH("diminished seventh", 3, 6, 9);

    private final String description;
    private final int third;
    private final int fifth;
    private final int seventh;

    ChordQuality(String description, int third, int fifth, int seventh) {
        this.description = description;
        this.third = third;
        this.fifth = fifth;
        this.seventh = seventh;
    }

    public String description() {
        return description;
    }

    public boolean isSeventhChord() {
        return seventh >= 0;
    }

    /** Semitones above the root of the third, fifth and seventh (-1 for a triad's seventh). */
    public int third() {
        return third;
    }

    public int fifth() {
        return fifth;
    }

    public int seventh() {
        return seventh;
    }

    /** Capital numerals for major and augmented chords (and major-third sevenths), small ones otherwise. */
    public boolean hasMajorThird() {
        return third == 4;
    }

    /**
     * The quality with this third, fifth (-1: left out) and seventh (-1: none), or null. A missing fifth
     * is taken as the one the third and seventh imply (perfect, or diminished in a diminished seventh).
     */
    static ChordQuality of(int third, int fifth, int seventh) {
        for (ChordQuality q : values()) {
            boolean fifthFits = fifth == q.fifth || fifth < 0 && (q.fifth == 7 || q == DIMINISHED_SEVENTH);
            if (q.third == third && fifthFits && q.seventh == seventh) {
                return q;
            }
        }
        return null;
    }
}
