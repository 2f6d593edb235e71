package org.kantor.harmonizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kantor.checker.VoiceRange;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.Voice;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.MusicXmlReader;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/** Harmonizations as a musician checks them: the melody untouched, four voices in range, every measure full. */
class HarmonizerTest {

    private static HarmonyModel model;

    @BeforeAll
    static void load() throws Exception {
        model = SharedModel.get();
    }

    private static Harmonizer.Request request(int variations, long seed) {
        return new Harmonizer.Request(0, variations, seed, new GibbsSampler.Settings(16, 0.9, 0.9, 0.05, 0.75, true));
    }

    static void assertFourPartHarmonization(Score melodyScore, Score result) {
        assertEquals(4, result.parts().size());
        assertEquals(List.of("Voice", "Alto", "Tenor", "Bass").subList(1, 4), result.parts().subList(1, 4).stream().map(Part::name).toList());
        // the melody part is note for note what it was, lyrics included
        Part before = melodyScore.parts().get(0);
        Part after = result.parts().get(0);
        assertEquals(before.notes(), after.notes());
        for (int p = 1; p < 4; p++) {
            Part part = result.parts().get(p);
            assertEquals(before.measures().size(), part.measures().size(), part.name());
            for (int m = 0; m < part.measures().size(); m++) {
                Measure measure = part.measures().get(m);
                assertEquals(before.measures().get(m).number(), measure.number());
                for (Voice v : measure.voices()) {
                    Rational sum = v.events().stream().map(MusicEvent::length).reduce(Rational.ZERO, Rational::plus);
                    assertEquals(measure.length(), sum, part.name() + " measure " + measure.number());
                }
            }
            VoiceRange range = VoiceRange.TEXTBOOK[p];
            for (Note n : part.notes()) {
                assertTrue(range.contains(n.pitch().midi()), part.name() + " sings " + n.pitch());
            }
            assertTrue(part.notes().size() > before.notes().size() / 2, part.name() + " has notes");
        }
    }

    @Test
    void harmonizesTheExampleMelody() throws Exception {
        ScoreDocument melody = MusicXmlReader.read(Path.of("../examples/melody.musicxml"));
        List<ScoreDocument> results = new Harmonizer(model).harmonize(melody, request(2, 3));
        assertEquals(2, results.size());
        for (ScoreDocument doc : results) {
            assertFourPartHarmonization(melody.score(), doc.score());
            // written and read back: the same four parts
            ScoreDocument back = MusicXmlReader.read(MusicXmlWriter.toBytes(doc), "back.musicxml");
            assertFourPartHarmonization(melody.score(), back.score());
            assertTrue(back.score().parts().get(3).notes().stream().anyMatch(Note::fermata), "the final fermata in the bass");
            // the melody ends on D in D major: so does the bass
            List<Note> bass = back.score().parts().get(3).notes();
            assertEquals(2, Math.floorMod(bass.get(bass.size() - 1).pitch().midi(), 12), "the last bass note is the tonic");
            // while the melody holds its last fermata (a half note in 3/4), no new voice moves: the choir stops together
            for (Part p : doc.score().parts().subList(1, 4)) {
                Measure last = p.measures().get(p.measures().size() - 1);
                long struck = last.voices().stream().flatMap(v -> v.events().stream()).filter(e -> e instanceof Note n && !n.tie().stopsTie()).count();
                assertEquals(1, struck, p.name() + " strikes one note under the final fermata");
            }
            // the melody moves in eighths at the fastest, so the new voices do too: no 16th-note flicker
            for (Part p : doc.score().parts().subList(1, 4)) {
                assertTrue(p.notes().stream().noneMatch(n -> n.duration().type() == org.kantor.core.NoteType.SIXTEENTH),
                        p.name() + " has 16th notes");
            }
        }
        assertEquals(1, melody.score().parts().size(), "the input document is not changed");
    }

    @Test
    void theCheckersCountsCompareBachAndKantorOnTheSameSopranos() throws Exception {
        Path folder = KantorData.corpus("bach-chorales-musicxml");
        assumeTrue(folder != null);
        ScoreCheckEvaluation.Result r = ScoreCheckEvaluation.run(model, List.of(folder.resolve("bwv269.mxl"), folder.resolve("bwv10.7.mxl")), 1);
        assertTrue(r.chorales() >= 1, "four-part chorales read: " + r.chorales());
        assertTrue(r.bachNotes() > 100 && r.kantorNotes() > 100, r.bachNotes() + " / " + r.kantorNotes());
        assertEquals(0.0, r.kantorPerThousand("chromatic-clash"), "no clash in Kantor's voices");
    }

