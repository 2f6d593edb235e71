package org.kantor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    private static final Path CHORALE = Path.of("..", "examples", "chorale.musicxml").toAbsolutePath().normalize();
    private static final Path MELODY = Path.of("..", "examples", "melody.musicxml").toAbsolutePath().normalize();

    @Test
    void checksAChoraleAsTextAndAsJson(@TempDir Path dir) throws Exception {
        KantorCliTest.Result text = KantorCliTest.kantor("check", CHORALE.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("G major"), text.out());
        assertTrue(text.out().contains("cadences:"), text.out());
        KantorCliTest.Result json = KantorCliTest.kantor("check", CHORALE.toString(), "--json");
        assertEquals(0, json.code(), json.err());
        var report = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals(CHORALE.toString(), report.get("file").getAsString());
        assertTrue(report.getAsJsonArray("findings") != null && report.getAsJsonArray("chords").size() > 10);
        Path out = dir.resolve("marked.musicxml");
        KantorCliTest.Result annotated = KantorCliTest.kantor("check", CHORALE.toString(), "-o", out.toString());
        assertEquals(0, annotated.code(), annotated.err());
        assertTrue(Files.readString(out).contains("</words>"), "roman numerals written");
    }

    @Test
    void refusesWhatItCannotCheck(@TempDir Path dir) throws Exception {
        KantorCliTest.Result melody = KantorCliTest.kantor("check", MELODY.toString());
        assertEquals(1, melody.code());
        assertTrue(melody.err().contains("found 1 part with notes") && melody.err().contains("the checker needs four-part writing"), melody.err());
        assertFalse(melody.err().contains("Exception"), melody.err());
        assertEquals(2, KantorCliTest.kantor("check", CHORALE.toString(), "--rules", "parallel-sevenths").code());
        assertEquals(2, KantorCliTest.kantor("check", CHORALE.toString(), "--range", "tenor=C3").code());
        assertEquals(2, KantorCliTest.kantor("check", CHORALE.toString(), MELODY.toString(), "-o", dir.resolve("x.musicxml").toString()).code());
        // several files: the bad one is reported, the good one checked, exit 1
        KantorCliTest.Result both = KantorCliTest.kantor("check", CHORALE.toString(), MELODY.toString());
        assertEquals(1, both.code());
        assertTrue(both.out().contains("G major"));
    }

    @Test
    void aNarrowerRangeIsCounted() throws Exception {
        KantorCliTest.Result r = KantorCliTest.kantor("check", CHORALE.toString(), "--rules", "range", "--range", "soprano=C4-G4", "--json");
        assertEquals(0, r.code(), r.err());
        var findings = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("findings");
        assertTrue(findings.size() > 0);
        findings.forEach(f -> assertEquals("range", f.getAsJsonObject().get("rule").getAsString()));
    }
}
