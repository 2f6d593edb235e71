package org.kantor.core.theory;

import org.kantor.core.KeySignature;
import org.kantor.core.Pitch;

/**
 * A chord's roman numeral in a key, as harmony textbooks write it: the scale degree of its root (capital
 * for a major third), ° ø + for diminished, half-diminished and augmented, figured-bass inversion
 * figures (6, 64; 7, 65, 43, 42), a flat or sharp for a root off the scale (bII, bVI), and secondary
 * dominants and leading-tone chords of a degree other than the tonic (V7/V, vii°7/ii) when the chord
 * has a note outside the key.
 *
 * @param degree scale degree of the root, 1-7 (of the tonicized degree's dominant for a secondary chord)
 * @param of the degree a secondary chord leads to (2-7), or 0
 */
public record RomanNumeral(String text, int degree, int of) {

    private static final String[] NUMERALS = {"I", "II", "III", "IV", "V", "VI", "VII"};
    private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR_SCALE = {0, 2, 3, 5, 7, 8, 10};
    /** Qualities of the triads on each degree, for the case of a tonicized degree: true = major or minor, not diminished. */
    private static final boolean[] MAJOR_KEY_MAJOR_THIRD = {true, false, false, true, true, false, false};
    private static final boolean[] MINOR_KEY_MAJOR_THIRD = {false, false, true, false, true, true, false};

    public static RomanNumeral of(IdentifiedChord chord, KeySignature key) {
        Pitch tonic = key.tonic(4);
        boolean minor = key.isMinor();
        int degree = Math.floorMod(chord.root().step().ordinal() - tonic.step().ordinal(), 7);
        if (!isInKey(chord, key)) {
            RomanNumeral secondary = secondary(chord, key, degree);
            if (secondary != null) {
                return secondary;
            }
        }
        int rootAbove = Math.floorMod(chord.rootPitchClass() - key.tonicPitchClass(), 12);
        int expected = (minor ? MINOR_SCALE : MAJOR_SCALE)[degree];
        // minor keys raise the sixth and seventh degrees at will (V, vii°, IV, ii in melodic minor)
        boolean raisedInMinor = minor && (degree == 5 || degree == 6) && rootAbove == expected + 1;
        String accidental = rootAbove == expected || raisedInMinor ? "" : signedAccidental(rootAbove - expected);
        return new RomanNumeral(accidental + numeral(degree, chord.quality()) + figures(chord), degree + 1, 0);
    }

    /** V, V7, vii°, vii°7 or viiø7 of a degree other than the tonic. */
    private static RomanNumeral secondary(IdentifiedChord chord, KeySignature key, int degree) {
        ChordQuality q = chord.quality();
        int target;
        if (q == ChordQuality.MAJOR || q == ChordQuality.DOMINANT_SEVENTH) {
            target = Math.floorMod(degree + 3, 7); // the root is a fifth above the target
        } else if (q == ChordQuality.DIMINISHED || q == ChordQuality.DIMINISHED_SEVENTH || q == ChordQuality.HALF_DIMINISHED_SEVENTH) {
            target = Math.floorMod(degree + 1, 7); // the root is the target's leading tone
        } else {
            return null;
        }
        boolean[] majorThird = key.isMinor() ? MINOR_KEY_MAJOR_THIRD : MAJOR_KEY_MAJOR_THIRD;
        boolean diminishedTarget = key.isMinor() ? target == 1 || target == 6 : target == 6;
        if (target == 0 || diminishedTarget) {
            return null;
        }
        // the root must lie where the target's dominant or leading tone lies (a perfect fifth above, a half step below)
        Pitch tonic = key.tonic(4);
        int targetPc = Math.floorMod(tonic.midi() + (key.isMinor() ? MINOR_SCALE : MAJOR_SCALE)[target], 12);
        int wanted = q.hasMajorThird() ? Math.floorMod(targetPc + 7, 12) : Math.floorMod(targetPc - 1, 12);
        if (chord.rootPitchClass() != wanted) {
            return null;
        }
        String head = (q.hasMajorThird() ? "V" : "vii") + (q == ChordQuality.DIMINISHED || q == ChordQuality.DIMINISHED_SEVENTH ? "°"
                : q == ChordQuality.HALF_DIMINISHED_SEVENTH ? "ø" : "");
        String targetName = majorThird[target] ? NUMERALS[target] : NUMERALS[target].toLowerCase(java.util.Locale.ROOT);
        return new RomanNumeral(head + figures(chord) + "/" + targetName, q.hasMajorThird() ? 5 : 7, target + 1);
    }

    /** Whether every chord member belongs to the key (minor: natural, harmonic or melodic). */
    private static boolean isInKey(IdentifiedChord chord, KeySignature key) {
        int[] members = {0, chord.quality().third(), chord.quality().fifth(), chord.quality().seventh()};
        for (int m : members) {
            if (m < 0) {
                continue;
            }
            int above = Math.floorMod(chord.rootPitchClass() + m - key.tonicPitchClass(), 12);
            boolean inScale = false;
            for (int s : key.isMinor() ? MINOR_SCALE : MAJOR_SCALE) {
                inScale |= s == above;
            }
            inScale |= key.isMinor() && (above == 9 || above == 11);
            if (!inScale) {
                return false;
            }
        }
        return true;
    }

    private static String numeral(int degree, ChordQuality q) {
        String n = q.hasMajorThird() ? NUMERALS[degree] : NUMERALS[degree].toLowerCase(java.util.Locale.ROOT);
        return n + switch (q) {
            case DIMINISHED, DIMINISHED_SEVENTH -> "°";
            case HALF_DIMINISHED_SEVENTH -> "ø";
            case AUGMENTED -> "+";
            default -> "";
        };
    }

    private static String figures(IdentifiedChord chord) {
        if (chord.quality().isSeventhChord()) {
            return new String[] {"7", "65", "43", "42"}[chord.inversion()];
        }
        return new String[] {"", "6", "64", "6"}[chord.inversion()];
    }

    private static String signedAccidental(int semitones) {
        int s = semitones > 6 ? semitones - 12 : semitones < -6 ? semitones + 12 : semitones;
        return s < 0 ? "b".repeat(-s) : "#".repeat(s);
    }

    /** Whether the chord is the tonic triad (I or i, any inversion). */
    public boolean isTonic() {
        return degree == 1 && of == 0 && !text.startsWith("b") && !text.startsWith("#");
    }

    /** Whether the chord is a dominant of the key itself: V, V7 or vii° chords. */
    public boolean isDominant() {
        return of == 0 && (text.startsWith("V") && !text.startsWith("VI") || text.startsWith("vii"));
    }

    @Override
    public String toString() {
        return text;
    }
}
