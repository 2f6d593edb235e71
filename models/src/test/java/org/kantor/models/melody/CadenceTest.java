package org.kantor.models.melody;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kantor.core.KeySignature;

/** Endings a singer would accept: the last measure one held note of the tonic chord, reached by step. */
class CadenceTest {

    private static final int H = MelodyVocabulary.HOLD;

    private static int n(int midi) {
        return MelodyVocabulary.note(midi);
    }

    @Test
    void aTuneThatStopsOnTheSecondDegreeEndsOnTheTonic() {
        // two measures of 2/4 in 16ths (8 steps each) in E-flat: ... G F | D (the model's ending, on the leading tone's neighbour)
        int[] tokens = {n(67), H, H, H, n(65), H, H, H, n(62), H, H, H, n(63), H, n(65), H};
        KeySignature eFlat = KeySignature.parse("Eb");
        assertFalse(Cadence.endsOnTheTonicChord(tokens, 8, eFlat));
        Cadence.close(tokens, 8, eFlat, MelodyVocabulary.START);
        assertTrue(Cadence.endsOnTheTonicChord(tokens, 8, eFlat));
        assertArrayEquals(new int[] {n(67), H, H, H, n(65), H, H, H}, java.util.Arrays.copyOf(tokens, 8), "the first measure is untouched");
        assertEquals(n(63), tokens[8], "E-flat, a step below the F before it");
    }

    @Test
    void aLeapIsTurnedIntoAStepIntoTheFinalNote() {
        // C major, the last note before the final measure an A, a third or more from C and E: the final note is reached by step
        int[] tokens = {n(72), H, H, H, n(69), H, H, H, n(71), H, n(74), H, n(77), H, H, H};
        KeySignature c = KeySignature.C_MAJOR;
        Cadence.close(tokens, 8, c, MelodyVocabulary.START);
        assertTrue(Cadence.endsOnTheTonicChord(tokens, 8, c));
        int last = MelodyVocabulary.pitch(tokens[8]);
        int approach = MelodyVocabulary.pitch(tokens[4]);
        assertTrue(Math.abs(last - approach) <= 2, "approach " + approach + " to the final " + last + " by step");
    }

    @Test
    void aMinorTuneEndsOnItsOwnTonicChord() {
        int[] tokens = {n(69), H, n(71), H, n(72), H, H, H, n(74), H, n(76), H, n(77), H, H, H};
        KeySignature aMinor = KeySignature.parse("Am");
        Cadence.close(tokens, 8, aMinor, MelodyVocabulary.START);
        int pc = MelodyVocabulary.pitch(tokens[8]) % 12;
        assertTrue(pc == 9 || pc == 0, "A or C, not E-flat or C-sharp: " + pc);
    }

    @Test
    void aChromaticApproachIsMadeAStepOfTheScale() {
        // E-flat major ending G-flat then G: the G-flat becomes F or A-flat
        int[] tokens = {n(67), H, H, H, n(68), H, n(66), H, n(67), H, H, H, n(65), H, H, H};
        KeySignature eFlat = KeySignature.parse("Eb");
        Cadence.close(tokens, 8, eFlat, MelodyVocabulary.START);
        assertTrue(Cadence.endsOnTheTonicChord(tokens, 8, eFlat));
        assertTrue(eFlat.isDiatonic(MelodyVocabulary.pitch(tokens[6])), "the approach " + MelodyVocabulary.pitch(tokens[6]) + " is in the key");
    }
}
