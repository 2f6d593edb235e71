package org.kantor.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.cli.Kantor;
import org.kantor.musicxml.KantorData;

/**
 * Real local Spark jobs over a few hundred real scores with corrupt, truncated and hostile files mixed in: every good file
 * gives what the plain command line gives, every bad file one failed row that says what is wrong, and a job killed halfway
 * resumes to the same table without redoing what it finished.
 */
class BatchRunTest {

    private static final int CHORALES = 180;
    private static final int SONGS = 40;

    @TempDir
    static Path dir;
    static Path inputs;
    static List<String> bad = new ArrayList<>();

    @BeforeAll
    static void corpus() throws IOException {
        Path chorales = KantorData.corpus("bach-chorales-musicxml");
        Path songs = KantorData.corpus("openscore-lieder");
        assumeTrue(chorales != null && songs != null, "the corpora are not there");
        inputs = Files.createDirectories(dir.resolve("archive"));
        List<Path> c = KantorData.scoreFiles(chorales);
        for (Path p : c.subList(0, CHORALES)) {
            Files.copy(p, Files.createDirectories(inputs.resolve("chorales")).resolve(p.getFileName()));
        }
        List<Path> s = KantorData.scoreFiles(songs);
        for (int i = 0; i < SONGS; i++) {
            Path p = s.get(i * (s.size() / SONGS));
            Files.copy(p, Files.createDirectories(inputs.resolve("songs")).resolve(i + "-" + p.getFileName()));
        }
        Path broken = Files.createDirectories(inputs.resolve("broken"));
        byte[] chorale = Files.readAllBytes(c.get(0));
        bad("truncated.mxl", chorale.length / 2 > 0 ? java.util.Arrays.copyOf(chorale, chorale.length / 2) : chorale, broken);
        bad("random.musicxml", new java.util.Random(1).ints(4000, 0, 256).collect(ByteArrayOutputStream::new,
                ByteArrayOutputStream::write, (a, b) -> { }).toByteArray(), broken);
        bad("empty.musicxml", new byte[0], broken);
        bad("not-midi.mid", "MThd but not really a MIDI file".getBytes(StandardCharsets.US_ASCII), broken);
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE score-partwise [\n<!ENTITY l0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<score-partwise version=\"4.0\"><work><work-title>&l9;</work-title></work></score-partwise>\n");
        bad("billion-laughs.musicxml", laughs.toString().getBytes(StandardCharsets.UTF_8), broken);
        // read safely, not refused: the external entity is left out, nothing outside the file is read (same as kantor convert)
        Files.write(broken.resolve("external-entity.musicxml"), ("<?xml version=\"1.0\"?>\n<!DOCTYPE score-partwise [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<score-partwise version=\"4.0\"><work><work-title>&secret;</work-title></work><part-list/></score-partwise>\n")
                .getBytes(StandardCharsets.UTF_8));
        bad("deeply-nested.musicxml", ("<score-partwise version=\"4.0\">" + "<part>".repeat(100_000)).getBytes(StandardCharsets.UTF_8), broken);
        bad("zip-bomb.mxl", zipBomb(), broken);
    }

    private static void bad(String name, byte[] content, Path folder) throws IOException {
        Files.write(folder.resolve(name), content);
        bad.add(folder.resolve(name).toString());
    }

