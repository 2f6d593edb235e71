package org.kantor.models.transcription;

import org.junit.jupiter.api.Test;
import org.kantor.core.Clef;
import org.kantor.core.KeySignature;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.core.Voice;
import org.kantor.core.timeline.TimedNote;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Performances made from a known rhythm, played with human timing, must come back as that rhythm. */
class PerformanceNotationTest {

    /** A G major waltz tune with a one-beat pickup: (MIDI pitch, onset in beats, length in beats). */
    private static final double[][] WALTZ = {
        {62, 0, 1},
        {67, 1, 2}, {71, 3, 1},
        {69, 4, 1}, {67, 5, 1}, {66, 6, 1},
        {67, 7, 1.5}, {69, 8.5, 0.5}, {71, 9, 1},
        {74, 10, 3},
        {72, 13, 1}, {71, 14, 1}, {69, 15, 1},
        {71, 16, 0.5}, {72, 16.5, 0.5}, {71, 17, 1}, {69, 18, 1},
        {67, 19, 3},
    };

    @Test
    void aWaltzWithAPickupComesBackIn34AtItsTempo() {
        double bpm = 84;
        List<PerformedNote> played = perform(WALTZ, bpm, 0.7, 12);
        PerformanceNotation.Result result = PerformanceNotation.notate(played, TranscriptionSettings.automatic(), "Waltz");
        assertEquals(TimeSignature.of(3, 4), result.time());
        assertEquals(new KeySignature(1, org.kantor.core.Mode.MAJOR), result.key());
        assertEquals(bpm, result.quarterNotesPerMinute(), bpm * 0.04);
        assertEquals(TranscriptionSettings.Instrumentation.VOICE, result.instrument());
        assertEquals(Rational.ONE, result.timeline().pickup(), "a one-beat pickup");
        List<TimedNote> notes = result.timeline().notes();
        assertEquals(WALTZ.length, notes.size());
        for (int i = 0; i < WALTZ.length; i++) {
            assertEquals((int) WALTZ[i][0], notes.get(i).midi());
            assertEquals(Rational.nearest(WALTZ[i][1], 2), notes.get(i).onset(), "onset of note " + i);
        }
        assertMeasuresAddUp(result.score());
    }

    @Test
    void aTenorIsWrittenInTheOctaveTrebleClefAndABassInTheBassClef() {
        assertEquals(Clef.TREBLE, firstClef(transposed(WALTZ, 0)), "the tune where written");
        assertEquals(Clef.TREBLE_8VB, firstClef(transposed(WALTZ, -12)), "an octave down, as a tenor sings it");
        assertEquals(Clef.BASS, firstClef(transposed(WALTZ, -24)), "two octaves down, a bass line");
    }

    private static Clef firstClef(double[][] tune) {
        PerformanceNotation.Result result = PerformanceNotation.notate(perform(tune, 84, 0.7, 12),
                TranscriptionSettings.automatic(), "Song");
        assertEquals(TranscriptionSettings.Instrumentation.VOICE, result.instrument());
        return result.score().parts().get(0).measures().get(0).clefs().get(0).clef();
    }

    private static double[][] transposed(double[][] tune, int semitones) {
        double[][] result = new double[tune.length][];
        for (int i = 0; i < tune.length; i++) {
            result[i] = new double[] {tune[i][0] + semitones, tune[i][1], tune[i][2]};
        }
        return result;
    }

    /** A hymn tune in quarters and eighths (MIDI pitch, onset in beats, length in beats). */
    private static final double[][] HYMN = {
        {67, 0, 1}, {69, 1, 0.5}, {71, 1.5, 0.5}, {72, 2, 1}, {71, 3, 1},
        {69, 4, 1}, {67, 5, 0.5}, {66, 5.5, 0.5}, {67, 6, 2},
        {71, 8, 1}, {72, 9, 0.5}, {74, 9.5, 0.5}, {76, 10, 1}, {74, 11, 1},
        {72, 12, 1}, {71, 13, 0.5}, {69, 13.5, 0.5}, {67, 14, 2},
        {67, 16, 1}, {69, 17, 0.5}, {71, 17.5, 0.5}, {72, 18, 1}, {71, 19, 1},
        {69, 20, 1}, {67, 21, 0.5}, {66, 21.5, 0.5}, {67, 22, 2},
    };

