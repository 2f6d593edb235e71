package org.kantor.core.notation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kantor.core.Duration;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.NoteType;
import org.kantor.core.Pitch;
import org.kantor.core.Rational;
import org.kantor.core.Rest;
import org.kantor.core.TimeSignature;

class BeamerTest {

    private static List<MusicEvent> run(NoteType type, int count) {
        List<MusicEvent> events = new ArrayList<>();
        Rational at = Rational.ZERO;
        for (int i = 0; i < count; i++) {
            events.add(Note.of(at, Duration.of(type), Pitch.parse("C5")));
            at = at.plus(type.quarters());
        }
        return events;
    }

    private static String firstLevel(Map<Integer, List<Beam>> beams, int size) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            List<Beam> b = beams.get(i);
            sb.append(b == null ? "-" : switch (b.get(0)) {
                case BEGIN -> "[";
                case CONTINUE -> "=";
                case END -> "]";
                default -> "h";
            });
        }
        return sb.toString();
    }

    @Test
    void sixEightBeamsEighthsInThrees() {
        List<MusicEvent> events = run(NoteType.EIGHTH, 6);
        assertEquals("[=][=]", firstLevel(Beamer.beams(events, TimeSignature.parse("6/8")), 6));
    }

    @Test
    void fourFourBeamsPlainEighthsByHalfBar() {
        List<MusicEvent> events = run(NoteType.EIGHTH, 8);
        assertEquals("[==][==]", firstLevel(Beamer.beams(events, TimeSignature.COMMON), 8));
    }

    @Test
    void threeFourBeamsEighthsByBeat() {
        List<MusicEvent> events = run(NoteType.EIGHTH, 6);
        assertEquals("[][][]", firstLevel(Beamer.beams(events, TimeSignature.parse("3/4")), 6));
    }

    @Test
    void sixteenthsBeamPerBeatWithSecondaryBeams() {
        List<MusicEvent> events = new ArrayList<>();
        events.add(Note.of(Rational.ZERO, Duration.dotted(NoteType.EIGHTH, 1), Pitch.parse("C5")));
        events.add(Note.of(Rational.of(3, 4), Duration.of(NoteType.SIXTEENTH), Pitch.parse("D5")));
        Map<Integer, List<Beam>> beams = Beamer.beams(events, TimeSignature.COMMON);
        assertEquals(List.of(Beam.BEGIN), beams.get(0));
        assertEquals(List.of(Beam.END, Beam.BACKWARD_HOOK), beams.get(1));
    }

    @Test
    void restsBreakBeams() {
        List<MusicEvent> events = new ArrayList<>();
        events.add(Note.of(Rational.ZERO, Duration.of(NoteType.EIGHTH), Pitch.parse("C5")));
        events.add(Rest.of(Rational.of(1, 2), Duration.of(NoteType.EIGHTH)));
        Map<Integer, List<Beam>> beams = Beamer.beams(events, TimeSignature.COMMON);
        assertFalse(beams.containsKey(0));
    }
}
