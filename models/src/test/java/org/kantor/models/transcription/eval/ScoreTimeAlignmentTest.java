package org.kantor.models.transcription.eval;

import org.junit.jupiter.api.Test;
import org.kantor.core.Rational;
import org.kantor.core.timeline.TimedNote;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Score-time matching: the shift that finds the most notes, and each written note found at most once. */
class ScoreTimeAlignmentTest {

    private static TimedNote note(int midi, double onset) {
        Rational on = Rational.nearest(onset, 4);
        return new TimedNote(midi, on, on.plus(Rational.ONE), 80, 0, null, 1, null);
    }

    @Test
    void twoVoicesInUnisonNeedTwoNotes() {
        List<TimedNote> score = List.of(note(67, 0), note(67, 0), note(60, 0), note(62, 1));
        List<TimedNote> heard = List.of(note(67, 0), note(60, 0), note(62, 1));
        TranscriptionEvaluation.Alignment a = TranscriptionEvaluation.align(score, heard);
        assertEquals(3, a.matched(), "the unison G is written twice but heard once");
    }

    @Test
    void aMissedFirstNoteAndAnAddedOneDoNotShiftTheRest() {
        List<TimedNote> score = List.of(note(55, 0), note(60, 1), note(62, 2), note(64, 3), note(65, 4));
        // the first note was not heard, a ghost came before the music, and the whole is written two beats later
        List<TimedNote> heard = List.of(note(30, 0.5), note(60, 3), note(62, 4), note(64, 5), note(65, 6));
        TranscriptionEvaluation.Alignment a = TranscriptionEvaluation.align(score, heard);
        assertEquals(4, a.matched());
        assertEquals(Rational.of(2), a.shift());
    }
}