    @Test
    void notesSungLateOrEarlyAreWrittenAsTheEighthsTheyAreNotAs16ths() {
        // up to 0.16 of a beat early or late, as a choir's slow attack or a singer's rubato puts them
        List<PerformedNote> sung = perform(HYMN, 80, 0.5, 120);
        PerformanceNotation.Result result = PerformanceNotation.notate(sung, new TranscriptionSettings(80.0, TimeSignature.COMMON, null,
                TranscriptionSettings.Instrumentation.VOICE, NoteCreation.Settings.defaults()), "Hymn");
        for (TimedNote n : result.timeline().notes()) {
            assertTrue(n.onset().isMultipleOf(Rational.of(1, 2)), "note " + n.midi() + " written at " + n.onset() + ", off the eighths");
        }
        assertEquals(HYMN.length, result.timeline().notes().size());
    }

    @Test
    void real16thsStayWritten() {
        double[][] tune = {
            {67, 0, 0.25}, {69, 0.25, 0.25}, {71, 0.5, 0.25}, {72, 0.75, 0.25}, {74, 1, 1}, {72, 2, 0.25}, {71, 2.25, 0.25},
            {69, 2.5, 0.25}, {67, 2.75, 0.25}, {66, 3, 1}, {67, 4, 0.25}, {69, 4.25, 0.25}, {71, 4.5, 0.5}, {67, 5, 1},
        };
        PerformanceNotation.Result result = PerformanceNotation.notate(perform(tune, 80, 0.5, 15), new TranscriptionSettings(80.0,
                TimeSignature.COMMON, null, TranscriptionSettings.Instrumentation.VOICE, NoteCreation.Settings.defaults()), "Run");
        List<TimedNote> notes = result.timeline().notes();
        for (int i = 0; i < tune.length; i++) {
            assertEquals(Rational.nearest(tune[i][1], 4), notes.get(i).onset().minus(notes.get(0).onset()), "onset of note " + i);
        }
    }

    @Test
    void aBeatOfTripletsIsWrittenAsTriplets() {
        double[][] tune = {
            {60, 0, 1}, {62, 1, 0.5}, {64, 1.5, 0.5}, {65, 2, 1.0 / 3}, {67, 2 + 1.0 / 3, 1.0 / 3}, {69, 2 + 2.0 / 3, 1.0 / 3},
            {71, 3, 1}, {72, 4, 1}, {71, 5, 1}, {69, 6, 1}, {67, 7, 1}, {65, 8, 2}, {64, 10, 2},
        };
        List<PerformedNote> played = perform(tune, 100, 0, 8);
        PerformanceNotation.Result result = PerformanceNotation.notate(played,
                new TranscriptionSettings(100.0, TimeSignature.COMMON, null, TranscriptionSettings.Instrumentation.AUTO,
                        NoteCreation.Settings.defaults()), "Triplets");
        List<TimedNote> notes = result.timeline().notes();
        assertEquals(Rational.of(7, 3), notes.get(4).onset());
        boolean tuplets = result.score().parts().get(0).measures().get(0).voices().stream()
                .flatMap(v -> v.events().stream()).filter(e -> e instanceof Note)
                .anyMatch(e -> ((Note) e).duration().tuplet() != null);
        assertTrue(tuplets, "triplet eighths are written as a tuplet");
        long inSixteenths = notes.stream().filter(n -> n.onset().isMultipleOf(Rational.of(1, 4))).count();
        assertEquals(notes.size() - 2, inSixteenths, "only the two inner triplet notes are off the 16th grid");
    }