    /** A .mxl whose score unpacks to 300 MB of spaces from a few hundred kB. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("score.musicxml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void convertGivesWhatTheCommandLineGivesAndEachBadFileOneClearFailure() throws Exception {
        Path out = dir.resolve("convert");
        Run run = batch("batch", "convert", inputs.toString(), "--out", out.toString());
        int total = CHORALES + SONGS + bad.size() + 1;
        assertEquals(1, run.status, run.err);
        Map<String, Map<String, String>> table = csv(out.resolve(ResultsTable.CSV));
        assertEquals(total, table.size());
        assertTrue(run.out.contains(total + " files: " + (CHORALES + SONGS + 1) + " ok, " + bad.size() + " failed"), run.out);
        assertTrue(run.err.contains("/" + total + " files, " + bad.size() + " failed"), "the progress line: " + run.err);
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
    void aJobKilledHalfwayResumesToTheSameTableWithoutRedoingFinishedFiles() throws Exception {
        Path jar = Path.of("target", "kantor-batch.jar");
        assumeTrue(Files.isRegularFile(jar), "the batch jar is built before the tests (process-test-classes)");
        Path clean = dir.resolve("clean");
        assertEquals(1, batch("batch", "convert", inputs.toString(), "--out", clean.toString()).status);

        // the same job, started as spark-submit would, killed when about half of its files are done
        Path killed = dir.resolve("killed");
        Process job = new ProcessBuilder(submit(jar, "local[2]", "batch", "convert", inputs.toString(), "--out", killed.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        int total = CHORALES + SONGS + bad.size() + 1;
        RowStore rows = new RowStore(killed);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (sum(rows.counts()) < total / 2 && job.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        job.destroyForcibly().waitFor();
        int done = sum(rows.counts());
        assertTrue(done > 0 && done < total, "killed halfway: " + done + " of " + total + " rows, log: "
                + Files.readString(dir.resolve("killed.log")));
        assertFalse(Files.exists(killed.resolve(ResultsTable.CSV)), "no table from a killed job");
        Map<Path, FileTime> finished = modified(killed.resolve("rows"));
        Map<Path, FileTime> outputsBefore = modified(killed.resolve("outputs"));

        Run resumed = batch("batch", "convert", inputs.toString(), "--out", killed.toString());
        assertEquals(1, resumed.status, resumed.err);
        assertTrue(resumed.out.contains("(" + done + " done by an earlier run)"), resumed.out);
        assertEquals(finished, subset(modified(killed.resolve("rows")), finished), "finished rows are not redone");
        assertEquals(outputsBefore, subset(modified(killed.resolve("outputs")), outputsBefore), "finished outputs are not rewritten");
        assertEquals(withoutTimings(csv(clean.resolve(ResultsTable.CSV))), withoutTimings(csv(killed.resolve(ResultsTable.CSV))));
        assertEquals(Files.readAllLines(clean.resolve(ResultsTable.CSV)).size(), Files.readAllLines(killed.resolve(ResultsTable.CSV)).size());
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
        assertEquals(1, run.status, run.err);
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
    void theSameJarRunsUnderSparkSubmitOnTwoLocalCores() throws Exception {
        Path jar = Path.of("target", "kantor-batch.jar");
        assumeTrue(Files.isRegularFile(jar), "the batch jar is built before the tests (process-test-classes)");
        Path out = dir.resolve("submitted");
        Process job = new ProcessBuilder(submit(jar, "local[2]", "batch", "stats", inputs.resolve("songs").toString(), "--out", out.toString()))
                .redirectErrorStream(true).start();
        String log = new String(job.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(job.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, job.exitValue(), log);
        Map<String, Map<String, String>> table = csv(out.resolve(ResultsTable.CSV));
        assertEquals(SONGS, table.size(), log);
        for (Map<String, String> row : table.values()) {
            assertEquals("ok", row.get("status"));
            assertFalse(row.get("meters").isEmpty(), "a song has a meter");
            assertTrue(Integer.parseInt(row.get("notes")) > 0);
        }
        assertTrue(log.contains(SONGS + " files: " + SONGS + " ok"), log);
    }

    @Test
    void aFileOverTheTimeLimitFailsItsOwnRow() throws Exception {
        Path out = dir.resolve("timeout");
        Path one = inputs.resolve("chorales").resolve(Files.list(inputs.resolve("chorales")).sorted().findFirst().orElseThrow().getFileName());
        Run run = batch("batch", "harmonize", one.toString(), "--out", out.toString(), "--timeout", "0.001");
        assertEquals(1, run.status, run.err);
        Map<String, String> row = csv(out.resolve(ResultsTable.CSV)).get(one.toString());
        assertEquals("failed", row.get("status"));
        assertTrue(row.get("error").contains("the time limit for one file (--timeout)"), row.get("error"));
    }

    @Test
    void mistakesInTheCommandAreSaidInOneLine() throws Exception {
        Run unknown = batch("batch", "transpose", inputs.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, unknown.status);
        assertTrue(unknown.err.contains("unknown tool \"transpose\"; the tools are convert, harmonize, check"), unknown.err);
        Run option = batch("batch", "convert", inputs.toString(), "--out", dir.resolve("y").toString(), "--fromat", "mxl");
        assertEquals(2, option.status);
        assertTrue(option.err.contains("convert has no option --fromat; its options are --format"), option.err);
        Run two = batch("batch", "interpolate", inputs.toString(), "--out", dir.resolve("z").toString());
        assertEquals(2, two.status);
        assertTrue(two.err.contains("interpolate takes two scores"), two.err);
        Path out = dir.resolve("claimed");
        assertEquals(0, batch("batch", "stats", inputs.resolve("songs").toString(), "--out", out.toString()).status);
        Run other = batch("batch", "convert", inputs.resolve("songs").toString(), "--out", out.toString());
        assertEquals(2, other.status);
        assertTrue(other.err.contains("holds the results of another run"), other.err);
        assertFalse(unknown.err.contains("Exception") || option.err.contains("at org."), "no stack trace");
    }

    /** The command line of spark-submit (its main class, as bin/spark-submit starts it) for the batch jar. */
    private static List<String> submit(Path jar, String master, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "@" + Path.of("jvm.options").toAbsolutePath(), "-cp", Path.of("target", "spark-lib").toAbsolutePath() + "/*",
                "org.apache.spark.deploy.SparkSubmit", "--master", master, "--class", BatchMain.class.getName(), jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    record Run(int status, String out, String err) {
    }

    private static Run batch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BatchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static PrintWriter silent() {
        return new PrintWriter(java.io.Writer.nullWriter());
    }

    /** The CSV table by path: each row's cells by column name. */
    static Map<String, Map<String, String>> csv(Path file) throws IOException {
        List<List<String>> lines = CsvLines.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<String> header = lines.get(0);
        Map<String, Map<String, String>> table = new HashMap<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), line.get(i));
            }
            table.put(row.get("path"), row);
        }
        return table;
    }

    private static Map<String, Map<String, String>> withoutTimings(Map<String, Map<String, String>> table) {
        Map<String, Map<String, String>> copy = new HashMap<>();
        table.forEach((path, row) -> {
            Map<String, String> r = new HashMap<>(row);
            r.remove("read_ms");
            r.remove("tool_ms");
            copy.put(path, r);
        });
        return copy;
    }

    private static Map<Path, FileTime> modified(Path folder) throws IOException {
        Map<Path, FileTime> times = new HashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                times.put(folder.relativize(f), Files.getLastModifiedTime(f));
            }
        }
        return times;
    }

    private static Map<Path, FileTime> subset(Map<Path, FileTime> all, Map<Path, FileTime> keys) {
        Map<Path, FileTime> s = new HashMap<>();
        keys.keySet().forEach(k -> s.put(k, all.get(k)));
        return s;
    }

    private static int sum(int[] counts) {
        int s = 0;
        for (int c : counts) {
            s += c;
        }
        return s;
    }
}
