package org.kantor.core.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kantor.core.Chord;
import org.kantor.core.Instrument;
import org.kantor.core.KeySignature;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Rest;
import org.kantor.core.Score;
import org.kantor.core.Tie;
import org.kantor.core.TimeSignature;
import org.kantor.core.Voice;

class TimelineToScoreTest {

    private static TimedNote note(int midi, String onset, String offset) {
        return new TimedNote(midi, Rational.parse(onset), Rational.parse(offset), 80, 0, null, 0, null);
    }

    private static Timeline timeline(List<TimedNote> notes, String meter, String key, String pickup, int staves) {
        return new Timeline(notes, TempoMap.constant(90), List.of(new Timeline.MeterChange(Rational.ZERO, TimeSignature.parse(meter))),
                List.of(new Timeline.KeyChange(Rational.ZERO, KeySignature.parse(key))),
                List.of(new Timeline.PartInfo("Melody", staves, Instrument.PIANO)), Rational.parse(pickup));
    }

    private static String describe(Measure m) {
        List<String> out = new ArrayList<>();
        for (Voice v : m.voices()) {
            for (MusicEvent e : v.events()) {
                String what = e instanceof Note n ? n.pitch() + (n.tie() == Tie.NONE ? "" : "~" + n.tie().name().toLowerCase())
                        : e instanceof Chord c ? "chord" + c.notes().size() : ((Rest) e).wholeMeasure() ? "measure-rest" : "rest";
                out.add(what + ":" + e.duration());
            }
        }
        return String.join(" ", out);
    }

    @Test
    void notesAcrossTheBarlineAreTiedAndSpelledInTheKey() {
        // E-flat major, 4/4: a pickup quarter Bb, then G (half), Ab held over the barline, Eb
        List<TimedNote> notes = List.of(note(70, "0", "1"), note(67, "1", "3"), note(68, "3", "6"), note(63, "6", "9"));
        Score score = TimelineToScore.convert(timeline(notes, "4/4", "Eb", "1", 1), TimelineToScore.Options.defaults());
        Part part = score.parts().get(0);
        assertEquals(3, part.measures().size());
        assertEquals("0", part.measures().get(0).number());
        assertTrue(part.measures().get(0).implicit());
        assertEquals("Bb4:quarter", describe(part.measures().get(0)));
        assertEquals("G4:half Ab4~start:half", describe(part.measures().get(1)));
        // Eb enters on beat 2 and is held to the end: quarter tied to half, showing the middle of the bar
        assertEquals("Ab4~stop:quarter Eb4~start:quarter Eb4~stop:half", describe(part.measures().get(2)));
    }

    @Test
    void everyMeasureAddsUpAndRestsFillTheGaps() {
        List<TimedNote> notes = List.of(note(60, "1/2", "2"), note(62, "3", "4"));
        Score score = TimelineToScore.convert(timeline(notes, "4/4", "C", "0", 1), TimelineToScore.Options.defaults());
        Measure m = score.parts().get(0).measures().get(0);
        assertEquals("rest:eighth C4~start:eighth C4~stop:quarter rest:quarter D4:quarter", describe(m));
        Rational sum = Rational.ZERO;
        for (MusicEvent e : m.voices().get(0).events()) {
            sum = sum.plus(e.length());
        }
        assertEquals(Rational.of(4), sum);
    }

    @Test
    void sixEightMelodyKeepsItsBeats() {
        List<TimedNote> notes = List.of(note(67, "0", "2"), note(69, "2", "5/2"), note(71, "5/2", "3"));
        Score score = TimelineToScore.convert(timeline(notes, "6/8", "G", "0", 1), TimelineToScore.Options.defaults());
        assertEquals("G4~start:quarter. G4~stop:eighth A4:eighth B4:eighth", describe(score.parts().get(0).measures().get(0)));
    }

    @Test
    void simultaneousNotesBecomeChordsAndOverlapsBecomeVoices() {
        List<TimedNote> notes = List.of(note(72, "0", "2"), note(76, "0", "2"), note(60, "0", "4"), note(74, "2", "4"));
        Score score = TimelineToScore.convert(timeline(notes, "4/4", "C", "0", 1), TimelineToScore.Options.defaults());
        Measure m = score.parts().get(0).measures().get(0);
        assertEquals(2, m.voices().size());
        assertEquals("chord2:half D5:half", m.voices().get(0).events().stream().map(e -> e instanceof Chord ? "chord2:" + e.duration()
                : ((Note) e).pitch() + ":" + e.duration()).reduce((a, b) -> a + " " + b).orElse(""));
    }

    @Test
    void pianoNotesGoToTheRightStaffAndEmptyMeasuresGetWholeRests() {
        List<TimedNote> notes = List.of(note(72, "0", "4"), note(48, "0", "4"), note(74, "4", "8"));
        Score score = TimelineToScore.convert(timeline(notes, "3/4", "C", "0", 2), TimelineToScore.Options.defaults());
        Part part = score.parts().get(0);
        assertEquals(2, part.staves());
        Measure second = part.measures().get(1);
        assertTrue(second.voices().stream().anyMatch(v -> v.events().get(0) instanceof Rest r && r.wholeMeasure() && r.staff() == 2)
                || second.voices().stream().anyMatch(v -> v.events().stream().anyMatch(e -> e.staff() == 2)));
        assertEquals(2, part.measures().get(0).voices().size());
        assertTrue(part.measures().get(0).voices().get(1).events().get(0).staff() == 2);
    }

    @Test
    void quantizingSnapsALooseLiveTakeToSixteenths() {
        List<TimedNote> notes = List.of(note(60, "1/50", "49/50"), note(62, "101/100", "199/100"));
        Timeline q = Quantizer.toGrid(timeline(notes, "4/4", "C", "0", 1), Rational.of(1, 4));
        assertEquals(Rational.ZERO, q.notes().get(0).onset());
        assertEquals(Rational.ONE, q.notes().get(0).offset());
        assertEquals(Rational.ONE, q.notes().get(1).onset());
    }

    @Test
    void scoreToTimelineMergesTiesAndConvertsToSeconds() {
        List<TimedNote> notes = List.of(note(68, "3", "6"));
        Score score = TimelineToScore.convert(timeline(notes, "4/4", "Eb", "0", 1), TimelineToScore.Options.defaults());
        Timeline back = ScoreToTimeline.convert(score);
        assertEquals(1, back.notes().size());
        assertEquals(Rational.of(3), back.notes().get(0).onset());
        assertEquals(Rational.of(6), back.notes().get(0).offset());
        assertEquals(2.0, back.seconds(Rational.of(3)), 1e-9);
    }
}