    @Test
    void pianoChordsAreSplitBetweenTheHandsAtTheWidestGap() {
        List<PerformedNote> played = new ArrayList<>();
        double beat = 0.6;
        int[][] chords = {{48, 55, 64, 67, 72}, {43, 50, 62, 65, 71}, {45, 52, 60, 64, 69}, {41, 53, 57, 60, 65}};
        for (int c = 0; c < 8; c++) {
            for (int midi : chords[c % 4]) {
                played.add(new PerformedNote(c * beat * 2, c * beat * 2 + beat * 1.9, midi, 80));
            }
        }
        PerformanceNotation.Result result = PerformanceNotation.notate(played,
                new TranscriptionSettings(null, TimeSignature.COMMON, null, TranscriptionSettings.Instrumentation.AUTO,
                        NoteCreation.Settings.defaults()), "Chords");
        assertEquals(TranscriptionSettings.Instrumentation.PIANO, result.instrument());
        // every chord: both hands play, the left hand below the right, each within a hand's span
        java.util.Map<Rational, List<TimedNote>> byOnset = new java.util.TreeMap<>();
        result.timeline().notes().forEach(n -> byOnset.computeIfAbsent(n.onset(), k -> new ArrayList<>()).add(n));
        assertEquals(8, byOnset.size());
        for (List<TimedNote> chord : byOnset.values()) {
            int leftTop = chord.stream().filter(n -> n.staff() == 2).mapToInt(TimedNote::midi).max().orElseThrow();
            int leftBottom = chord.stream().filter(n -> n.staff() == 2).mapToInt(TimedNote::midi).min().orElseThrow();
            int rightTop = chord.stream().filter(n -> n.staff() == 1).mapToInt(TimedNote::midi).max().orElseThrow();
            int rightBottom = chord.stream().filter(n -> n.staff() == 1).mapToInt(TimedNote::midi).min().orElseThrow();
            assertTrue(leftTop < rightBottom, "left hand below the right in " + chord);
            assertTrue(leftTop - leftBottom <= 14 && rightTop - rightBottom <= 14, "each hand spans at most a ninth: " + chord);
        }
        assertEquals(2, result.score().parts().get(0).staves());
        assertMeasuresAddUp(result.score());
    }

    @Test
    void chordsLetGoUnevenlyAreWrittenAsOneChordPerHandHeldToTheNext() {
        // a hymn's chords, each key released somewhere between 60% and 110% of the beat, as a pianist's fingers do
        List<PerformedNote> played = new ArrayList<>();
        Random random = new Random(5);
        double beat = 0.7;
        int[][] chords = {{48, 55, 64, 67, 72}, {43, 50, 62, 67, 71}, {45, 52, 60, 64, 69}, {41, 53, 57, 60, 65}};
        for (int c = 0; c < 16; c++) {
            for (int midi : chords[c % 4]) {
                double start = 0.5 + c * beat + random.nextDouble() * 0.02;
                played.add(new PerformedNote(start, start + beat * (0.6 + 0.5 * random.nextDouble()), midi, 80));
            }
        }
        PerformanceNotation.Result result = PerformanceNotation.notate(played, new TranscriptionSettings(null, TimeSignature.COMMON,
                null, TranscriptionSettings.Instrumentation.PIANO, NoteCreation.Settings.defaults()), "Hymn");
        for (Measure m : result.score().parts().get(0).measures()) {
            assertEquals(2, m.voices().size(), "one voice per hand in measure " + m.number() + ": " + m.voices());
            for (Voice v : m.voices()) {
                assertTrue(v.events().stream().noneMatch(e -> e instanceof org.kantor.core.Rest),
                        "no rests between the chords in measure " + m.number() + ": " + v.events());
            }
        }
    }

