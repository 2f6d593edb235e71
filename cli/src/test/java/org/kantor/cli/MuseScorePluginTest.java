package org.kantor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFiles;

/**
 * The whole path a musician takes: {@code kantor serve} runs (as its own process), {@code kantor plugin
 * install} puts the plugin in a folder, MuseScore 3 runs it on a melody, the plugin sends the score and
 * opens the harmonized one (in test mode it saves what it opened). Then the server is stopped and the
 * plugin must say how to start it.
 */
class MuseScorePluginTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path folder;

    @Test
    void harmonizeFromMuseScoreThroughTheServer() throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/mscore3"));
        if (System.getenv("CI") != null) {
            assertTrue(installed, "CI must install MuseScore 3 (.ci/run does)");
        }
        assumeTrue(installed, "MuseScore 3 is not installed");
        Path tokenFile = folder.resolve("config").resolve("token");
        Path result = folder.resolve("result.musicxml");
        Path melody = folder.resolve("melody.musicxml");
        Files.copy(EXAMPLES.resolve("melody.musicxml"), melody);

        List<String> serverOutput = Collections.synchronizedList(new ArrayList<>());
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.kantor.cli.Kantor", "serve", "--port", "0", "--token-file", tokenFile.toString())
                .redirectErrorStream(true).start();
        try {
            int port = awaitPort(server, serverOutput);
            install(port, tokenFile, result);
            String museScore = runPlugin("kantor-harmonize.qml", melody);

            assertTrue(Files.exists(result), "the plugin saved the score it opened\n" + museScore);
            ScoreDocument harmonized = ScoreFiles.read(result);
            assertEquals(4, harmonized.score().parts().size(), "melody, alto, tenor, bass");
            Timeline before = ScoreToTimeline.convert(ScoreFiles.read(melody).score());
            Timeline after = ScoreToTimeline.convert(harmonized.score());
            assertEquals(pitches(before.notesOfPart(0)), pitches(after.notesOfPart(0)), "the melody is unchanged");
            for (int part = 1; part < 4; part++) {
                List<TimedNote> voice = after.notesOfPart(part);
                assertFalse(voice.isEmpty(), "part " + part + " has notes");
                assertEquals(before.end(), voice.get(voice.size() - 1).offset(), "part " + part + " lasts as long as the melody");
            }
            awaitLine(serverOutput, l -> l.contains("POST /api/tools/harmonize tool=harmonize") && l.contains(" 200 ok"));

            // Plugins > Kantor > Check Voice Leading on a chorale: the findings, then the annotated score opened
            Files.delete(result);
            Path chorale = folder.resolve("chorale.musicxml");
            Files.copy(EXAMPLES.resolve("chorale.musicxml"), chorale);
            String checked = runPlugin("kantor-check.qml", chorale);
            Path findings = Path.of(result + ".findings.txt");
            assertTrue(Files.exists(findings), checked);
            assertTrue(Files.readString(findings).startsWith("G major: 0 errors, 0 warnings"), Files.readString(findings));
            assertEquals(4, ScoreFiles.read(result).score().parts().size(), "the annotated chorale was opened");
            awaitLine(serverOutput, l -> l.contains("POST /api/tools/check tool=check") && l.contains(" 200 ok"));

            // Plugins > Kantor > Drumify on the chorale: it comes back with a drum set that MuseScore reads as one
            Files.delete(result);
            String drummed = runPlugin("kantor-drumify.qml", chorale);
            assertTrue(Files.exists(result), drummed);
            ScoreDocument withDrums = ScoreFiles.read(result);
            assertEquals(5, withDrums.score().parts().size(), "the four voices and a drum set");
            var drumNotes = withDrums.score().parts().get(4).notes();
            assertFalse(drumNotes.isEmpty());
            assertTrue(drumNotes.stream().allMatch(n -> n.unpitched() != null), "MuseScore kept them as unpitched drum notes");
            awaitLine(serverOutput, l -> l.contains("POST /api/tools/drumify tool=drumify") && l.contains(" 200 ok"));

            // Plugins > Kantor > Groove on that score: the drums played, the notation as it was
            Path band = folder.resolve("band.musicxml");
            Files.move(result, band);
            String grooved = runPlugin("kantor-groove.qml", band);
            assertTrue(Files.exists(result), grooved);
            List<TimedNote> written = ScoreToTimeline.convert(withDrums.score()).notesOfPart(4);
            assertEquals(pitches(written), pitches(ScoreToTimeline.convert(ScoreFiles.read(result).score()).notesOfPart(4)));
            awaitLine(serverOutput, l -> l.contains("POST /api/tools/groove tool=groove") && l.contains(" 200 ok"));
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }

        // the server is gone: the plugin says exactly how to start it
        Files.deleteIfExists(result);
        String museScore = runPlugin("kantor-harmonize.qml", melody);
        Path message = Path.of(result + ".message.txt");
        assertTrue(Files.exists(message), museScore);
        String text = Files.readString(message);
        assertTrue(text.contains("not running on port") && text.contains("kantor serve --port"), text);
        assertFalse(Files.exists(result), "nothing opened");
    }

    @Test
    void melodyToolsAndTranscriptionFromMuseScore() throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/mscore3"));
        assumeTrue(installed || System.getenv("CI") != null, "MuseScore 3 is not installed");
        Path tokenFile = folder.resolve("config").resolve("token");
        Path result = folder.resolve("result.musicxml");
        Path melody = Files.copy(EXAMPLES.resolve("melody.musicxml"), folder.resolve("melody.musicxml"));
        Path chorale = Files.copy(EXAMPLES.resolve("chorale.musicxml"), folder.resolve("chorale.musicxml"));
        List<String> serverOutput = Collections.synchronizedList(new ArrayList<>());
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.kantor.cli.Kantor", "serve", "--port", "0", "--token-file", tokenFile.toString())
                .redirectErrorStream(true).start();
        try {
            install(awaitPort(server, serverOutput), tokenFile, result);

            // Continue (the dialog's defaults: four measures) opens the melody with four more measures, the old ones unchanged
            String continued = runPlugin("kantor-continue.qml", melody);
            assertTrue(Files.exists(result), continued);
            Timeline before = ScoreToTimeline.convert(ScoreFiles.read(melody).score());
            var longer = ScoreFiles.read(result).score();
            assertEquals(ScoreFiles.read(melody).score().parts().get(0).measures().size() + 4, longer.parts().get(0).measures().size());
            List<String> after = pitches(ScoreToTimeline.convert(longer).notesOfPart(0));
            List<String> was = pitches(before.notesOfPart(0));
            assertEquals(was, after.subList(0, was.size()), "the melody's own measures are unchanged");
            assertTrue(after.size() > was.size(), "new notes after the end");
            awaitLine(serverOutput, l -> l.contains("GET /api/tools ") && l.contains(" 200 ok"));
            awaitLine(serverOutput, l -> l.contains("POST /api/tools/continue tool=continue") && l.contains(" 200 ok"));

            // Generate: a new four-measure melody in C, 4/4
            Files.delete(result);
            String generated = runPlugin("kantor-generate.qml", melody);
            assertTrue(Files.exists(result), generated);
            var tune = ScoreFiles.read(result).score();
            assertEquals(1, tune.parts().size());
            assertEquals(4, tune.parts().get(0).measures().size());
            assertTrue(tune.parts().get(0).notes().size() >= 4, "a melody, not rests");

            // Interpolate from the melody (this tab) to the chorale (the other open tab): A, five steps, B, two measures each
            Files.delete(result);
            String walked = runPlugin("kantor-interpolate.qml", melody, chorale);
            assertTrue(Files.exists(result), walked);
            assertEquals(14, ScoreFiles.read(result).score().parts().get(0).measures().size(), walked);
            Files.delete(result);
            String alone = runPlugin("kantor-interpolate.qml", melody);
            assertTrue(Files.readString(Path.of(result + ".message.txt")).contains("Open the score to arrive at in a second tab"), alone);

            // Transcribe a sung melody (in test mode the plugin takes the recording put beside its output)
            Files.copy(org.kantor.musicxml.KantorData.corpus("basic-pitch-golden").resolve("vocadito_10.wav"), Path.of(result + ".recording"));
            String heard = runPlugin("kantor-transcribe.qml", melody);
            assertTrue(Files.exists(result), heard);
            assertTrue(ScoreFiles.read(result).score().parts().get(0).notes().size() > 10, heard);
            awaitLine(serverOutput, l -> l.contains("POST /api/tools/transcribe tool=transcribe") && l.contains(" 200 ok"));
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void install(int port, Path tokenFile, Path result) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Kantor.run(new String[] {"plugin", "install", "--dir", folder.resolve("plugins").toString(), "--port", Integer.toString(port),
            "--token-file", tokenFile.toString(), "--test-output", result.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("Plugin Manager"), out.toString());
    }

    private String runPlugin(String plugin, Path... scores) throws Exception {
        Path runtime = Files.createDirectories(folder.resolve("runtime"));
        runtime.toFile().setReadable(true, true);
        List<String> command = new ArrayList<>(List.of("timeout", "120", "mscore3", "-p",
                folder.resolve("plugins").resolve("kantor").resolve(plugin).toAbsolutePath().toString()));
        for (Path score : scores) {
            command.add(score.toAbsolutePath().toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("QT_QPA_PLATFORM", "offscreen");
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(150, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    private static int awaitPort(Process server, List<String> lines) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern serving = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int port = -1;
        while (port < 0 && System.nanoTime() < deadline) {
            String line = reader.readLine();
            if (line == null) {
                break;
            }
            lines.add(line);
            Matcher m = serving.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
        }
        assertTrue(port > 0, "kantor serve printed its address: " + lines);
        Thread drain = new Thread(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the server stopped
            }
        });
        drain.setDaemon(true);
        drain.start();
        return port;
    }

    private static void awaitLine(List<String> lines, java.util.function.Predicate<String> wanted) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            synchronized (lines) {
                if (lines.stream().anyMatch(wanted)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server logged the request: " + lines);
    }

    private static List<String> pitches(List<TimedNote> notes) {
        return notes.stream().map(n -> n.midi() + "@" + n.onset() + "-" + n.offset()).toList();
    }
}
