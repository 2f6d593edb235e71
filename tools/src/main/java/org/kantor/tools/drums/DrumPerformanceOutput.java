package org.kantor.tools.drums;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.audiveris.proxymusic.ScorePartwise;
import org.kantor.core.Rational;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.models.drums.DrumClass;
import org.kantor.models.drums.DrumPattern;
import org.kantor.musicxml.MidiWriter;
import org.kantor.musicxml.NotePerformance;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * A performed drum pattern given to a score's drum part: as MusicXML's playback attributes on the
 * written notes, and as a MIDI file in which the drums sound with their velocities and timing.
 */
final class DrumPerformanceOutput {

    private DrumPerformanceOutput() {
    }

    /** How the note of {@code key} at {@code onset} is played in {@code performed}, or null when the pattern has no such hit. */
    static NotePerformance.Performer performer(DrumGrid grid, DrumPattern performed) {
        return (onset, key) -> {
            DrumClass drum = DrumClass.of(key);
            int step = grid.step(onset);
            if (drum == null || step < 0 || step >= performed.steps() || !performed.hit(step, drum)) {
                return null;
            }
            int d = drum.ordinal();
            return new NotePerformance.Played(Math.max(1, Math.round(performed.velocity(step, d) * 127)), performed.offset(step, d) / 4.0);
        };
    }

    /** Writes the performance into part {@code part} of the document (in place); returns the notes that got one. */
    static int mark(ScoreDocument doc, int part, DrumGrid grid, DrumPattern performed) throws ScoreFileException {
        return NotePerformance.apply(doc, part, performer(grid, performed));
    }

    /** Writes the performance into a part's tree that is about to be added to a document. */
    static void mark(ScorePartwise.Part added, DrumGrid grid, DrumPattern performed) {
        NotePerformance.mark(added, performer(grid, performed));
    }

    /** The document as MIDI, the drum part played as performed (other parts as written). */
    static byte[] midi(ScoreDocument doc, int part, DrumGrid grid, DrumPattern performed) throws ScoreFileException {
        Timeline written = ScoreToTimeline.convert(doc.score());
        NotePerformance.Performer performer = performer(grid, performed);
        List<TimedNote> notes = new ArrayList<>();
        for (TimedNote n : written.notes()) {
            NotePerformance.Played p = n.part() == part ? performer.play(n.onset(), n.midi()) : null;
            if (p == null) {
                notes.add(n);
                continue;
            }
            // a drum stroke sounds briefly whatever its written value: a 16th, moved by its offset
            Rational onset = Rational.nearest(n.onset().toDouble() + p.shiftQuarters(), MidiWriter.TICKS_PER_QUARTER).max(Rational.ZERO);
            notes.add(new TimedNote(n.midi(), onset, onset.plus(Rational.of(1, 4)), p.velocity(), n.part(), n.voice(), n.staff(), n.spelling()));
        }
        Timeline performedTimeline = new Timeline(notes, written.tempo(), written.meters(), written.keys(), written.parts(), written.pickup());
        try {
            return MidiWriter.toBytes(performedTimeline);
        } catch (IOException e) {
            throw new ScoreFileException(doc.name(), "cannot be written as MIDI (" + e.getMessage() + ")");
        }
    }
}