    @Test
    void aMelodyNoteHeldOverMovingChordsStaysHeld() {
        // the right hand holds a whole-note G5 while it strikes chords under it on every beat
        List<PerformedNote> played = new ArrayList<>();
        for (int bar = 0; bar < 4; bar++) {
            played.add(new PerformedNote(0.5 + bar * 2.4, 0.5 + bar * 2.4 + 2.35, 79, 90));
            for (int b = 0; b < 4; b++) {
                for (int midi : new int[] {64, 67, 48}) {
                    double start = 0.5 + bar * 2.4 + b * 0.6;
                    played.add(new PerformedNote(start, start + 0.55, midi - (b % 2), 70));
                }
            }
        }
        PerformanceNotation.Result result = PerformanceNotation.notate(played, new TranscriptionSettings(100.0, TimeSignature.COMMON,
                null, TranscriptionSettings.Instrumentation.PIANO, NoteCreation.Settings.defaults()), "Held");
        List<TimedNote> melody = result.timeline().notes().stream().filter(n -> n.midi() == 79).toList();
        assertEquals(4, melody.size());
        melody.forEach(n -> assertEquals(Rational.of(4), n.length(), "the G5 held for the whole bar: " + n));
    }

    @Test
    void faintOrFarOffShortNotesNobodyPlayedAreLeftOutOfTheScoreButAShortLoudOneStays() {
        double[][] tune = new double[WALTZ.length * 4][]; // the tune four times: a piece's worth of notes
        for (int i = 0; i < tune.length; i++) {
            double[] n = WALTZ[i % WALTZ.length];
            tune[i] = new double[] {n[0], n[1] + 21 * (i / WALTZ.length), n[2]};
        }
        List<PerformedNote> heard = new ArrayList<>(perform(tune, 84, 0.7, 12));
        heard.add(new PerformedNote(3.05, 3.2, 31, 20)); // a rumble: 0.15 s, a quarter of the others' loudness
        heard.add(new PerformedNote(5.05, 5.2, 86, 100)); // a short loud note: played
        heard.add(new PerformedNote(7.05, 7.2, 22, 90)); // a loud B-flat0 two octaves under the tune: a rumble
        PerformanceNotation.Result result = PerformanceNotation.notateHeard(heard, new TranscriptionSettings(84.0, TimeSignature.of(3, 4),
                null, TranscriptionSettings.Instrumentation.PIANO, NoteCreation.Settings.defaults()), "Waltz");
        List<Integer> written = result.timeline().notes().stream().map(TimedNote::midi).toList();
        assertTrue(!written.contains(31) && !written.contains(22), "the rumbles are not written: " + written);
        assertTrue(written.contains(86), "the short loud note is: " + written);
        assertEquals(tune.length + 1, written.size());
    }

    @Test
    void noNotesGiveAnEmptyScore() {
        PerformanceNotation.Result result = PerformanceNotation.notate(List.of(), TranscriptionSettings.automatic(), "Silence");
        assertEquals(0, result.notes());
        assertEquals(1, result.score().parts().size());
    }

    /** Plays the rhythm at {@code bpm} with up to {@code jitterMs} of random timing and a little legato gap. */
    private static List<PerformedNote> perform(double[][] tune, double bpm, double lead, int jitterMs) {
        Random random = new Random(7);
        double beat = 60 / bpm;
        List<PerformedNote> played = new ArrayList<>();
        for (double[] n : tune) {
            double start = lead + n[1] * beat + (random.nextDouble() * 2 - 1) * jitterMs / 1000.0;
            double end = lead + (n[1] + n[2]) * beat - 0.04;
            played.add(new PerformedNote(start, end, (int) n[0], 70 + random.nextInt(30)));
        }
        return played;
    }

    static void assertMeasuresAddUp(Score score) {
        for (var part : score.parts()) {
            for (Measure m : part.measures()) {
                for (Voice v : m.voices()) {
                    Rational sum = Rational.ZERO;
                    for (MusicEvent e : v.events()) {
                        sum = sum.plus(e.duration().quarters());
                    }
                    assertTrue(!sum.greaterThan(m.length()), "voice " + v.id() + " of measure " + m.number() + " overfills it");
                    if (v == m.voices().get(0)) {
                        assertEquals(m.length(), sum, "the first voice of measure " + m.number() + " fills it");
                    }
                }
            }
        }
    }
}
