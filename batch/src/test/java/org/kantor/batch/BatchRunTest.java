package org.kantor.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static org.kantor.batch.TestCorpus.CHORALES;
import static org.kantor.batch.TestCorpus.SONGS;
import static org.kantor.batch.TestCorpus.batch;
import static org.kantor.batch.TestCorpus.csv;
import static org.kantor.batch.TestCorpus.silent;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.kantor.batch.TestCorpus.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.cli.Kantor;

/**
 * Real local Spark jobs, in this JVM, over a few hundred real scores with corrupt, truncated and hostile files mixed in:
 * every good file gives what the plain command line gives, every bad file one failed row that says what is wrong. The
 * packaged jar under spark-submit, killed and resumed: {@link BatchSubmitIT}.
 */
class BatchRunTest {

    @TempDir
    static Path dir;
    static Path inputs;
    static List<String> bad;

    @BeforeAll
    static void corpus() throws IOException {
        TestCorpus.make(dir);
        inputs = TestCorpus.inputs;
        bad = TestCorpus.bad;
    }

    @Test
    void convertGivesWhatTheCommandLineGivesAndEachBadFileOneClearFailure() throws Exception {
        Path out = dir.resolve("convert");
        Run run = batch("batch", "convert", inputs.toString(), "--out", out.toString());
        int total = TestCorpus.total();
        assertEquals(1, run.status(), run.err());
        Map<String, Map<String, String>> table = csv(out.resolve(ResultsTable.CSV));
        assertEquals(total, table.size());
        assertTrue(run.out().contains(total + " files: " + (CHORALES + SONGS + 1) + " ok, " + bad.size() + " failed"), run.out());
        assertTrue(run.err().contains("/" + total + " files, " + bad.size() + " failed"), "the progress line: " + run.err());
        assertTrue(Files.isDirectory(out.resolve(ResultsTable.PARQUET)));
        for (String path : bad) {
            Map<String, String> row = table.get(path);
            assertEquals("failed", row.get("status"), path);
            assertTrue(row.get("error").startsWith(path), "the message names the file: " + row.get("error"));
            assertTrue(row.get("output").isEmpty(), "no output for " + path);
        }
        assertTrue(table.get(bad.get(0)).get("error").contains("zip") || table.get(bad.get(0)).get("error").contains("end"),
                table.get(bad.get(0)).get("error"));
        Map<String, String> entity = table.get(inputs.resolve("broken").resolve("external-entity.musicxml").toString());
        assertEquals("ok", entity.get("status"));
        assertFalse(Files.readString(out.resolve(entity.get("output"))).contains("root:"), "no file outside the input is read");
        // every good file: the same bytes as kantor convert writes for it
        Path cli = Files.createDirectories(dir.resolve("cli-convert"));
        int compared = 0;
        for (Map.Entry<String, Map<String, String>> e : table.entrySet()) {
            if (bad.contains(e.getKey()) || compared++ % 4 != 0) {
                continue;
            }
            Path expected = cli.resolve(compared + ".musicxml");
            assertEquals(0, Kantor.run(new String[] {"convert", e.getKey(), "-o", expected.toString()}, silent(), silent()));
            assertEquals("ok", e.getValue().get("status"), e.getKey());
            assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out.resolve(e.getValue().get("output"))), e.getKey());
        }
        assertFalse(Files.exists(out.resolve(TeacherReport.FILE)), "the teacher's report is check's");
    }

    @Test
    void checkOnAFolderOfExercisesCountsWhatTheCommandLineFindsAndWritesATeachersReport() throws Exception {
        Path exercises = Files.createDirectories(dir.resolve("exercises"));
        List<Path> chorales;
        try (Stream<Path> files = Files.list(inputs.resolve("chorales"))) {
            chorales = files.sorted().limit(12).toList();
        }
        for (Path p : chorales) {
            Files.copy(p, exercises.resolve(p.getFileName()));
        }
        Files.copy(bad.stream().map(Path::of).filter(p -> p.getFileName().toString().equals("truncated.mxl")).findFirst().orElseThrow(),
                exercises.resolve("late-and-broken.mxl"));
        Files.writeString(exercises.resolve("notes.txt"), "not a score");
        Path out = dir.resolve("checked");
        Run run = batch("batch", "check", exercises.toString(), exercises.resolve("notes.txt").toString(), "--out", out.toString(),
                "--range-preset", "textbook");
        assertEquals(1, run.status(), run.err());
        Map<String, Map<String, String>> table = csv(out.resolve(ResultsTable.CSV));
        assertEquals(14, table.size());
        assertEquals("skipped", table.get(exercises.resolve("notes.txt").toString()).get("status"));
        String report = Files.readString(out.resolve(TeacherReport.FILE));
        assertEquals(14, report.lines().count(), report);
        assertTrue(report.contains("late-and-broken.mxl: not checked: "), report);
        int withFindings = 0;
        for (Path original : chorales) {
            Path p = exercises.resolve(original.getFileName());
            Map<String, String> row = table.get(p.toString());
            StringWriter json = new StringWriter();
            assertEquals(0, Kantor.run(new String[] {"check", p.toString(), "--json", "--range-preset", "textbook"},
                    new PrintWriter(json), silent()));
            int expected = com.google.gson.JsonParser.parseString(json.toString()).getAsJsonObject().getAsJsonArray("findings").size();
            assertEquals(Integer.toString(expected), row.get("findings"), p.toString());
            assertTrue(Files.isRegularFile(out.resolve(row.get("output"))), "the annotated score of " + p);
            String line = report.lines().filter(l -> l.startsWith(p.getFileName() + ": ")).findFirst().orElseThrow();
            assertTrue(expected == 0 ? line.endsWith("no findings") : line.contains(expected + (expected == 1 ? " finding: m. " : " findings: m. ")), line);
            withFindings += expected > 0 ? 1 : 0;
        }
        assertTrue(withFindings > 0, "textbook ranges find something in a dozen chorales");
        assertTrue(table.values().stream().anyMatch(r -> r.keySet().stream().anyMatch(k -> k.startsWith("findings ") && !r.get(k).isEmpty())),
                "counts per rule");
    }

    @Test
    void aFileOverTheTimeLimitFailsItsOwnRow() throws Exception {
        Path out = dir.resolve("timeout");
        Path one = inputs.resolve("chorales").resolve(Files.list(inputs.resolve("chorales")).sorted().findFirst().orElseThrow().getFileName());
        Run run = batch("batch", "harmonize", one.toString(), "--out", out.toString(), "--timeout", "0.001");
        assertEquals(1, run.status(), run.err());
        Map<String, String> row = csv(out.resolve(ResultsTable.CSV)).get(one.toString());
        assertEquals("failed", row.get("status"));
        assertTrue(row.get("error").contains("the time limit for one file (--timeout)"), row.get("error"));
    }

    @Test
    void mistakesInTheCommandAreSaidInOneLine() throws Exception {
        Run unknown = batch("batch", "transpose", inputs.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown tool \"transpose\"; the tools are convert, harmonize, check"), unknown.err());
        Run option = batch("batch", "convert", inputs.toString(), "--out", dir.resolve("y").toString(), "--fromat", "mxl");
        assertEquals(2, option.status());
        assertTrue(option.err().contains("convert has no option --fromat; its options are --format"), option.err());
        Run two = batch("batch", "interpolate", inputs.toString(), "--out", dir.resolve("z").toString());
        assertEquals(2, two.status());
        assertTrue(two.err().contains("interpolate takes two scores"), two.err());
        Path out = dir.resolve("claimed");
        assertEquals(0, batch("batch", "stats", inputs.resolve("songs").toString(), "--out", out.toString()).status());
        Run other = batch("batch", "convert", inputs.resolve("songs").toString(), "--out", out.toString());
        assertEquals(2, other.status());
        assertTrue(other.err().contains("holds the results of another run"), other.err());
        Run file = batch("batch", "convert", inputs.resolve("songs").toString(), "--out", bad.get(0));
        assertEquals(2, file.status());
        assertTrue(file.err().contains("--out " + bad.get(0) + " is a file, not a folder"), file.err());
        Path missing = dir.resolve("gone.musicxml");
        Run gone = batch("batch", "convert", missing.toString(), "--out", dir.resolve("gone").toString());
        assertEquals(1, gone.status());
        assertEquals(missing + ": cannot be read (no such file)", csv(dir.resolve("gone").resolve(ResultsTable.CSV)).get(missing.toString()).get("error"));
        assertFalse(unknown.err().contains("Exception") || option.err().contains("at org."), "no stack trace");
    }

}
