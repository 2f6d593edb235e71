package org.kantor.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.core.Measure;
import org.kantor.core.Score;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.tools.catalog.StandardTools;

/** The studio's work without its window: open, a tool on chosen measures, undo, redo, save, reopen. */
class StudioSessionTest {

    private static StandardTools tools;

    @BeforeAll
    static void load() {
        tools = new StandardTools(600);
    }

    @AfterAll
    static void close() {
        tools.close();
    }

    private static List<Measure> measures(Score score, int part) {
        return score.parts().get(part).measures();
    }

    @Test
    void harmonizingChosenMeasuresChangesOnlyThoseAndCanBeUndone(@TempDir Path dir) throws Exception {
        Path original = Path.of("../examples/chorale.musicxml");
        byte[] before = Files.readAllBytes(original);
        StudioSession session = new StudioSession(tools.catalog());
        session.open(original);
        Score opened = session.document().score();
        assertFalse(session.history().modified());

        var outcome = session.run("harmonize", Map.of("voices", "alto,tenor", "measures", "2-3", "seed", "3", "gibbs-steps", "8"), f -> { });
        assertTrue(outcome.newVersion());
        Score harmonized = session.document().score();
        assertTrue(session.history().modified());
        for (int part = 0; part < 4; part++) {
            for (int m : new int[] {0, 3}) {
                assertEquals(measures(opened, part).get(m).voices(), measures(harmonized, part).get(m).voices(), "part " + part + " measure " + (m + 1));
            }
        }
        assertEquals(opened.parts().get(0).notes(), harmonized.parts().get(0).notes(), "the soprano is kept");
        assertEquals(opened.parts().get(3).notes(), harmonized.parts().get(3).notes(), "the bass is kept");
        assertNotEquals(measures(opened, 1).subList(1, 3), measures(harmonized, 1).subList(1, 3), "the alto of measures 2-3 is new");

        session.history().undo();
        assertEquals(opened.parts(), session.document().score().parts());
        assertFalse(session.history().modified());
        session.history().redo();
        assertEquals(harmonized.parts(), session.document().score().parts());

        Path saved = dir.resolve("saved.mxl");
        session.saveAs(saved);
        assertFalse(session.history().modified());
        assertEquals(harmonized.parts(), ScoreFiles.read(saved).score().parts());
        assertEquals(List.of(), List.of(dir.toFile().list()).stream().filter(n -> n.contains(".part")).toList(), "no leftovers");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(original)), "the file opened is not written");

        // exports: MIDI read back has the four parts' notes; a WAV is audio of the piece's length
        Path midi = dir.resolve("saved.mid");
        session.saveAs(midi);
        assertEquals(harmonized.parts().stream().mapToInt(p -> p.notes().size()).sum(),
                ScoreFiles.read(midi).score().parts().stream().mapToInt(p -> p.notes().size()).sum(), "every note in the MIDI file");
        Path wav = dir.resolve("saved.wav");
        session.saveAs(wav);
        try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile())) {
            assertEquals(16 * 60.0 / 72 + ScoreSound.TAIL_SECONDS, in.getFrameLength() / in.getFormat().getFrameRate(), 0.05);
        }
    }

    @Test
    void threeVariationsAreComparedAndTheOneKeptIsOneUndoStep() throws Exception {
        StudioSession session = new StudioSession(tools.catalog());
        session.open(Path.of("../examples/melody.musicxml"));
        String melody = session.musicXml();
        List<byte[]> three = session.variations("harmonize", Map.of("seed", "7", "gibbs-steps", "8"), null, 3, f -> { });
        assertEquals(3, three.size());
        assertFalse(java.util.Arrays.equals(three.get(0), three.get(1)) || java.util.Arrays.equals(three.get(1), three.get(2)),
                "three different harmonizations");
        assertEquals(melody, session.musicXml(), "nothing kept yet");
        session.keep(three.get(1), "Harmonize (B)");
        assertEquals(new String(three.get(1), java.nio.charset.StandardCharsets.UTF_8), session.musicXml());
        assertEquals("Harmonize (B)", session.history().undo());
        assertEquals(melody, session.musicXml());
    }

    @Test
    void theCheckerReportsAndAFailedToolLeavesTheScore() throws Exception {
        StudioSession session = new StudioSession(tools.catalog());
        session.open(Path.of("../examples/chorale.musicxml"));
        String xml = session.musicXml();
        var check = session.run("check", Map.of(), f -> { });
        assertFalse(check.newVersion());
        assertTrue(check.report().contains("\"findings\""), check.report());
        assertThrows(Exception.class, () -> session.run("harmonize", Map.of("measures", "40-41", "voices", "alto"), f -> { }));
        assertEquals(xml, session.musicXml(), "nothing changed");
        assertFalse(session.history().canUndo());
    }

    @Test
    void aFileThatCannotBeReadIsNamedAndLeavesTheSessionAsItWas(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.musicxml");
        Files.writeString(broken, "<score-partwise><part-list>");
        StudioSession session = new StudioSession(tools.catalog());
        ScoreFileException e = assertThrows(ScoreFileException.class, () -> session.open(broken));
        assertTrue(e.getMessage().startsWith("broken.musicxml"), e.getMessage());
        assertFalse(session.hasScore());
    }
}
