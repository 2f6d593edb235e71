package org.kantor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kantor studio --screenshot and kantor play as a user runs them: the files they write, and one-line errors. */
class StudioCommandsTest {

    private static final String CHORALE = Path.of("..", "examples", "chorale.musicxml").toAbsolutePath().normalize().toString();

    @Test
    void playRendersTheChoraleWithTheBassMuted(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("chorale.wav");
        KantorCliTest.Result r = KantorCliTest.kantor("play", CHORALE, "--wav", wav.toString(), "--mute", "Bass");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("-> " + wav + " (14.8 s; sounds: "), r.out());
        assertTrue(Files.size(wav) > 44_100 * 4 * 14, "about 15 s of 16-bit stereo");

        KantorCliTest.Result again = KantorCliTest.kantor("play", CHORALE, "--wav", wav.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists; refusing to overwrite it"), again.err());

        KantorCliTest.Result nobody = KantorCliTest.kantor("play", CHORALE, "--wav", dir.resolve("x.wav").toString(), "--mute", "Oboe");
        assertEquals(2, nobody.code());
        assertTrue(nobody.err().contains("--mute Oboe: no part is called \"Oboe\"; the parts are 1 \"Soprano\", 2 \"Alto\", 3 \"Tenor\", 4 \"Bass\""), nobody.err());
        assertFalse(Files.exists(dir.resolve("x.wav")));
    }

    @Test
    void studioSavesAPictureOfTheWindowOffscreen(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("studio.png");
        KantorCliTest.Result r = KantorCliTest.kantor("studio", CHORALE, "--screenshot", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 20_000, "a window with an engraved score");
        KantorCliTest.Result two = KantorCliTest.kantor("studio", CHORALE, CHORALE, "--screenshot", png.toString());
        assertEquals(2, two.code());
        assertTrue(two.err().contains("--screenshot takes one score to show (got 2)"), two.err());
    }
}
