package org.kantor.core;

/** The written note values, with MusicXML's names for them. */
public enum NoteType {
    MAXIMA("maxima", Rational.of(32)),
    LONG("long", Rational.of(16)),
    BREVE("breve", Rational.of(8)),
    WHOLE("whole", Rational.of(4)),
    HALF("half", Rational.of(2)),
    QUARTER("quarter", Rational.ONE),
    EIGHTH("eighth", Rational.of(1, 2)),
    SIXTEENTH("16th", Rational.of(1, 4)),
    THIRTY_SECOND("32nd", Rational.of(1, 8)),
    SIXTY_FOURTH("64th", Rational.of(1, 16)),
    HUNDRED_TWENTY_EIGHTH("128th", Rational.of(1, 32)),
    TWO_HUNDRED_FIFTY_SIXTH("256th", Rational.of(1, 64)),
    FIVE_HUNDRED_TWELFTH("512th", Rational.of(1, 128)),
    THOUSAND_TWENTY_FOURTH("1024th", Rational.of(1, 256));

    private final String musicXmlName;
    private final Rational quarters;

    NoteType(String musicXmlName, Rational quarters) {
        this.musicXmlName = musicXmlName;
        this.quarters = quarters;
    }

    public String musicXmlName() {
        return musicXmlName;
    }

    /** Length of the undotted value in quarter notes. */
    public Rational quarters() {
        return quarters;
    }

    /** Number of beams (flags) the value has: eighth 1, 16th 2 ...; 0 for quarter and longer. */
    public int beams() {
        return Math.max(0, ordinal() - QUARTER.ordinal());
    }

    public static NoteType fromMusicXml(String name) {
        for (NoteType t : values()) {
            if (t.musicXmlName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown note type: " + name);
    }

    /** The value whose undotted length is exactly {@code quarters}, or null. */
    public static NoteType ofQuarters(Rational quarters) {
        for (NoteType t : values()) {
            if (t.quarters.equals(quarters)) {
                return t;
            }
        }
        return null;
    }
}
