package org.kantor.batch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.kantor.musicxml.KantorData;

/**
 * A few hundred real scores from ../shared/data with corrupt, truncated and hostile files mixed in, and what the batch
 * tests do with them: run the batch command in this JVM or spark-submit the jar, and read the table back.
 */
final class TestCorpus {

    static final int CHORALES = 180;
    static final int SONGS = 40;

    static Path inputs;
    static final List<String> bad = new ArrayList<>();

    private TestCorpus() {
    }

    /** Files in all: the good ones, the bad ones, and one hostile file that is read safely. */
    static int total() {
        return CHORALES + SONGS + bad.size() + 1;
    }

    /** Copies the corpus and writes the bad files into {@code dir}/archive. */
    static void make(Path dir) throws IOException {
        Path chorales = KantorData.corpus("bach-chorales-musicxml");
        Path songs = KantorData.corpus("openscore-lieder");
        assumeTrue(chorales != null && songs != null, "the corpora are not there");
        inputs = Files.createDirectories(dir.resolve("archive"));
        bad.clear();
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

    /** The command line of spark-submit (its main class, as bin/spark-submit starts it) for the batch jar. */
    static List<String> submit(Path jar, String master, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "@" + Path.of("jvm.options").toAbsolutePath(), "-cp", Path.of("target", "spark-lib").toAbsolutePath() + "/*",
                "org.apache.spark.deploy.SparkSubmit", "--master", master, "--class", BatchMain.class.getName(), jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    record Run(int status, String out, String err) {
    }

    static Run batch(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BatchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static java.io.PrintWriter silent() {
        return new java.io.PrintWriter(java.io.Writer.nullWriter());
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

    static Map<String, Map<String, String>> withoutTimings(Map<String, Map<String, String>> table) {
        Map<String, Map<String, String>> copy = new HashMap<>();
        table.forEach((path, row) -> {
            Map<String, String> r = new HashMap<>(row);
            r.remove("read_ms");
            r.remove("tool_ms");
            copy.put(path, r);
        });
        return copy;
    }

    static Map<Path, FileTime> modified(Path folder) throws IOException {
        Map<Path, FileTime> times = new HashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                times.put(folder.relativize(f), Files.getLastModifiedTime(f));
            }
        }
        return times;
    }

    static Map<Path, FileTime> subset(Map<Path, FileTime> all, Map<Path, FileTime> keys) {
        Map<Path, FileTime> s = new HashMap<>();
        keys.keySet().forEach(k -> s.put(k, all.get(k)));
        return s;
    }
}
