package org.kantor.harmonizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kantor.core.Part;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;

/** Scores as musicians give them: a melody in one part of several, instruments that would clash, credits that tell who wrote what. */
class PartsAndCreditsTest {

    private static Harmonizer.Request request(String part) {
        return new Harmonizer.Request(0, 1, 1, new GibbsSampler.Settings(8, 0.9, 0.9, 0.05, 0.75, true).withRepairPasses(2),
                Harmonizer.Layout.FOUR_STAVES, part);
    }

    private static ScoreDocument bwv1_6() throws Exception {
        Path folder = KantorData.corpus("bach-chorales-musicxml");
        assumeTrue(folder != null);
        return ScoreFiles.read(folder.resolve("bwv1.6.mxl"));
    }

    private static List<String> names(ScoreDocument doc) {
        return doc.score().parts().stream().map(Part::name).toList();
    }

    @Test
    void bachsHornIsLeftOutWhenHisChoirIsWrittenAnewAndTheCreditsSaySo() throws Exception {
        ScoreDocument chorale = bwv1_6();
        List<String> messages = new ArrayList<>();
        ScoreDocument result = new Harmonizer(SharedModel.get()).onMessage(messages::add).harmonize(chorale, request(null)).get(0);
        assertEquals(List.of("Soprano", "Alto", "Tenor", "Bass"), names(result));
        assertEquals(List.of("left out Horn 2: it does not double the melody and would clash with the new voices"), messages);
        String xml = new String(MusicXmlWriter.toBytes(result), StandardCharsets.UTF_8);
        assertTrue(!xml.contains("Harmonized by J.S. Bach") && xml.contains("Alto, tenor and bass: Kantor harmonizer"), "credits");
        assertEquals(chorale.score().parts().get(1).notes(), result.score().parts().get(0).notes(), "Bach's soprano as it was");
        assertEquals(5, chorale.score().parts().size(), "the input is not changed");
    }

    @Test
    void theMelodyOfOnePartIsHarmonizedAndTheInstrumentThatWouldClashIsLeftOut() throws Exception {
        ScoreDocument hornAndSoprano = bwv1_6().copy();
        hornAndSoprano.removeParts(List.of(2, 3, 4));
        List<String> messages = new ArrayList<>();
        ScoreDocument result = new Harmonizer(SharedModel.get()).onMessage(messages::add).harmonize(hornAndSoprano, request("soprano")).get(0);
        assertEquals(List.of("Soprano", "Alto", "Tenor", "Bass"), names(result));
        assertEquals(List.of("left out Horn 2: its own harmony would clash with the new voices"), messages);
        assertEquals(hornAndSoprano.score().parts().get(1).notes(), result.score().parts().get(0).notes());
    }

    @Test
    void aSongsVoiceIsHarmonizedWithItsWords() throws Exception {
        Path folder = KantorData.corpus("openscore-lieder");
        assumeTrue(folder != null);
        ScoreDocument song = ScoreFiles.read(folder.resolve("Arne,_Thomas/_/The_Weeders/lc29161304.mxl"));
        ScoreDocument result = new Harmonizer(SharedModel.get()).harmonize(song, request("1")).get(0);
        assertEquals(4, result.score().parts().size());
        assertEquals(song.score().parts().get(0).notes(), result.score().parts().get(0).notes(), "the tune and its lyrics as they were");
        assertTrue(result.score().parts().get(0).notes().stream().anyMatch(n -> !n.lyrics().isEmpty()), "the words stay under the tune");
    }

    @Test
    void theTopLineOfAPianoPartIsHarmonizedWhenThePianoIsNamed() throws Exception {
        Path folder = KantorData.corpus("openscore-lieder");
        assumeTrue(folder != null);
        ScoreDocument song = ScoreFiles.read(folder.resolve("Beach,_Amy/3_Shakespeare_Songs,_Op.37/2_Take,_O_Take_those_Lips_Away/lc6564767.mxl"));
        List<String> messages = new ArrayList<>();
        ScoreDocument result = new Harmonizer(SharedModel.get()).onMessage(messages::add).harmonize(song, request("piano")).get(0);
        assertEquals(List.of("Melody", "Alto", "Tenor", "Bass"), names(result));
        assertEquals(List.of("harmonized the top line of Piano (its highest notes, 133 of them); Voice and Piano left out"), messages);
        // the tune: one note at each moment the piano strikes, 133 of them
        var tune = result.score().parts().get(0).notes();
        assertTrue(tune.size() >= 100, tune.size() + " notes");
        String xml = new String(MusicXmlWriter.toBytes(result), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<movement-title>Take, O Take those Lips Away</movement-title>"), "the title stays");
        assertTrue(xml.contains("<creator type=\"arranger\">Alto, tenor and bass: Kantor harmonizer</creator>"));
        assertTrue(xml.contains("Transcribed from IMSLP"), "the transcriber's note stays");
        assertTrue(!xml.contains("<credit>"), "a score that printed no credits keeps its first page made from its metadata");
    }

    @Test
    void aPartNobodyHasIsRefusedWithTheNamesThereAre() throws Exception {
        ScoreFileException e = assertThrows(ScoreFileException.class,
                () -> new Harmonizer(SharedModel.get()).harmonize(bwv1_6(), request("Violin")));
        assertTrue(e.getMessage().endsWith("no part is called \"Violin\"; the parts are 1 \"Horn 2\", 2 \"Soprano\", 3 \"Alto\", 4 \"Tenor\", 5 \"Bass\""),
                e.getMessage());
    }

    @Test
    void theTestSopranosAreSpelledAndCheckedForBachAndForKantor() throws Exception {
        Path folder = KantorData.corpus("jsb-chorales");
        assumeTrue(folder != null);
        var test = org.kantor.models.harmony.JsbChorales.load(folder).test().subList(0, 2);
        ScoreCheckEvaluation.Result r = ScoreCheckEvaluation.testSopranos(SharedModel.get(), test, 1);
        assertEquals(2, r.chorales());
        assertTrue(r.bachNotes() > 100 && r.kantorNotes() > 100, r.bachNotes() + " / " + r.kantorNotes());
        assertEquals(0.0, r.kantorPerThousand("chromatic-clash"));
        assertTrue(r.bach().tonal().perThousand(r.bach().tonal().outsideKey()) < 150, "a key estimate that fits Bach's notes");
    }
}
