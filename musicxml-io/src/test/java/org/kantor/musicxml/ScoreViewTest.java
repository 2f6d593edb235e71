package org.kantor.musicxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kantor.core.Chord;
import org.kantor.core.Measure;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;

/** The musician's view of real files: what a musician reading the score would see. */
class ScoreViewTest {

    private static Path file(Corpora corpus, String prefix) {
        return corpus.files().stream().filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void bachChoraleHasFourVoicesPickupKeyLyricsAndFermatas() throws Exception {
        Score score = MusicXmlReader.read(file(Corpora.BACH_CHORALES, "bwv269")).score();
        assertEquals(4, score.parts().size());
        assertEquals(List.of("Soprano", "Alto", "Tenor", "Bass"), score.parts().stream().map(Part::name).toList());
        Part soprano = score.parts().get(0);
        Measure pickup = soprano.measures().get(0);
        assertEquals("0", pickup.number());
        assertTrue(pickup.isIncomplete());
        assertEquals(Rational.ONE, pickup.length());
        assertEquals(TimeSignature.of(3, 4), pickup.time());
        assertEquals(1, pickup.key().fifths());
        assertTrue(soprano.notes().stream().anyMatch(Note::fermata));
        assertTrue(soprano.notes().stream().anyMatch(n -> !n.lyrics().isEmpty()));
        for (Part p : score.parts()) {
            for (Measure m : p.measures()) {
                m.voices().forEach(v -> {
                    Rational sum = v.events().stream().map(e -> e.length()).reduce(Rational.ZERO, Rational::plus);
                    assertEquals(m.length(), sum, p.name() + " measure " + m.number());
                });
            }
        }
    }

    @Test
    void pitchesOfTheTestSuite() throws Exception {
        Score score = MusicXmlReader.read(file(Corpora.TEST_SUITE, "01a")).score();
        List<Note> notes = score.parts().get(0).notes();
        assertEquals("G2", notes.get(0).pitch().toString());
        assertTrue(notes.stream().anyMatch(n -> n.pitch().alter() == 1));
        assertTrue(notes.stream().anyMatch(n -> n.pitch().alter() == -2));
    }

    @Test
    void chordsAreCollected() throws Exception {
        Score score = MusicXmlReader.read(file(Corpora.TEST_SUITE, "21a")).score();
        assertTrue(score.parts().get(0).measures().get(0).voices().get(0).events().stream().anyMatch(e -> e instanceof Chord));
    }

    @Test
    void timeSignaturesIncludingCompoundAndAdditive() throws Exception {
        Score score = MusicXmlReader.read(file(Corpora.TEST_SUITE, "11a")).score();
        var times = score.timeSignatures().stream().map(TimeSignature::toString).toList();
        assertTrue(times.contains("6/8") && times.contains("3/4"), times.toString());
        Score additive = MusicXmlReader.read(file(Corpora.TEST_SUITE, "11d")).score();
        assertTrue(additive.timeSignatures().stream().anyMatch(TimeSignature::isAdditive), additive.timeSignatures().toString());
    }

    @Test
    void pianoPartOfALiedHasTwoStaves() throws Exception {
        Score score = MusicXmlReader.read(Corpora.OPENSCORE_LIEDER.files().get(0)).score();
        assertTrue(score.parts().stream().anyMatch(p -> p.staves() == 2));
        assertNotNull(score.title());
        assertFalse(score.title().isBlank());
    }

    @Test
    void timewiseScoresAreConverted() throws Exception {
        String timewise = "<?xml version=\"1.0\"?><score-timewise version=\"2.0\"><part-list>"
                + "<score-part id=\"P1\"><part-name>Flute</part-name></score-part><score-part id=\"P2\"><part-name>Cello</part-name></score-part></part-list>"
                + "<measure number=\"1\"><part id=\"P1\"><attributes><divisions>1</divisions></attributes><note><pitch><step>E</step><octave>5</octave></pitch><duration>4</duration><type>whole</type></note></part>"
                + "<part id=\"P2\"><attributes><divisions>1</divisions></attributes><note><pitch><step>C</step><octave>3</octave></pitch><duration>4</duration><type>whole</type></note></part></measure>"
                + "<measure number=\"2\"><part id=\"P1\"><note><pitch><step>D</step><octave>5</octave></pitch><duration>4</duration><type>whole</type></note></part>"
                + "<part id=\"P2\"><note><pitch><step>G</step><octave>2</octave></pitch><duration>4</duration><type>whole</type></note></part></measure></score-timewise>";
        ScoreDocument doc = MusicXmlReader.read(timewise.getBytes(StandardCharsets.UTF_8), "timewise.xml");
        assertEquals(2, doc.score().parts().size());
        assertEquals("Cello", doc.score().parts().get(1).name());
        assertEquals("G2", doc.score().parts().get(1).measures().get(1).notes().get(0).pitch().toString());
        String written = new String(MusicXmlWriter.toBytes(doc), StandardCharsets.UTF_8);
        assertTrue(written.contains("<score-partwise") && written.contains("version=\"4.0\""), written);
    }
}
