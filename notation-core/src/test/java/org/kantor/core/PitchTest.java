package org.kantor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PitchTest {

    @Test
    void midiNumbersFollowScientificPitchNotation() {
        assertEquals(60, Pitch.parse("C4").midi());
        assertEquals(69, Pitch.parse("A4").midi());
        assertEquals(60, Pitch.parse("B#3").midi());
        assertEquals(59, Pitch.parse("Cb4").midi());
        assertEquals(36, Pitch.parse("C2").midi());
        assertEquals("Eb5", Pitch.parse("Eb5").toString());
    }

    @Test
    void aFlatInEFlatMajorButGSharpInEMajor() {
        assertEquals(Pitch.parse("Ab4"), KeySignature.parse("Eb").spell(68));
        assertEquals(Pitch.parse("G#4"), KeySignature.parse("E").spell(68));
    }

    @Test
    void minorKeysRaiseTheLeadingTone() {
        assertEquals(Pitch.parse("G#4"), KeySignature.parse("a").spell(68));
        assertEquals(Pitch.parse("C#5"), KeySignature.parse("d minor").spell(73));
        assertEquals(Pitch.parse("E#4"), KeySignature.parse("f# minor").spell(65));
        assertEquals(Pitch.parse("B3"), KeySignature.parse("c minor").spell(59));
    }

    @Test
    void chromaticNotesInCMajorReadNaturally() {
        KeySignature c = KeySignature.C_MAJOR;
        assertEquals("F#4", c.spell(66).toString());
        assertEquals("Bb4", c.spell(70).toString());
        assertEquals("Eb4", c.spell(63).toString());
        assertEquals("C#4", c.spell(61).toString());
    }

    @Test
    void flatKeysSpellWithFlats() {
        KeySignature dFlat = KeySignature.parse("Db");
        assertEquals(-5, dFlat.fifths());
        assertEquals("Gb4", dFlat.spell(66).toString());
        assertEquals("Db4", dFlat.spell(61).toString());
        assertEquals("Cb5", KeySignature.parse("Gb").spell(71).toString());
    }

    @Test
    void keyNamesAndSignatureAlterations() {
        assertEquals("E-flat major", KeySignature.parse("Eb").displayName());
        assertEquals("C-sharp minor", new KeySignature(4, Mode.MINOR).displayName());
        KeySignature d = KeySignature.parse("D");
        assertEquals(1, d.alterationOf(Step.F));
        assertEquals(1, d.alterationOf(Step.C));
        assertEquals(0, d.alterationOf(Step.G));
        KeySignature bFlat = KeySignature.parse("Bb");
        assertEquals(-1, bFlat.alterationOf(Step.B));
        assertEquals(-1, bFlat.alterationOf(Step.E));
        assertEquals(0, bFlat.alterationOf(Step.A));
        assertTrue(d.isDiatonic(Pitch.parse("C#5").midi()));
        assertFalse(d.isDiatonic(Pitch.parse("C5").midi()));
    }

    @Test
    void badNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Pitch.parse("H4"));
        assertThrows(IllegalArgumentException.class, () -> Pitch.parse("C"));
        assertThrows(IllegalArgumentException.class, () -> new KeySignature(8, Mode.MAJOR));
    }

    @Test
    void keysAreReadAsMusiciansWriteThem() {
        KeySignature eFlat = new KeySignature(-3, Mode.MAJOR);
        for (String name : new String[] {"Eb", "E-flat major", "E flat major", "E flat", "E\u266d", "eb major"}) {
            assertEquals(eFlat, KeySignature.parse(name), name);
        }
        assertEquals(new KeySignature(4, Mode.MINOR), KeySignature.parse("C# minor"));
        assertEquals(new KeySignature(4, Mode.MINOR), KeySignature.parse("C sharp minor"));
        assertEquals(new KeySignature(-5, Mode.MINOR), KeySignature.parse("Bbm"));
        assertEquals(new KeySignature(-6, Mode.MINOR), KeySignature.parse("eb"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> KeySignature.parse("H major"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("not a key: \"H major\""), e.getMessage());
    }
}
