package org.kantor.core;

/** The mode of a key signature, as MusicXML names it. Major and minor are the ones tools reason about. */
public enum Mode {
    MAJOR, MINOR, DORIAN, PHRYGIAN, LYDIAN, MIXOLYDIAN, AEOLIAN, IONIAN, LOCRIAN, NONE;

    /** Fifths between the major tonic of a key signature and this mode's tonic (minor: A under C major = +3). */
    int tonicOffsetInFifths() {
        return switch (this) {
            case MAJOR, IONIAN, NONE -> 0;
            case MINOR, AEOLIAN -> 3;
            case DORIAN -> 2;
            case PHRYGIAN -> 4;
            case LYDIAN -> -1;
            case MIXOLYDIAN -> 1;
            case LOCRIAN -> 5;
        };
    }

    public static Mode parse(String text) {
        if (text == null || text.isBlank()) {
            return MAJOR;
        }
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}