    @Test
    void noVoiceSingsALetterAgainstAnotherAccidentalOfIt() throws Exception {
        // before the sampler left them out, seeds 1-3 of the example gave clashes such as a tenor C#4 against a bass C4
        ScoreDocument melody = MusicXmlReader.read(Path.of("../examples/melody.musicxml"));
        for (ScoreDocument doc : new Harmonizer(model).harmonize(melody, request(3, 1))) {
            var findings = org.kantor.checker.VoiceLeadingChecker.standard().check(doc.score(), doc.name()).findings();
            assertTrue(findings.stream().noneMatch(f -> f.rule().equals("chromatic-clash")),
                    findings.stream().filter(f -> f.rule().equals("chromatic-clash")).map(f -> f.message()).toList().toString());
        }
    }

    @Test
    void theSameSeedGivesTheSameHarmonization() throws Exception {
        ScoreDocument melody = MusicXmlReader.read(Path.of("../examples/melody.musicxml"));
        Score a = new Harmonizer(model).harmonize(melody, request(1, 42)).get(0).score();
        Score b = new Harmonizer(model).harmonize(melody, request(1, 42)).get(0).score();
        assertEquals(a.parts().get(1).notes(), b.parts().get(1).notes());
        assertEquals(a.parts().get(3).notes(), b.parts().get(3).notes());
    }

    @Test
    void progressIsToldRoundByRoundUpToTheEnd() throws Exception {
        ScoreDocument melody = MusicXmlReader.read(Path.of("../examples/melody.musicxml"));
        List<Double> told = new java.util.ArrayList<>();
        new Harmonizer(model).onProgress(told::add).harmonize(melody, request(1, 7));
        assertEquals(16, told.size(), "one report per resampling round");
        for (int i = 1; i < told.size(); i++) {
            assertTrue(told.get(i) > told.get(i - 1), told.toString());
        }
        assertEquals(1.0, told.get(told.size() - 1), 1e-9);
    }

    @Test
    void harmonizesBachSopranos() throws Exception {
        Path folder = KantorData.corpus("bach-chorales-musicxml");
        assumeTrue(folder != null);
        for (String name : new String[] {"bwv269.mxl", "bwv1.6.mxl", "bwv10.7.mxl"}) {
            ScoreDocument chorale = MusicXmlReader.read(folder.resolve(name));
            // the soprano alone, as a melody
            ScoreDocument melody = sopranoOnly(chorale);
            ScoreDocument result = new Harmonizer(model).harmonize(melody, request(1, 1)).get(0);
            assertFourPartHarmonization(melody.score(), result.score());
            // the new voices write the meter as the soprano does: C, not 4/4
            String xml = new String(MusicXmlWriter.toBytes(result), StandardCharsets.UTF_8);
            if (new String(MusicXmlWriter.toBytes(melody), StandardCharsets.UTF_8).contains("<time symbol=\"common\"")) {
                assertEquals(4, xml.split("<time symbol=\"common\"", -1).length - 1, name + ": every part's first meter is C");
            }
        }
    }

    private static ScoreDocument sopranoOnly(ScoreDocument chorale) throws Exception {
        return firstParts(chorale, 1);
    }

    private static ScoreDocument firstParts(ScoreDocument chorale, int keep) throws Exception {
        ScoreDocument copy = chorale.copy();
        var tree = copy.tree();
        while (tree.getPart().size() > keep) {
            Object id = tree.getPart().get(keep).getId();
            tree.getPart().remove(keep);
            tree.getPartList().getPartGroupOrScorePart().remove(id);
        }
        copy.treeChanged(tree);
        return MusicXmlReader.read(MusicXmlWriter.toBytes(copy), chorale.name());
    }

    @Test
    void refusesWhatItCannotHonour() throws Exception {
        ScoreDocument twoParts = firstParts(MusicXmlReader.read(Path.of("../examples/chorale.musicxml")), 2);
        ScoreFileException parts = assertThrows(ScoreFileException.class, () -> new Harmonizer(model).harmonize(twoParts, request(1, 1)));
        assertTrue(parts.getMessage().contains("found 2 parts with notes (Soprano, Alto), 2 voices in all; four-part writing needs soprano, alto, tenor and bass"),
                parts.getMessage());

        String triplet = new String(java.nio.file.Files.readAllBytes(Path.of("../examples/melody.musicxml")), StandardCharsets.UTF_8)
                .replaceFirst("<duration>3</duration><voice>1</voice><type>quarter</type><dot/>",
                        "<duration>3</duration><voice>1</voice><type>quarter</type><dot/><time-modification><actual-notes>3</actual-notes><normal-notes>2</normal-notes></time-modification>");
        ScoreDocument tuplet = MusicXmlReader.read(triplet.getBytes(StandardCharsets.UTF_8), "tuplet.musicxml");
        ScoreFileException grid = assertThrows(ScoreFileException.class, () -> new Harmonizer(model).harmonize(tuplet, request(1, 1)));
        assertTrue(grid.getMessage().startsWith("tuplet.musicxml, measure 1: "), grid.getMessage());
        assertTrue(grid.getMessage().contains("16th-note grid"), grid.getMessage());
    }
}
