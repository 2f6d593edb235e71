package org.kantor.studio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Recent menu's list as it survives between sessions, and "Open in MuseScore" handing over a copy, never the original. */
class RecentFilesAndMuseScoreTest {

    @Test
    void theNewestComesFirstTenAreKeptAndFilesGoneSinceAreLeftOut(@TempDir Path dir) throws Exception {
        RecentFiles recent = new RecentFiles(dir.resolve("kantor/recent-files"));
        assertEquals(List.of(), recent.list(), "nothing opened yet");
        List<Path> scores = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path score = Files.writeString(dir.resolve("score" + i + ".musicxml"), "x");
            scores.add(score);
            recent.add(score);
        }
        recent.add(scores.get(5)); // opened again: first once, not twice
        List<Path> listed = new RecentFiles(dir.resolve("kantor/recent-files")).list();
        assertEquals(RecentFiles.KEPT, listed.size());
        assertEquals(scores.get(5), listed.get(0));
        assertEquals(scores.get(11), listed.get(1));
        Files.delete(scores.get(11));
        assertEquals(scores.get(10), recent.list().get(1), "a file deleted since is not offered");
    }

    @Test
    void museScoreIsFoundOnThePathAndGetsACopyOfTheVersionShown(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        assertNull(MuseScoreApp.find(bin.toString()), "not installed: the button is disabled");
        Path handed = dir.resolve("handed-over.txt");
        Path program = bin.resolve("mscore3");
        Files.writeString(program, "#!/bin/sh\nprintf '%s' \"$1\" > '" + handed + ".part' && mv '" + handed + ".part' '" + handed + "'\n");
        program.toFile().setExecutable(true);
        MuseScoreApp app = MuseScoreApp.find("/nonexistent" + java.io.File.pathSeparator + bin);
        assertNotNull(app);
        assertEquals(program, app.program());

        byte[] xml = Files.readAllBytes(Path.of("../examples/chorale.musicxml"));
        Path copy = app.open(xml, "chorale.musicxml");
        assertEquals("chorale-kantor.musicxml", copy.getFileName().toString());
        assertArrayEquals(xml, Files.readAllBytes(copy));
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.exists(handed) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(copy.toString(), Files.readString(handed, StandardCharsets.UTF_8), "MuseScore was started on the copy");
        assertTrue(Files.isRegularFile(Path.of("../examples/chorale.musicxml")));
    }
}
