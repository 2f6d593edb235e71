package org.kantor.musicxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.audiveris.proxymusic.Direction;
import org.audiveris.proxymusic.DirectionType;
import org.audiveris.proxymusic.FormattedTextId;
import org.audiveris.proxymusic.ObjectFactory;
import org.audiveris.proxymusic.ScorePartwise;
import org.junit.jupiter.api.Test;

/** A tool's change is merged into the original tree; everything else stays byte-for-byte the same content. */
class ScoreDocumentMergeTest {

    private static Path chorale() {
        return Corpora.BACH_CHORALES.files().stream().filter(p -> p.getFileName().toString().equals("bwv269.mxl")).findFirst().orElseThrow();
    }

    @Test
    void colouringOneNoteChangesOnlyThatNote() throws Exception {
        ScoreDocument doc = MusicXmlReader.read(chorale());
        List<String> before = XmlCanonicalForm.of(SecureXml.parse(MusicXmlWriter.toBytes(doc)));
        ScorePartwise.Part.Measure measure = doc.tree().getPart().get(0).getMeasure().get(1);
        org.audiveris.proxymusic.Note note = measure.getNoteOrBackupOrForward().stream()
                .filter(o -> o instanceof org.audiveris.proxymusic.Note).map(o -> (org.audiveris.proxymusic.Note) o).findFirst().orElseThrow();
        note.setColor("#FF0000");
        doc.treeChanged(note);
        List<String> after = XmlCanonicalForm.of(SecureXml.parse(MusicXmlWriter.toBytes(doc)));
        assertEquals(before.size(), after.size());
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(after.get(i));
            }
        }
        assertEquals(1, changed.size(), "changed lines: " + changed);
        assertTrue(changed.get(0).startsWith("<note") && changed.get(0).contains("color=\"#FF0000\""), changed.get(0));
    }

    @Test
    void addingADirectionKeepsTheRestOfTheMeasure() throws Exception {
        ScoreDocument doc = MusicXmlReader.read(chorale());
        List<String> before = XmlCanonicalForm.of(SecureXml.parse(MusicXmlWriter.toBytes(doc)));
        ObjectFactory f = new ObjectFactory();
        Direction d = f.createDirection();
        DirectionType dt = f.createDirectionType();
        FormattedTextId words = f.createFormattedTextId();
        words.setValue("parallel fifths");
        dt.getWordsOrSymbol().add(words);
        d.getDirectionType().add(dt);
        ScorePartwise.Part.Measure measure = doc.tree().getPart().get(0).getMeasure().get(2);
        measure.getNoteOrBackupOrForward().add(0, d);
        doc.treeChanged(measure);
        List<String> after = XmlCanonicalForm.of(SecureXml.parse(MusicXmlWriter.toBytes(doc)));
        assertEquals(before.size() + 7, after.size(), "direction, direction-type, words: open and close tags, and the text");
        assertTrue(after.contains("text:parallel fifths"));
        // everything outside the new direction is unchanged, in order
        List<String> withoutDirection = new ArrayList<>(after);
        int at = withoutDirection.indexOf("<direction>");
        withoutDirection.subList(at, at + 7).clear();
        assertEquals(null, XmlCanonicalForm.firstDifference(before, withoutDirection));
    }

    @Test
    void addedPartsLeaveTheOriginalPartsUntouched() throws Exception {
        ScoreDocument doc = MusicXmlReader.read(chorale());
        List<String> before = XmlCanonicalForm.of(SecureXml.parse(MusicXmlWriter.toBytes(doc)));
        org.kantor.core.Score original = doc.score();
        // a new part: the bass line an octave lower, notated into the chorale's own measures
        var timeline = org.kantor.core.timeline.ScoreToTimeline.convert(original);
        var bass = timeline.notesOfPart(3).stream().map(n -> new org.kantor.core.timeline.TimedNote(n.midi() - 12, n.onset(), n.offset(),
                n.velocity(), 0, null, 0, null)).toList();
        var newTimeline = new org.kantor.core.timeline.Timeline(bass, timeline.tempo(), timeline.meters(), timeline.keys(),
                List.of(new org.kantor.core.timeline.Timeline.PartInfo("Contrabass", 1, org.kantor.core.Instrument.PIANO)), timeline.pickup());
        org.kantor.core.Score added = org.kantor.core.timeline.TimelineToScore.convert(newTimeline,
                new org.kantor.core.timeline.TimelineToScore.Options(null, null, null), org.kantor.core.timeline.MeasureLayout.of(original));
        doc.addParts(added, -1);

        assertEquals(5, doc.score().parts().size());
        assertEquals("Contrabass", doc.score().parts().get(4).name());
        assertEquals(original.parts().get(0).measures().size(), doc.score().parts().get(4).measures().size());
        assertEquals(original.parts().get(0).measures().get(0).number(), doc.score().parts().get(4).measures().get(0).number());
        List<String> after = XmlCanonicalForm.of(SecureXml.parse(MusicXmlWriter.toBytes(doc)));
        // every line of the original is still there, in order
        int i = 0;
        for (String line : after) {
            if (i < before.size() && line.equals(before.get(i))) {
                i++;
            }
        }
        assertEquals(before.size(), i, "original content kept in order");
        ScoreDocument reread = MusicXmlReader.read(MusicXmlWriter.toBytes(doc), "with-part.musicxml");
        assertEquals(5, reread.score().parts().size());
        assertEquals(timeline.notesOfPart(3).size(), org.kantor.core.timeline.ScoreToTimeline.convert(reread.score()).notesOfPart(4).size(),
                "one sounding note per bass note");
    }

    @Test
    void appendedMeasuresAreFullRestsInTheLastMeterAndKeyAndTheClosingBarlineMoves() throws Exception {
        ScoreDocument doc = MusicXmlReader.read(chorale());
        byte[] original = MusicXmlWriter.toBytes(doc);
        List<ScoreDocument> copies = doc.copiesWithMeasuresAppended(3, 2);
        assertEquals(2, copies.size());
        assertEquals(java.util.Arrays.toString(original), java.util.Arrays.toString(MusicXmlWriter.toBytes(doc)), "the original is untouched");
        org.kantor.core.Score before = doc.score();
        org.kantor.core.Score after = copies.get(1).score();
        int old = before.parts().get(0).measures().size();
        for (int p = 0; p < before.parts().size(); p++) {
            List<org.kantor.core.Measure> measures = after.parts().get(p).measures();
            assertEquals(old + 3, measures.size());
            org.kantor.core.Measure last = before.parts().get(p).measures().get(old - 1);
            for (int m = 0; m < old; m++) {
                assertEquals(before.parts().get(p).measures().get(m).notes(), measures.get(m).notes());
            }
            for (int m = old; m < old + 3; m++) {
                assertEquals(last.time(), measures.get(m).time());
                assertEquals(last.key(), measures.get(m).key());
                assertEquals(last.time().measureLength(), measures.get(m).length());
                assertTrue(measures.get(m).notes().isEmpty(), "rests only");
            }
        }
        String xml = new String(MusicXmlWriter.toBytes(copies.get(0)), java.nio.charset.StandardCharsets.UTF_8);
        int closing = xml.lastIndexOf("light-heavy");
        String lastNumber = after.parts().get(0).measures().get(old + 2).number();
        assertTrue(closing > xml.lastIndexOf("<measure number=\"" + lastNumber + "\""), "the closing barline is in the new last measure");
    }
}
