package org.kantor.harmonizer;

import org.kantor.checker.FourPartScore;
import org.kantor.checker.VoiceRange;
import org.kantor.checker.MelodyLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.checker.MuseScore;
import org.kantor.core.Clef;
import org.kantor.core.Score;
import org.kantor.core.timeline.TimedNote;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.musicxml.MusicXmlReader;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;

/**
 * Hymnal layout: soprano and alto share a treble staff, tenor and bass a bass staff, told apart by
 * their stems; the melody keeps its notes, the result reads back (here and in MuseScore) as the same
 * four voices, and chosen measures of one voice of such a score can be written anew.
 */
class TwoStavesLayoutTest {

    private static HarmonyModel model;

    @BeforeAll
    static void load() throws Exception {
        model = SharedModel.get();
    }

    private static Harmonizer.Request request(long seed, Harmonizer.Layout layout) {
        return new Harmonizer.Request(0, 1, seed, new GibbsSampler.Settings(16, 0.9, 0.9, 0.05, 0.75, true), layout);
    }

    private static ScoreDocument harmonizedOnTwoStaves(ScoreDocument melody) throws Exception {
        return new Harmonizer(model).harmonize(melody, request(3, Harmonizer.Layout.TWO_STAVES)).get(0);
    }

    @Test
    void putsSopranoAndAltoOnOneStaffAndTenorAndBassOnAnother(@TempDir Path dir) throws Exception {
        ScoreDocument melody = MusicXmlReader.read(Path.of("../examples/melody.musicxml"));
        ScoreDocument result = harmonizedOnTwoStaves(melody);
        Path out = dir.resolve("two-staves.musicxml");
        Files.write(out, MusicXmlWriter.toBytes(result));
        Score back = MusicXmlReader.read(out).score();

        assertEquals(List.of("Voice", "Tenor, Bass"), back.parts().stream().map(org.kantor.core.Part::name).toList());
        assertEquals(Clef.BASS, back.parts().get(1).measures().get(0).clefs().get(0).clef());
        FourPartScore four = FourPartScore.find(back, "two-staves.musicxml");
        assertNotNull(four, "read back as four-part writing");
        assertEquals(new FourPartScore.Source(0, 1, "1", true), four.sources()[0]);
        assertEquals(new FourPartScore.Source(0, 1, "2", false), four.sources()[1]);
        assertEquals(new FourPartScore.Source(1, 1, "1", true), four.sources()[2]);
        assertEquals(new FourPartScore.Source(1, 1, "2", false), four.sources()[3]);
        // the melody, note for note (pitch, onset, length; lyrics too)
        assertEquals(pitchesAndTimes(MelodyLine.of(melody.score(), "melody").notes()), pitchesAndTimes(four.lines()[0].notes()));
        assertEquals(melody.score().parts().get(0).notes().stream().map(org.kantor.core.Note::lyrics).toList(),
                back.parts().get(0).measures().stream().flatMap(m -> m.voice("1").notes().stream()).map(org.kantor.core.Note::lyrics).toList(),
                "the melody's lyrics");
        for (int v = 1; v < 4; v++) {
            assertTrue(four.lines()[v].notes().size() > 10, "voice " + v + " has notes");
            for (TimedNote n : four.lines()[v].notes()) {
                assertTrue(VoiceRange.TEXTBOOK[v].contains(n.midi()), "voice " + v + " sings MIDI " + n.midi());
            }
        }
        FourPartHarmonizationTest.assertMeasuresAddUp(back, "two staves", List.of(1));
        // stems tell the voices of a staff apart
        String xml = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<voice>2</voice>"), "a second voice");
        assertTrue(xml.contains("<stem>up</stem>") && xml.contains("<stem>down</stem>"), "stems up and down");
        assertTrue(xml.contains("<fermata type=\"inverted\""), "the lower voices' fermatas below the staff");

        // the checker reads the two staves as the same four voices
        var check = org.kantor.checker.VoiceLeadingChecker.standard().check(back, "two-staves.musicxml");
        int sung = 0;
        for (int v = 0; v < 4; v++) {
            assertEquals(pitchesAndTimes(four.lines()[v].notes()).size(), check.chorale().voice(v).size(), "voice " + v + " as the checker reads it");
            sung += check.chorale().voice(v).size();
        }
        assertEquals(sung, check.chorale().noteCount());

        Score museScore = MuseScore.assertReadsEveryVoice(out, back);
        if (museScore != null) {
            FourPartScore read = FourPartScore.find(museScore, "exported by MuseScore");
            assertNotNull(read, "MuseScore's export is four-part writing too");
            assertEquals(pitchesAndTimes(four.lines()[0].notes()), pitchesAndTimes(read.lines()[0].notes()), "soprano in MuseScore");
            assertEquals(pitchesAndTimes(four.lines()[3].notes()), pitchesAndTimes(read.lines()[3].notes()), "bass in MuseScore");
        }
    }

    @Test
    void rewritesMeasuresOfOneVoiceOfATwoStaffScore() throws Exception {
        ScoreDocument melody = MusicXmlReader.read(Path.of("../examples/melody.musicxml"));
        ScoreDocument hymn = MusicXmlReader.read(MusicXmlWriter.toBytes(harmonizedOnTwoStaves(melody)), "hymn.musicxml");
        FourPartScore before = FourPartScore.find(hymn.score(), "hymn");
        // measures 3-4 (indices 3 and 4: the pickup is measure 0) of the alto and the bass
        Harmonizer.Region region = new Harmonizer.Region(new boolean[] {false, true, false, true}, 3, 4);
        ScoreDocument result = new Harmonizer(model).regenerate(hymn, region, request(11, Harmonizer.Layout.FOUR_STAVES)).get(0);
        Score back = MusicXmlReader.read(MusicXmlWriter.toBytes(result), "back").score();
        FourPartScore after = FourPartScore.find(back, "back");
        org.kantor.core.Rational start = org.kantor.core.timeline.ScoreToTimeline.measureStarts(back).get(3);
        org.kantor.core.Rational end = org.kantor.core.timeline.ScoreToTimeline.measureStarts(back).get(5);
        for (int v = 0; v < 4; v++) {
            List<String> was = pitchesAndTimes(before.lines()[v].notes());
            List<String> is = pitchesAndTimes(after.lines()[v].notes());
            if (!region.voices()[v]) {
                assertEquals(was, is, "voice " + v + " is kept");
                continue;
            }
            assertEquals(outside(before.lines()[v].notes(), start, end), outside(after.lines()[v].notes(), start, end),
                    "voice " + v + " outside measures 3-4 is kept");
            assertNotEquals(was, is, "voice " + v + " in measures 3-4 is new");
            for (TimedNote n : after.lines()[v].notes()) {
                assertTrue(VoiceRange.TEXTBOOK[v].contains(n.midi()), "voice " + v + " sings MIDI " + n.midi());
            }
        }
        FourPartHarmonizationTest.assertMeasuresAddUp(back, "two staves rewritten", List.of(0, 1));
    }

    private static List<String> pitchesAndTimes(List<TimedNote> notes) {
        return notes.stream().map(n -> n.midi() + "@" + n.onset() + "-" + n.offset()).toList();
    }

    private static List<String> outside(List<TimedNote> notes, org.kantor.core.Rational start, org.kantor.core.Rational end) {
        return pitchesAndTimes(notes.stream().filter(n -> !n.offset().greaterThan(start) || !n.onset().lessThan(end)).toList());
    }
}
