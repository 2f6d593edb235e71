package org.kantor.musicxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.Voice;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;

class MidiTest {

    private static Path chorale(String name) {
        return Corpora.BACH_CHORALES.files().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void choraleSurvivesMidiExportAndImport(@TempDir Path dir) throws Exception {
        Score score = MusicXmlReader.read(chorale("bwv269.mxl")).score();
        Timeline expected = ScoreToTimeline.convert(score);
        Path mid = dir.resolve("bwv269.mid");
        MidiWriter.write(score, mid);
        Timeline actual = MidiReader.read(Files.readAllBytes(mid), "bwv269.mid");

        assertEquals(4, actual.parts().size(), "one track per part");
        assertEquals(expected.notes().size(), actual.notes().size());
        for (int i = 0; i < expected.notes().size(); i++) {
            TimedNote e = expected.notes().get(i);
            TimedNote a = actual.notes().get(i);
            assertEquals(e.midi(), a.midi());
            assertEquals(e.onset(), a.onset());
            assertEquals(e.offset(), a.offset());
        }
        assertEquals(expected.meters().get(0).time(), actual.meters().get(0).time());
        assertEquals(expected.keys().get(0).key().fifths(), actual.keys().get(0).key().fifths());
        assertEquals(expected.tempo().tempoAt(Rational.ZERO), actual.tempo().tempoAt(Rational.ZERO), 0.01);
    }

    @Test
    void midiBecomesNotationWithFullMeasures(@TempDir Path dir) throws Exception {
        Score original = MusicXmlReader.read(chorale("bwv269.mxl")).score();
        Path mid = dir.resolve("chorale.mid");
        MidiWriter.write(original, mid);
        ScoreDocument doc = ScoreFiles.read(mid);
        Score score = doc.score();
        assertEquals(4, score.parts().size());
        assertEquals(original.parts().get(0).notes().stream().filter(n -> !n.tie().stopsTie()).count(),
                ScoreToTimeline.convert(score).notesOfPart(0).size());
        for (var part : score.parts()) {
            for (Measure m : part.measures()) {
                for (Voice v : m.voices()) {
                    Rational sum = Rational.ZERO;
                    for (MusicEvent e : v.events()) {
                        sum = sum.plus(e.length());
                    }
                    assertEquals(m.length(), sum, "measure " + m.number() + " of " + part.name() + " voice " + v.id());
                }
            }
        }
        // the notated MIDI writes as MusicXML and reads back
        Path xml = dir.resolve("chorale.musicxml");
        MusicXmlWriter.write(doc, xml, false);
        assertEquals(score.noteCount(), MusicXmlReader.read(xml).score().noteCount());
    }

    @Test
    void notMidiIsRefused() {
        ScoreFileException e = assertThrows(ScoreFileException.class, () -> MidiReader.read("MThd garbage".getBytes(), "bad.mid"));
        assertTrue(e.getMessage().startsWith("bad.mid: not a readable Standard MIDI File"), e.getMessage());
    }

    @Test
    void pianoPerformanceGetsAGrandStaff(@TempDir Path dir) throws Exception {
        Path lied = Corpora.OPENSCORE_LIEDER.files().get(0);
        Score score = MusicXmlReader.read(lied).score();
        Path mid = dir.resolve("lied.mid");
        MidiWriter.write(score, mid);
        Score back = ScoreFiles.read(mid).score();
        assertTrue(back.parts().stream().anyMatch(p -> p.staves() == 2), "a piano part on two staves: " + List.of(back.parts().stream().map(p -> p.name() + "/" + p.staves()).toArray()));
    }
}
