package org.kantor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.core.Score;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.checker.MuseScore;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.MidiReader;
import org.kantor.musicxml.MusicXmlReader;

/** kantor drumify, groove, train drums and eval drums as a user runs them, on real files; bad input refused with nothing written. */
class DrumCommandsTest {

    private static final Path SONG = KantorData.corpus("openscore-lieder").resolve(BenchDrumsCommand.SONG);
    private static final Path FUNK = KantorData.corpus("groove-midi").resolve(BenchDrumsCommand.PERFORMANCE);

    @Test
    void drumifyASongThenGrooveItsDrums(@TempDir Path dir) throws Exception {
        byte[] original = Files.readAllBytes(SONG);
        Path drummed = dir.resolve("song.musicxml");
        Path midi = dir.resolve("song.mid");
        KantorCliTest.Result r = KantorCliTest.kantor("drumify", SONG.toString(), "-o", drummed.toString(), "--midi", midi.toString(),
                "--part", "2", "--bars", "4", "--seed", "9");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(drummed.toString()) && r.out().contains(midi.toString()), r.out());
        Score score = MusicXmlReader.read(drummed).score();
        assertEquals(3, score.parts().size());
        assertEquals("Drum Set", score.parts().get(2).name());
        List<TimedNote> strokes = ScoreToTimeline.convert(score).notesOfPart(2);
        assertEquals(strokes.size(), MidiReader.read(Files.readAllBytes(midi), "song.mid").notesOfPart(2).size(), "the MIDI has every stroke");
        // MuseScore 3 opens it and keeps every part and note, the drums included
        MuseScore.assertReadsEveryVoice(drummed, score);
        // and plays them as those drums, on the General MIDI drum channel, each stroke as loud as Kantor set it
        java.util.Set<Integer> written = new java.util.TreeSet<>();
        strokes.forEach(n -> written.add(n.midi()));
        java.util.Set<Integer> played = new java.util.TreeSet<>();
        java.util.Set<Integer> loudness = new java.util.TreeSet<>();
        for (javax.sound.midi.Track track : javax.sound.midi.MidiSystem.getSequence(museScoreMidi(drummed, dir).toFile()).getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                if (track.get(i).getMessage() instanceof javax.sound.midi.ShortMessage m && m.getCommand() == javax.sound.midi.ShortMessage.NOTE_ON
                        && m.getData2() > 0 && m.getChannel() == 9) {
                    played.add(m.getData1());
                    loudness.add(m.getData2());
                }
            }
        }
        assertEquals(written, played, "MuseScore plays the drums written");
        assertTrue(loudness.size() > 3, "with the dynamics Kantor set: " + loudness);
        assertArrayEquals(original, Files.readAllBytes(SONG), "the song is untouched");

        Path grooved = dir.resolve("grooved.musicxml");
        r = KantorCliTest.kantor("groove", drummed.toString(), "-o", grooved.toString(), "--amount", "0.8", "--seed", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals(strokes.stream().map(TimedNote::toString).toList(),
                ScoreToTimeline.convert(MusicXmlReader.read(grooved).score()).notesOfPart(2).stream().map(TimedNote::toString).toList(),
                "groove keeps the notation");
        assertTrue(Files.readString(grooved).contains("dynamics=\""));
    }

    @Test
    void grooveADrummersMidiFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("funk.mid");
        KantorCliTest.Result r = KantorCliTest.kantor("groove", FUNK.toString(), "-o", out.toString(), "--variations", "2", "--seed", "1");
        assertEquals(0, r.code(), r.err());
        byte[] one = Files.readAllBytes(dir.resolve("funk-1.mid"));
        byte[] two = Files.readAllBytes(dir.resolve("funk-2.mid"));
        assertEquals("MThd", new String(one, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertFalse(java.util.Arrays.equals(one, two), "two variations, two performances");
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.musicxml");
        Path melody = Path.of("..", "examples", "melody.musicxml");
        KantorCliTest.Result waltz = KantorCliTest.kantor("drumify", melody.toString(), "-o", out.toString());
        assertEquals(1, waltz.code());
        assertTrue(waltz.err().contains("melody.musicxml") && waltz.err().contains("3/4") && waltz.err().contains("4/4"), waltz.err());
        KantorCliTest.Result part = KantorCliTest.kantor("drumify", SONG.toString(), "-o", out.toString(), "--part", "7");
        assertEquals(1, part.code());
        assertTrue(part.err().contains("no part 7"), part.err());
        KantorCliTest.Result hot = KantorCliTest.kantor("drumify", SONG.toString(), "-o", out.toString(), "--temperature", "5");
        assertEquals(2, hot.code());
        assertTrue(hot.err().contains("--temperature"), hot.err());
        KantorCliTest.Result noDrums = KantorCliTest.kantor("groove", melody.toString(), "-o", out.toString());
        assertEquals(1, noDrums.code());
        assertTrue(noDrums.err().contains("no drum part"), noDrums.err());
        KantorCliTest.Result amount = KantorCliTest.kantor("groove", FUNK.toString(), "-o", out.toString(), "--amount", "2");
        assertEquals(2, amount.code());
        assertTrue(amount.err().contains("--amount"), amount.err());
        for (KantorCliTest.Result r : List.of(waltz, part, hot, noDrums, amount)) {
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    @Test
    void trainingRunsAFewStepsResumesAndExports(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        String[] train = {"train", "drums", "--task", "groove", "--out", run.toString(), "--steps", "4", "--batch", "4", "--hidden", "16",
            "--latent", "4", "--validate-every", "2", "--checkpoint-every", "2"};
        KantorCliTest.Result r = KantorCliTest.kantor(train);
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(Files.readString(run.resolve("progress.json")).contains("\"step\": 4"));
        train[7] = "6";
        r = KantorCliTest.kantor(train);
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(Files.readString(run.resolve("progress.json")).contains("\"step\": 6"), "resumed and went on to step 6");
        Path exported = dir.resolve("exported");
        r = KantorCliTest.kantor("train", "drums", "--out", run.toString(), "--export", exported.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(exported.resolve("groove.weights")) > 1000);
        // a run of another shape in the same folder is refused, not mixed in
        r = KantorCliTest.kantor("train", "drums", "--task", "groove", "--out", run.toString(), "--hidden", "32");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("resume it with the same settings"), r.err());
    }

    @Test
    void theShippedModelsBeatTheirBaselinesOnTheTestSplit() throws Exception {
        KantorCliTest.Result r = KantorCliTest.kantor("eval", "drums", "--temperature", "0");
        assertEquals(0, r.code(), r.err());
        double quantized = column(r.out(), "quantized, mean velocity", 0);
        double grooveTiming = column(r.out(), "Kantor Groove, temperature 0", 0);
        double perPosition = column(r.out(), "mean offset and velocity of each drum at each 16th (train)", 1);
        double grooveVelocity = column(r.out(), "Kantor Groove, temperature 0", 1);
        assertTrue(grooveTiming < quantized && grooveVelocity < perPosition, r.out());
        double nearest = column(r.out(), "nearest train window by tap", 2);
        double drumify = column(r.out(), "Kantor Drumify, temperature 0", 2);
        assertTrue(drumify > nearest + 0.05, "Drumify's F1 above the nearest neighbour's:\n" + r.out());
    }

    /** The score as MuseScore 3 exports it to MIDI (headless). */
    private static Path museScoreMidi(Path score, Path dir) throws Exception {
        Path midi = dir.resolve("musescore.mid");
        Path runtime = Files.createDirectories(dir.resolve("runtime"));
        ProcessBuilder pb = new ProcessBuilder("timeout", "120", "mscore3", "-o", midi.toString(), score.toString()).redirectErrorStream(true);
        pb.environment().put("QT_QPA_PLATFORM", "offscreen");
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        assertTrue(Files.exists(midi), output);
        return midi;
    }

    /** The n-th number after a row's label in eval's table. */
    private static double column(String table, String label, int n) {
        for (String line : table.split("\n")) {
            if (line.trim().startsWith(label)) {
                String[] numbers = line.trim().substring(label.length()).trim().split("\\s+");
                return Double.parseDouble(numbers[n]);
            }
        }
        throw new AssertionError("no row " + label + " in\n" + table);
    }
}
