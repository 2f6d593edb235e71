package org.kantor.models.transcription;

import org.junit.jupiter.api.Test;
import org.kantor.models.transcription.eval.NoteMatching;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NoteMatchingTest {

    @Test
    void onsetsWithin50MillisecondsAndTheSamePitchMatch() {
        List<PerformedNote> reference = List.of(note(0.00, 0.50, 60), note(0.50, 1.00, 62), note(1.00, 2.00, 64));
        List<PerformedNote> estimated = List.of(note(0.04, 0.48, 60), note(0.56, 1.00, 62), note(1.00, 1.20, 64), note(1.0, 2.0, 76));
        NoteMatching.Counts onsets = NoteMatching.match(reference, estimated, false);
        assertEquals(2, onsets.matched()); // 62 starts 60 ms late
        assertEquals(2.0 / 4, onsets.precision(), 1e-12);
        assertEquals(2.0 / 3, onsets.recall(), 1e-12);
        assertEquals(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), onsets.f1(), 1e-12);
        // with offsets: the 64 ends 0.8 s early, beyond 20% of its 1 s length
        assertEquals(1, NoteMatching.match(reference, estimated, true).matched());
    }

    @Test
    void matchingIsMaximalNotGreedy() {
        // the first reference note could take either estimate; only one choice lets both match
        List<PerformedNote> reference = List.of(note(0.00, 1, 60), note(0.09, 1, 60));
        List<PerformedNote> estimated = List.of(note(0.04, 1, 60), note(0.045, 1, 60));
        assertEquals(2, NoteMatching.match(reference, estimated, false).matched());
        assertEquals(1, NoteMatching.match(reference, List.of(note(0.045, 1, 60)), false).matched());
    }

    private static PerformedNote note(double start, double end, int midi) {
        return new PerformedNote(start, end, midi, 80);
    }
}
