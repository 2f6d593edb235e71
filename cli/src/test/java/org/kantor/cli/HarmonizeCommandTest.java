package org.kantor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.musicxml.MusicXmlReader;

class HarmonizeCommandTest {

    private static final Path MELODY = Path.of("..", "examples", "melody.musicxml").toAbsolutePath().normalize();

    @Test
    void writesOneFilePerVariation(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("choir.musicxml");
        KantorCliTest.Result r = KantorCliTest.kantor("harmonize", MELODY.toString(), "-o", out.toString(), "--variations", "2",
                "--seed", "5", "--gibbs-steps", "8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().isBlank(), "nothing on standard error: " + r.err());
        for (String name : new String[] {"choir-1.musicxml", "choir-2.musicxml"}) {
            var score = MusicXmlReader.read(dir.resolve(name)).score();
            assertEquals(4, score.parts().size(), name);
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void badArgumentsAndExistingOutputs(@TempDir Path dir) throws Exception {
        assertEquals(2, KantorCliTest.kantor("harmonize", MELODY.toString(), "-o", dir.resolve("x.musicxml").toString(), "--given", "baritone").code());
        assertEquals(2, KantorCliTest.kantor("harmonize", MELODY.toString(), "-o", dir.resolve("x.musicxml").toString(), "--variations", "9").code());
        Path existing = Files.writeString(dir.resolve("taken.musicxml"), "keep me");
        KantorCliTest.Result r = KantorCliTest.kantor("harmonize", MELODY.toString(), "-o", existing.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("already exists"), r.err());
        assertEquals("keep me", Files.readString(existing));
        KantorCliTest.Result chorale = KantorCliTest.kantor("harmonize", Path.of("..", "examples", "chorale.musicxml").toString(), "-o",
                dir.resolve("y.musicxml").toString());
        assertEquals(1, chorale.code());
        assertTrue(chorale.err().startsWith("kantor: chorale.musicxml: found 4 parts with notes"), chorale.err());
    }
}
