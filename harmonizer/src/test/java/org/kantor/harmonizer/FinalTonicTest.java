package org.kantor.harmonizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kantor.core.KeySignature;
import org.kantor.core.Mode;
import org.kantor.core.Rational;
import org.kantor.core.timeline.TimedNote;

/** Which tonic the bass closes (and opens) on, read from the key signature and the melody's first and last notes. */
class FinalTonicTest {

    private static List<TimedNote> melody(int... midi) {
        List<TimedNote> notes = new ArrayList<>();
        for (int i = 0; i < midi.length; i++) {
            notes.add(new TimedNote(midi[i], Rational.of(i), Rational.of(i + 1), 80, 0, "1", 1, null));
        }
        return notes;
    }

    @Test
    void aMelodyEndingOnTheTonicChordClosesOnItsTonic() {
        KeySignature fMajor = new KeySignature(-1, Mode.MAJOR);
        assertEquals(5, FinalTonic.of(fMajor, melody(72, 70, 69, 65)), "ends on F");
        assertEquals(5, FinalTonic.of(fMajor, melody(72, 70, 69)), "ends on A, the third of F major");
        assertEquals(-1, FinalTonic.of(fMajor, melody(72, 70, 67)), "ends on G: a modal ending, left to the model");
    }

    @Test
    void aMinorSignatureOrAMinorOpeningReadsTheRelativeMinor() {
        assertEquals(2, FinalTonic.of(new KeySignature(-1, Mode.MINOR), melody(62, 64, 65, 62)), "D minor, ends on D");
        assertEquals(2, FinalTonic.of(new KeySignature(-1, Mode.MINOR), melody(62, 64, 66)), "D minor closing on the Picardy third");
        assertEquals(9, FinalTonic.of(new KeySignature(0, Mode.NONE), melody(69, 71, 72, 69)), "no mode written, opens and ends on A");
        assertEquals(0, FinalTonic.of(new KeySignature(0, Mode.MAJOR), melody(60, 62, 64)), "C major written, ends on E: C");
    }

    @Test
    void itOpensOnTheTonicWhenTheFirstNoteIsInItsTriad() {
        KeySignature d = new KeySignature(2, Mode.MAJOR);
        assertEquals(2, FinalTonic.opening(d, melody(69, 71, 74)), "A over D");
        assertEquals(-1, FinalTonic.opening(d, melody(71, 69, 74)), "B is not in the D major triad");
    }
}
