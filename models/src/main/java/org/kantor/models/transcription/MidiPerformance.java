package org.kantor.models.transcription;

import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.musicxml.MidiReader;
import org.kantor.musicxml.ScoreFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A MIDI file read as a performance: every pitched note with its start and end in seconds, as the
 * file's tempo map plays it. Drum tracks are left out; bar lines and the file's own meter are not
 * trusted, since a recorded performance rarely follows the click it was stored with.
 */
public final class MidiPerformance {

    private MidiPerformance() {
    }

    public static List<PerformedNote> read(Path file) throws ScoreFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ScoreFileException(file.toString(), "cannot be read (" + e.getMessage() + ")");
        }
        Timeline timeline = MidiReader.read(bytes, file.toString());
        List<PerformedNote> notes = new ArrayList<>();
        for (TimedNote note : timeline.notes()) {
            if (note.part() < timeline.parts().size() && timeline.parts().get(note.part()).instrument().percussion()) {
                continue;
            }
            double start = timeline.seconds(note.onset());
            double end = timeline.seconds(note.offset());
            if (end > start) {
                notes.add(new PerformedNote(start, end, note.midi(), Math.max(1, Math.min(127, note.velocity()))));
            }
        }
        return notes;
    }
}
