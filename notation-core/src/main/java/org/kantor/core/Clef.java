package org.kantor.core;

/** A clef: sign (G, F, C, percussion, TAB), staff line, and octave transposition (-1 for a tenor's treble-8 clef). */
public record Clef(String sign, int line, int octaveChange) {

    public static final Clef TREBLE = new Clef("G", 2, 0);
    public static final Clef TREBLE_8VB = new Clef("G", 2, -1);
    public static final Clef BASS = new Clef("F", 4, 0);
    public static final Clef ALTO = new Clef("C", 3, 0);
    public static final Clef TENOR = new Clef("C", 4, 0);
    public static final Clef PERCUSSION = new Clef("percussion", 0, 0);

    /** Treble for material centred at or above middle C, bass below it. */
    public static Clef forAverageMidi(double averageMidi) {
        return averageMidi >= 60 ? TREBLE : BASS;
    }

    /**
     * Clef for a sung line: treble for high voices; the octave treble clef for tenors and baritones,
     * as song and choral editions write them (the voice sounds an octave lower than written); bass
     * clef only for a true bass line, centred below D3.
     */
    public static Clef forVoice(double averageMidi) {
        if (averageMidi >= 60) {
            return TREBLE;
        }
        return averageMidi >= 50 ? TREBLE_8VB : BASS;
    }

    @Override
    public String toString() {
        if (equals(TREBLE)) {
            return "treble";
        }
        if (equals(BASS)) {
            return "bass";
        }
        if (equals(ALTO)) {
            return "alto";
        }
        if (equals(TENOR)) {
            return "tenor";
        }
        if (equals(TREBLE_8VB)) {
            return "treble 8vb";
        }
        return sign + line + (octaveChange == 0 ? "" : (octaveChange > 0 ? "+" : "") + octaveChange);
    }
}
