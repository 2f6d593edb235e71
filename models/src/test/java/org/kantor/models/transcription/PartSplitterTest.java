package org.kantor.models.transcription;

import org.junit.jupiter.api.Test;
import org.kantor.core.Clef;
import org.kantor.core.Part;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.musicxml.ScoreFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A choir heard as one texture must come back as its four parts, each in its own staff and clef. */
class PartSplitterTest {

    private static final Path CHORALE = Path.of("../examples/chorale.musicxml");

    @Test
    void theExampleChoraleSungWithHumanTimingComesBackAsItsFourParts() throws Exception {
        Score source = ScoreFiles.read(CHORALE).score();
        Timeline written = ScoreToTimeline.convert(source);
        PerformanceNotation.Result result = PerformanceNotation.notate(sung(written, 72, 25),
                new TranscriptionSettings(null, null, null, TranscriptionSettings.Instrumentation.SATB, NoteCreation.Settings.defaults()),
                "Evening Chorale");

        assertEquals(TimeSignature.COMMON, result.time());
        assertEquals(72, result.quarterNotesPerMinute(), 72 * 0.04);
        Score score = result.score();
        assertEquals(List.of("Soprano", "Alto", "Tenor", "Bass"), score.parts().stream().map(Part::name).toList());
        assertEquals(List.of(Clef.TREBLE, Clef.TREBLE, Clef.TREBLE_8VB, Clef.BASS),
                score.parts().stream().map(p -> p.measures().get(0).clefs().get(0).clef()).toList());
        for (int part = 0; part < 4; part++) {
            assertEquals(pitches(written, part), pitches(result.timeline(), part), score.parts().get(part).name() + "'s notes");
        }
        assertEquals(4, score.parts().get(0).measures().size(), "four bars, as written");
        PerformanceNotationTest.assertMeasuresAddUp(score);
    }

    @Test
    void aUnisonHeardAsOneNoteIsSungByBothParts() {
        // alto and soprano meet on D5 on beat 3: the recording has one D5 there
        double[][] soprano = {{76, 0}, {74, 1}, {74, 2}, {72, 3}};
        double[][] alto = {{67, 0}, {71, 1}, {69, 3}};
        double[][] tenor = {{60, 0}, {62, 1}, {62, 2}, {64, 3}};
        double[][] bass = {{48, 0}, {55, 1}, {54, 2}, {57, 3}};
        List<PerformedNote> played = new ArrayList<>();
        for (double[][] voice : List.of(soprano, alto, tenor, bass)) {
            for (int i = 0; i < voice.length; i++) {
                double end = i + 1 < voice.length ? voice[i + 1][1] : 4;
                if (voice == alto && i == 1) {
                    end = 2; // the alto's B4 ends where it joins the soprano's D5
                }
                played.add(new PerformedNote(0.5 + voice[i][1] * 0.8, 0.5 + end * 0.8 - 0.05, (int) voice[i][0], 80));
            }
        }
        PerformanceNotation.Result result = PerformanceNotation.notate(played,
                new TranscriptionSettings(75.0, TimeSignature.COMMON, null, TranscriptionSettings.Instrumentation.SATB,
                        NoteCreation.Settings.defaults()), "Unison");
        assertEquals(List.of(76, 74, 74, 72), pitches(result.timeline(), 0));
        assertEquals(List.of(67, 71, 74, 69), pitches(result.timeline(), 1), "the alto sings the D5 with the soprano");
        assertEquals(List.of(60, 62, 62, 64), pitches(result.timeline(), 2));
        assertEquals(List.of(48, 55, 54, 57), pitches(result.timeline(), 3));
    }

    @Test
    void onAHeldSoundANoteHeardTwiceWithoutABreakIsOneNoteAndARepeatedNoteStaysTwo() {
        // soprano: G5 held through beats 0-2, heard as two notes that touch (a swell); then E5 struck twice with a break
        List<PerformedNote> played = new ArrayList<>(List.of(
                new PerformedNote(0.5, 1.3, 79, 80), new PerformedNote(1.3, 2.1, 79, 60),
                new PerformedNote(2.1, 2.8, 76, 80), new PerformedNote(2.9, 3.7, 76, 80)));
        for (int beat = 0; beat < 4; beat++) {
            for (int midi : new int[] {72 - beat, 64 - beat, 48 + 2 * beat}) {
                played.add(new PerformedNote(0.5 + beat * 0.8, 0.5 + beat * 0.8 + 0.75, midi, 80));
            }
        }
        PerformanceNotation.Result result = PerformanceNotation.notate(played,
                new TranscriptionSettings(75.0, TimeSignature.COMMON, null, TranscriptionSettings.Instrumentation.QUARTET,
                        NoteCreation.Settings.defaults().forHeldNotes()), "Held");
        List<TimedNote> violin = result.timeline().notes().stream().filter(n -> n.part() == 0).toList();
        assertEquals(List.of(79, 76, 76), violin.stream().map(TimedNote::midi).toList());
        assertEquals(org.kantor.core.Rational.of(2), violin.get(0).length(), "the G held for two beats");
    }

    /** Each written note sung a little early or late, and let go a little before the next (a breath between notes). */
    private static List<PerformedNote> sung(Timeline written, double bpm, int jitterMs) {
        Random random = new Random(3);
        double beat = 60 / bpm;
        List<PerformedNote> notes = new ArrayList<>();
        for (TimedNote n : written.notes()) {
            double start = 0.3 + n.onset().toDouble() * beat + (random.nextDouble() * 2 - 1) * jitterMs / 1000.0;
            double end = 0.3 + n.offset().toDouble() * beat - 0.08;
            notes.add(new PerformedNote(start, end, n.midi(), 60 + random.nextInt(30)));
        }
        return notes;
    }

    private static List<Integer> pitches(Timeline timeline, int part) {
        return timeline.notes().stream().filter(n -> n.part() == part).map(TimedNote::midi).toList();
    }
}
