package org.kantor.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kantor.core.KeySignature;
import org.kantor.core.Pitch;

/** Intervals, chords and roman numerals as a harmony textbook names them. */
class TheoryTest {

    private static List<Pitch> pitches(String... names) {
        return Arrays.stream(names).map(Pitch::parse).toList();
    }

    private static String numeral(KeySignature key, String... names) {
        return RomanNumeral.of(IdentifiedChord.of(pitches(names)), key).text();
    }

    @Test
    void intervalsFollowTheSpelling() {
        assertEquals("P5", Interval.between(Pitch.parse("C4"), Pitch.parse("G4")).name());
        assertEquals("P12", Interval.between(Pitch.parse("G4"), Pitch.parse("C3")).name());
        assertEquals("A2", Interval.between(Pitch.parse("F4"), Pitch.parse("G#4")).name());
        assertEquals("m3", Interval.between(Pitch.parse("F4"), Pitch.parse("Ab4")).name());
        assertTrue(Interval.between(Pitch.parse("D3"), Pitch.parse("A4")).isPerfectFifth());
        assertFalse(Interval.between(Pitch.parse("B3"), Pitch.parse("F4")).isPerfectFifth(), "a diminished fifth");
        assertTrue(Interval.between(Pitch.parse("E3"), Pitch.parse("E4")).isPerfectOctaveOrUnison());
        assertTrue(Interval.melodic(Pitch.parse("F4"), Pitch.parse("G#4")).isAugmentedSecond());
        assertFalse(Interval.melodic(Pitch.parse("F4"), Pitch.parse("Ab4")).isAugmentedSecond(), "a minor third sounds the same");
        assertEquals(Pitch.parse("G#4"), new Interval(1, 3).from(Pitch.parse("F4")));
        assertEquals(Pitch.parse("C3"), new Interval(-11, -19).from(Pitch.parse("G4")));
    }

    @Test
    void chordsStackInThirdsAsWritten() {
        IdentifiedChord v7 = IdentifiedChord.of(pitches("B2", "F4", "G4", "D5"));
        assertEquals(Pitch.parse("G4"), v7.root());
        assertEquals(ChordQuality.DOMINANT_SEVENTH, v7.quality());
        assertEquals(1, v7.inversion());
        assertTrue(v7.isSeventh(Pitch.parse("F4")));
        assertEquals(ChordQuality.MAJOR, IdentifiedChord.of(pitches("C3", "C4", "E4", "C5")).quality(), "the fifth may be left out");
        assertNull(IdentifiedChord.of(pitches("C3", "G3", "C4", "G4")), "no third: not a triad");
        assertNull(IdentifiedChord.of(pitches("C3", "D4", "E4", "G4")), "a passing D");
        assertEquals(ChordQuality.DIMINISHED_SEVENTH, IdentifiedChord.of(pitches("G#3", "B3", "D4", "F4")).quality());
    }

    @Test
    void romanNumeralsInMajorAndMinor() {
        KeySignature cMajor = KeySignature.C_MAJOR;
        KeySignature aMinor = new KeySignature(0, org.kantor.core.Mode.MINOR);
        assertEquals("I", numeral(cMajor, "C3", "G3", "E4", "C5"));
        assertEquals("V65", numeral(cMajor, "B2", "F4", "G4", "D5"));
        assertEquals("ii6", numeral(cMajor, "F3", "A3", "D4", "F4"));
        assertEquals("I64", numeral(cMajor, "G2", "C4", "E4", "G4"));
        assertEquals("V7/V", numeral(cMajor, "D3", "F#3", "A3", "C4"));
        assertEquals("vii°7/V", numeral(cMajor, "F#3", "A3", "C4", "Eb4"));
        assertEquals("V", numeral(aMinor, "E3", "B3", "E4", "G#4"), "the raised leading tone belongs to minor");
        assertEquals("i", numeral(aMinor, "A2", "E3", "C4", "A4"));
        assertEquals("bII6", numeral(cMajor, "F3", "Ab3", "Db4", "F4"), "the Neapolitan sixth");
        assertTrue(RomanNumeral.of(IdentifiedChord.of(pitches("G2", "B3", "D4", "F4")), cMajor).isDominant());
        assertTrue(RomanNumeral.of(IdentifiedChord.of(pitches("E3", "C4", "G4", "C5")), cMajor).isTonic());
    }
}
