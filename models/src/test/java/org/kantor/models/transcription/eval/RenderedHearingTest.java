package org.kantor.models.transcription.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.core.Instrument;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.models.transcription.BasicPitch;
import org.kantor.models.transcription.NoteCreation;
import org.kantor.models.transcription.PerformedNote;
import org.kantor.musicxml.ScoreFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the meter templates learn from (kantor train meter --heard): notes played on a piano and heard back. */
class RenderedHearingTest {

    @Test
    void theExampleMelodyPlayedOnAPianoIsHeardBackNoteForNote(@TempDir Path work) throws Exception {
        assertNull(FluidSynth.missing(), "fluidsynth and its General MIDI sound font are installed by .ci/run");
        Timeline melody = ScoreToTimeline.convert(ScoreFiles.read(Path.of("../examples/melody.musicxml")).score());
        List<PerformedNote> written = new ArrayList<>();
        for (TimedNote n : melody.notes()) {
            written.add(new PerformedNote(0.2 + n.onset().toDouble() * 0.6, 0.2 + n.offset().toDouble() * 0.6, n.midi(), 90));
        }
        List<PerformedNote> heard;
        try (BasicPitch model = BasicPitch.load()) {
            heard = new RenderedHearing(model, Instrument.PIANO, NoteCreation.Settings.defaults(), work).hear(written);
        }
        NoteMatching.Counts c = NoteMatching.match(written, heard, false);
        // every written note heard at its time; a few overtones heard as notes too, as transcription will show them
        assertTrue(c.recall() >= 0.95 && c.f1() >= 0.8, "onsets " + c + ", F1 " + c.f1());
        try (var left = Files.list(work)) {
            assertEquals(0, left.count(), "the rendering and its MIDI are removed");
        }
    }
}
