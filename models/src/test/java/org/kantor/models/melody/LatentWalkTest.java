package org.kantor.models.melody;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kantor.core.KeySignature;
import org.kantor.core.TimeSignature;

/** Generated melodies leave no measure silent and can be sung. */
class LatentWalkTest {

    private static final int H = MelodyVocabulary.HOLD;
    private static final int R = MelodyVocabulary.REST;
    private static final int C = MelodyVocabulary.note(60);

    @Test
    void aMeasureIsSilentWhenNothingStartsAndARestIsGoingOn() {
        // two measures of 4 steps: a note held over the barline sounds on; a rest held over it is silence
        assertFalse(LatentWalk.hasSilentMeasure(new int[] {C, H, H, H, H, H, H, H}, 4, MelodyVocabulary.START), "a held note");
        assertTrue(LatentWalk.hasSilentMeasure(new int[] {C, H, R, H, H, H, H, H}, 4, MelodyVocabulary.START), "a bar of rest");
        assertTrue(LatentWalk.hasSilentMeasure(new int[] {C, H, H, H, R, H, H, H}, 4, MelodyVocabulary.START), "a rest from the barline");
        assertFalse(LatentWalk.hasSilentMeasure(new int[] {C, H, R, H, R, H, C, H}, 4, MelodyVocabulary.START), "a note late in the bar");
        assertTrue(LatentWalk.hasSilentMeasure(new int[] {H, H, H, H, C, H, H, H}, 4, MelodyVocabulary.START), "silence from the start");
        assertFalse(LatentWalk.hasSilentMeasure(new int[] {H, H, H, H, C, H, H, H}, 4, C), "the note before goes on");
    }

    @Test
    void generatedMelodiesHaveNoSilentMeasure() throws Exception {
        // with one draw per phrase, 3 of these 8 melodies of 16 measures (generate's own seeds for --seed 3) had one
        MelodyLatentModel model = MelodyLatentModel.load();
        TimeSignature time = TimeSignature.of(4, 4);
        int per = Melody.stepsPerMeasure(time);
        for (int seed = 0; seed < 8; seed++) {
            int[] tokens = LatentWalk.melody(model, time, KeySignature.C_MAJOR, 16, 0.5, new Random(3 * 104_729L + seed));
            assertFalse(LatentWalk.hasSilentMeasure(tokens, per, MelodyVocabulary.START), "seed " + seed);
        }
    }

    @Test
    void aTuneThatLeapsOverAnOctaveOrSpansMoreThanATwelfthIsUnsingable() {
        int[] before = {C, H, MelodyVocabulary.note(67), H};
        assertFalse(LatentWalk.unsingable(before, 4, new int[] {MelodyVocabulary.note(72), H, MelodyVocabulary.note(76), H}), "C G C E");
        assertTrue(LatentWalk.unsingable(before, 4, new int[] {MelodyVocabulary.note(81), H, H, H}), "G to A an octave and more above");
        assertTrue(LatentWalk.unsingable(before, 4, new int[] {MelodyVocabulary.note(72), H, MelodyVocabulary.note(80), H}),
                "C up to G-sharp an octave and a fifth above the start");
    }

    @Test
    void generatedMelodiesCanBeSung() throws Exception {
        // before phrases were drawn again, 5 of 20 melodies of 8 measures (generate --seed 1..20, keys C, Dm, Eb, A) leapt over an
        // octave or spanned more than a twelfth, one of them from G5 up to E7
        MelodyLatentModel model = MelodyLatentModel.load();
        TimeSignature time = TimeSignature.of(4, 4);
        int unsingable = 0;
        for (int seed = 1; seed <= 12; seed++) {
            KeySignature key = KeySignature.parse(new String[] {"C", "Dm", "Eb", "A"}[seed % 4]);
            int[] tokens = LatentWalk.melody(model, time, key, 8, 0.5, new Random(seed * 104_729L));
            unsingable += LatentWalk.unsingable(tokens, tokens.length, new int[0]) ? 1 : 0;
        }
        assertTrue(unsingable <= 1, unsingable + " of 12 melodies leap over an octave or span more than a twelfth");
    }
}
