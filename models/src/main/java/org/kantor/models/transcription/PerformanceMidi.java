package org.kantor.models.transcription;

import org.kantor.core.Instrument;
import org.kantor.core.Rational;
import org.kantor.core.timeline.TempoMap;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.musicxml.MidiWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The performed notes as a MIDI file with their exact timing and velocities (at 120 quarter notes a minute). */
public final class PerformanceMidi {

    private PerformanceMidi() {
    }

    public static byte[] toBytes(List<PerformedNote> notes, Instrument instrument) throws IOException {
        List<TimedNote> timed = new ArrayList<>();
        for (PerformedNote n : notes) {
            Rational on = Rational.nearest(n.start() * 2, MidiWriter.TICKS_PER_QUARTER);
            Rational off = Rational.nearest(n.end() * 2, MidiWriter.TICKS_PER_QUARTER);
            if (off.greaterThan(on)) {
                timed.add(new TimedNote(n.midi(), on, off, n.velocity(), 0, null, 1, null));
            }
        }
        Timeline timeline = new Timeline(timed, TempoMap.constant(120), List.of(), List.of(),
                List.of(new Timeline.PartInfo(instrument.name(), 1, instrument)), Rational.ZERO);
        return MidiWriter.toBytes(timeline);
    }
}
