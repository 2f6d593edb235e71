package org.kantor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.musicxml.MusicXmlReader;

/** The kantor command as a user runs it: output, exit codes, and one-line errors. */
class KantorCliTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    record Result(int code, String out, String err) {
    }

    static Result kantor(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Kantor.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void infoDescribesTheExampleChorale() {
        Result r = kantor("info", EXAMPLES.resolve("chorale.musicxml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Title:    Evening Chorale"), r.out());
        assertTrue(r.out().contains("Soprano (1 staff, F#4-C5)"), r.out());
        assertTrue(r.out().contains("Key:      G major"), r.out());
        assertTrue(r.out().contains("Time:     4/4"), r.out());
        assertTrue(r.out().contains("Notes:    60"), r.out());
        assertTrue(r.out().contains("Measures: 4"), r.out());
    }

    @Test
    void infoCountsThePickupOfTheMelody() {
        Result r = kantor("info", EXAMPLES.resolve("melody.musicxml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Measures: 9 (with a pickup measure)"), r.out());
        assertTrue(r.out().contains("D major") && r.out().contains("3/4"), r.out());
    }

    @Test
    void convertsThroughEveryFormat(@TempDir Path dir) throws Exception {
        Path mxl = dir.resolve("chorale.mxl");
        Result toMxl = kantor("convert", EXAMPLES.resolve("chorale.musicxml").toString(), "-o", mxl.toString());
        assertEquals(0, toMxl.code(), toMxl.err());
        Path mid = dir.resolve("chorale.mid");
        assertEquals(0, kantor("convert", mxl.toString(), "-o", mid.toString()).code());
        Path second = Files.copy(mxl, dir.resolve("second.mxl"));
        Result many = kantor("convert", mid.toString(), second.toString(), "--out-dir", dir.toString(), "--format", "musicxml");
        assertEquals(0, many.code(), many.err());
        assertTrue(Files.exists(dir.resolve("second.musicxml")));
        assertEquals(60, MusicXmlReader.read(dir.resolve("chorale.musicxml")).score().noteCount(), "from MIDI: same notes again");
        byte[] head = Files.readAllBytes(mxl);
        assertEquals('P', head[0]);
        // a folder that is not there yet is made
        Path fresh = dir.resolve("new").resolve("folder");
        Result made = kantor("convert", mxl.toString(), "--out-dir", fresh.toString());
        assertEquals(0, made.code(), made.err());
        assertTrue(Files.exists(fresh.resolve("chorale.musicxml")));
        Result file = kantor("convert", mxl.toString(), "--out-dir", mid.toString());
        assertEquals(1, file.code());
        assertTrue(file.err().contains("is a file, not a folder"), file.err());
    }

    @Test
    void refusesToOverwriteTheInput(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("melody.musicxml");
        Files.copy(EXAMPLES.resolve("melody.musicxml"), copy);
        byte[] before = Files.readAllBytes(copy);
        Result r = kantor("convert", copy.toString(), "-o", copy.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("is the input itself; refusing to overwrite it"), r.err());
        assertArrayEquals(before, Files.readAllBytes(copy));
    }

    @Test
    void badFileGivesOneLineAndExitCodeOne(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.musicxml");
        Files.writeString(bad, "<score-partwise><part-list>");
        Result r = kantor("info", bad.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("kantor: broken.musicxml, line 1"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        Result converted = kantor("convert", bad.toString(), "-o", dir.resolve("out.mxl").toString());
        assertEquals(1, converted.code());
        assertFalse(Files.exists(dir.resolve("out.mxl")), "no half-written output");
    }

    @Test
    void usageErrorsExitWithTwo() {
        Result unknown = kantor("info", "--frobnicate", "x.musicxml");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unknown option: '--frobnicate'"), unknown.err());
        Result both = kantor("convert", "a.musicxml", "b.musicxml", "-o", "c.musicxml");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("use --out-dir"), both.err());
        Result format = kantor("convert", "a.musicxml", "-o", "c.musicxml", "--format", "pdf");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("unknown format \"pdf\""), format.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"info", "--help"}, {"convert", "--help"}, {"bench", "--help"}, {"bench", "io", "--help"}}) {
            Result r = kantor(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage: kantor"), r.out());
        }
    }

    @Test
    void theCommandListsSayWhatEachCommandDoesInAWholeSentence() {
        for (String[] args : new String[][] {{"--help"}, {"bench", "--help"}, {"eval", "--help"}, {"train", "--help"}}) {
            Result r = kantor(args);
            assertFalse(r.err().contains("WARN"), r.err());
            String help = r.out();
            String commands = help.substring(help.indexOf("Commands:") + "Commands:".length());
            // an entry is "  name   summary", its summary continued on more deeply indented lines
            java.util.List<String> summaries = new java.util.ArrayList<>();
            for (String line : commands.split("\n")) {
                if (line.startsWith("Exit codes:")) {
                    break;
                }
                java.util.regex.Matcher entry = java.util.regex.Pattern.compile("^  ([a-z]+) {2,}(.*)$").matcher(line);
                if (entry.matches()) {
                    summaries.add(entry.group(2).trim());
                } else if (!line.isBlank() && !summaries.isEmpty()) {
                    summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.trim());
                }
            }
            assertTrue(summaries.size() >= 5, help);
            for (String summary : summaries) {
                assertTrue(summary.endsWith("."), String.join(" ", args) + ": a whole sentence: " + summary);
            }
        }
        assertTrue(kantor("--help").out().contains("Add a drum part that fits the rhythm of a score"));
    }

    @Test
    void infoWritesLengthsAndNamesAsAMusicianReadsThem(@TempDir Path dir) throws Exception {
        assertEquals("580 1/2", InfoCommand.mixedNumber(org.kantor.core.Rational.of(1161, 2)));
        assertEquals("1/2", InfoCommand.mixedNumber(org.kantor.core.Rational.of(1, 2)));
        assertEquals("25", InfoCommand.mixedNumber(org.kantor.core.Rational.of(25)));
        // a part name written on two lines in the score stays on one line of the report
        Path twoLines = dir.resolve("two-lines.musicxml");
        Files.writeString(twoLines, Files.readString(EXAMPLES.resolve("chorale.musicxml"))
                .replace("<part-name>Soprano</part-name>", "<part-name>Sopra-&#10;no</part-name>"));
        Result r = kantor("info", twoLines.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Parts:    Sopra- no (1 staff"), r.out());
    }
}
