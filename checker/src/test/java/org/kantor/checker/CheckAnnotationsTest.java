package org.kantor.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.musicxml.MusicXmlReader;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;

/** The annotated score: faulty notes coloured, labels and numerals added, the music itself unchanged, and MuseScore opens it. */
class CheckAnnotationsTest {

    @Test
    void marksTheFaultsAndChangesNothingElse(@TempDir Path dir) throws Exception {
        ScoreDocument doc = VoiceLeadingCheckerTest.exercise("C5 C5 B4 C5 C5 C5 B4 C5", "E4 F4 D4 E4 E4 F4 D4 E4",
                "G3 C4 G3 G3 G3 A3 G3 G3", "C3 F3 G3 C3 C3 F3 G3 C3");
        VoiceLeadingChecker.Report report = VoiceLeadingChecker.standard().check(doc.score(), doc.name());
        ScoreDocument annotated = doc.copy();
        CheckAnnotations.apply(annotated, report);
        Path out = dir.resolve("annotated.musicxml");
        Files.write(out, MusicXmlWriter.toBytes(annotated));
        String xml = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(xml.contains("color=\"" + CheckAnnotations.ERROR_COLOR + "\""), "coloured notes");
        assertTrue(xml.contains(">par. 5ths</words>"), "the label at the finding");
        assertTrue(xml.contains(">V</words>") && xml.contains(">IV</words>"), "roman numerals");
        var back = MusicXmlReader.read(out).score();
        for (int p = 0; p < 4; p++) {
            assertEquals(doc.score().parts().get(p).notes(), back.parts().get(p).notes(), "the notes of part " + p);
        }
        assertEquals(report.findings().stream().map(Finding::message).toList(),
                VoiceLeadingChecker.standard().check(back, doc.name()).findings().stream().map(Finding::message).toList(), "the same findings");
        // only the tenor's first measure has a coloured note; the second measure of the soprano is exactly as it was
        String original = new String(MusicXmlWriter.toBytes(doc), StandardCharsets.UTF_8);
        String sopranoMeasure2 = original.substring(original.indexOf("<measure number=\"2\""), original.indexOf("</measure>",
                original.indexOf("<measure number=\"2\"")));
        assertTrue(xml.contains(sopranoMeasure2), "untouched measures keep their text");
        assertTrue(doc.score().parts().get(2).notes().size() > 0);
        MuseScore.assertReadsEveryVoice(out, back);
    }
}
