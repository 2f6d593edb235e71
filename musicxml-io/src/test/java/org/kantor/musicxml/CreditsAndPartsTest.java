package org.kantor.musicxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kantor.core.Part;

/** Credits that say who set the voices, and parts taken out of a score, as a notation program reads them back. */
class CreditsAndPartsTest {

    private static ScoreDocument bwv1_6() throws Exception {
        Path folder = KantorData.corpus("bach-chorales-musicxml");
        assumeTrue(folder != null);
        return ScoreFiles.read(folder.resolve("bwv1.6.mxl"));
    }

    @Test
    void aNewArrangerReplacesHarmonizedByBachWhereItWasPrinted() throws Exception {
        ScoreDocument doc = bwv1_6();
        Credits.setArranger(doc, "Alto, tenor and bass: Kantor harmonizer");
        String xml = new String(MusicXmlWriter.toBytes(doc), StandardCharsets.UTF_8);
        assertFalse(xml.contains("Harmonized by J.S. Bach"), "the old credit is gone");
        assertTrue(xml.matches("(?s).*<credit-words[^>]*default-x=\"211\"[^>]*>Alto, tenor and bass: Kantor harmonizer</credit-words>.*"),
                "printed where the old credit was");
        assertTrue(xml.contains("<creator type=\"arranger\">Alto, tenor and bass: Kantor harmonizer</creator>"));
        assertTrue(xml.contains("BWV 1.6"), "the title stays");
        // read back: still a valid score with the same notes
        ScoreDocument back = MusicXmlReader.read(xml.getBytes(StandardCharsets.UTF_8), "back.musicxml");
        assertEquals(bwv1_6().score().parts().get(1).notes(), back.score().parts().get(1).notes());
    }

    @Test
    void removingAPartLeavesTheOthersAndNoEmptyGroup() throws Exception {
        ScoreDocument doc = bwv1_6();
        List<Part> before = doc.score().parts();
        doc.removeParts(List.of(1, 2, 3, 4));
        assertEquals(List.of("Horn 2"), doc.score().parts().stream().map(Part::name).toList());
        assertEquals(before.get(0).notes(), doc.score().parts().get(0).notes());
        String xml = new String(MusicXmlWriter.toBytes(doc), StandardCharsets.UTF_8);
        assertFalse(xml.contains("<part-group"), "the choir's bracket went with the choir");
        assertFalse(xml.contains("<part-name>Soprano"));
    }
}
