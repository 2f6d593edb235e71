package org.kantor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TempoMap;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.checker.MuseScore;
import org.kantor.models.transcription.MidiPerformance;
import org.kantor.models.transcription.PerformedNote;
import org.kantor.models.transcription.eval.FluidSynth;
import org.kantor.models.transcription.eval.NoteMatching;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.MidiWriter;
import org.kantor.musicxml.MusicXmlReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TranscribeCommandTest {

    private static final Path CHORALE = Path.of("..", "examples", "chorale.musicxml").toAbsolutePath().normalize();
    private static final Path MELODY = Path.of("..", "examples", "melody.musicxml").toAbsolutePath().normalize();

    @Test
    void aSungMelodyBecomesAVoicePartThatMuseScoreOpens(@TempDir Path dir) throws Exception {
        Path wav = KantorData.corpus("basic-pitch-golden").resolve("vocadito_10.wav");
        Path out = dir.resolve("sung.musicxml");
        Path midi = dir.resolve("sung.mid");
        KantorCliTest.Result r = KantorCliTest.kantor("transcribe", wav.toString(), "-o", out.toString(), "--midi", midi.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("28 notes for voice"), r.out());
        assertTrue(r.err().isBlank(), "nothing on standard error: " + r.err());
        Score score = MusicXmlReader.read(out).score();
        assertEquals(1, score.parts().size());
        assertEquals(28, ScoreToTimeline.convert(score).notes().size());
        assertEquals(28, MidiPerformance.read(midi).size(), "the notes as played");
        MuseScore.assertReadsEveryVoice(out, score);
    }

    @Test
    void aChoirHoldingItsNotesIsHeardAsHeldNotesWithSoundHeld(@TempDir Path dir) throws Exception {
        requireTools("fluidsynth");
        // the example chorale as its own MIDI plays it: four parts of choir aahs, 60 notes
        Score chorale = MusicXmlReader.read(CHORALE).score();
        Path mid = Files.write(dir.resolve("chorale.mid"), MidiWriter.toBytes(ScoreToTimeline.convert(chorale)));
        Path wav = dir.resolve("chorale.wav");
        FluidSynth.render(mid, wav, 44100);
        int written = ScoreToTimeline.convert(chorale).notes().size();
        int[] heard = new int[2];
        String[] sounds = {"struck", "held"};
        for (int i = 0; i < 2; i++) {
            Path notes = dir.resolve(sounds[i] + ".mid");
            KantorCliTest.Result r = KantorCliTest.kantor("transcribe", wav.toString(), "-o", dir.resolve(sounds[i] + ".musicxml").toString(),
                    "--midi", notes.toString(), "--sound", sounds[i]);
            assertEquals(0, r.code(), r.err());
            heard[i] = MidiPerformance.read(notes).size();
        }
        // each vibrato swell of a held note is taken for a new note unless the sound is said to hold its notes
        assertTrue(heard[0] > written * 1.3, "struck: " + heard[0] + " notes heard for " + written + " written");
        assertTrue(Math.abs(heard[1] - written) < Math.abs(heard[0] - written) / 2,
                "held: " + heard[1] + " notes heard for " + written + " written (struck: " + heard[0] + ")");
        KantorCliTest.Result wrong = KantorCliTest.kantor("transcribe", wav.toString(), "-o", dir.resolve("x.musicxml").toString(), "--sound", "plucked");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("plucked"), wrong.err());
    }

    @Test
    void wavFlacMp3AndOggGiveTheSameNotes(@TempDir Path dir) throws Exception {
        requireTools("fluidsynth", "flac", "lame", "oggenc");
        Score melody = MusicXmlReader.read(MELODY).score();
        Timeline played = ScoreToTimeline.convert(melody);
        Path mid = Files.write(dir.resolve("melody.mid"), MidiWriter.toBytes(played));
        Path wav = dir.resolve("melody.wav");
        FluidSynth.render(mid, wav, 44100);
        exec(dir, "flac", "-s", "-f", "-o", "melody.flac", "melody.wav");
        exec(dir, "lame", "--quiet", "melody.wav", "melody.mp3");
        exec(dir, "oggenc", "-Q", "-o", "melody.ogg", "melody.wav");
        List<PerformedNote> reference = MidiPerformance.read(mid);
        Map<String, Integer> counts = new HashMap<>();
        for (String ext : new String[] {"wav", "flac", "mp3", "ogg"}) {
            Path in = dir.resolve("melody." + ext);
            Path out = dir.resolve(ext + ".musicxml");
            Path notes = dir.resolve(ext + ".mid");
            KantorCliTest.Result r = KantorCliTest.kantor("transcribe", in.toString(), "-o", out.toString(), "--midi", notes.toString());
            assertEquals(0, r.code(), ext + ": " + r.err());
            List<PerformedNote> heard = MidiPerformance.read(notes);
            NoteMatching.Counts c = NoteMatching.match(reference, heard, false);
            // lossy codecs smear some attacks by a few tens of milliseconds; lossless ones must not change a thing
            double needed = ext.equals("wav") || ext.equals("flac") ? 0.85 : 0.6;
            assertTrue(c.f1() >= needed, ext + ": onset F1 " + c.f1() + " (" + c + ")");
            counts.put(ext, heard.size());
            Score score = MusicXmlReader.read(out).score();
            assertEquals(melody.keySignatures(), score.keySignatures(), ext + ": key");
        }
        for (String ext : counts.keySet()) {
            assertEquals(counts.get("wav"), counts.get(ext), 2, ext + " heard about as many notes as the WAV");
        }
        assertEquals(MidiPerformance.read(dir.resolve("wav.mid")), MidiPerformance.read(dir.resolve("flac.mid")),
                "FLAC is lossless: the same notes as the WAV");
    }

    @Test
    void aMidiPerformanceComesBackInItsMeterAndKeyWithEveryNoteInPlace(@TempDir Path dir) throws Exception {
        Score chorale = MusicXmlReader.read(CHORALE).score();
        Timeline written = ScoreToTimeline.convert(chorale);
        Timeline at92 = new Timeline(written.notes(), TempoMap.constant(92), written.meters(), written.keys(), written.parts(),
                written.pickup());
        Path mid = Files.write(dir.resolve("chorale.mid"), MidiWriter.toBytes(at92));
        Path out = dir.resolve("chorale.musicxml");
        KantorCliTest.Result r = KantorCliTest.kantor("transcribe", mid.toString(), "-o", out.toString(), "--instrument", "piano");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("quarter = 92"), r.out());
        Score score = MusicXmlReader.read(out).score();
        assertEquals(chorale.timeSignatures(), score.timeSignatures());
        assertEquals(chorale.keySignatures(), score.keySignatures());
        assertEquals(2, score.parts().get(0).staves());
        List<TimedNote> heard = ScoreToTimeline.convert(score).notes();
        Rational shift = heard.get(0).onset().minus(written.notes().get(0).onset());
        java.util.Set<String> found = new java.util.HashSet<>();
        heard.forEach(n -> found.add(n.midi() + "@" + n.onset()));
        long inPlace = written.notes().stream().filter(n -> found.contains(n.midi() + "@" + n.onset().plus(shift))).count();
        assertEquals(written.notes().size(), inPlace, "every note at its pitch and position");
        assertEquals(chorale.measureCount(), score.measureCount());
    }

    @Test
    void aChoirPerformanceWithPartsSatbComesBackOnFourStavesThatMuseScoreOpens(@TempDir Path dir) throws Exception {
        Score chorale = MusicXmlReader.read(CHORALE).score();
        Timeline written = ScoreToTimeline.convert(chorale);
        Path mid = Files.write(dir.resolve("chorale.mid"), MidiWriter.toBytes(written));
        Path out = dir.resolve("satb.musicxml");
        KantorCliTest.Result r = KantorCliTest.kantor("transcribe", mid.toString(), "-o", out.toString(), "--parts", "satb");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("for satb"), r.out());
        Score score = MusicXmlReader.read(out).score();
        assertEquals(List.of("Soprano", "Alto", "Tenor", "Bass"), score.parts().stream().map(org.kantor.core.Part::name).toList());
        Timeline heard = ScoreToTimeline.convert(score);
        for (int part = 0; part < 4; part++) {
            int p = part;
            assertEquals(written.notes().stream().filter(n -> n.part() == p).map(TimedNote::midi).toList(),
                    heard.notes().stream().filter(n -> n.part() == p).map(TimedNote::midi).toList(), score.parts().get(part).name());
        }
        assertEquals(chorale.measureCount(), score.measureCount());
        MuseScore.assertReadsEveryVoice(out, score);
    }

    @Test
    void silenceGivesAnEmptyScoreAndSaysSo(@TempDir Path dir) throws Exception {
        Path wav = silentWav(dir.resolve("silence.wav"), 3);
        Path out = dir.resolve("silence.musicxml");
        KantorCliTest.Result r = KantorCliTest.kantor("transcribe", wav.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("no notes were heard"), r.out());
        Score score = MusicXmlReader.read(out).score();
        assertEquals(0, score.noteCount());
    }

    @Test
    void badInputsAndOptionsGetClearErrorsAndNoOutput(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp3"), "not audio at all");
        Path out = dir.resolve("out.musicxml");
        KantorCliTest.Result notAudio = KantorCliTest.kantor("transcribe", text.toString(), "-o", out.toString());
        assertEquals(1, notAudio.code());
        assertTrue(notAudio.err().contains("notes.mp3") && notAudio.err().contains("not a recording Kantor can read"), notAudio.err());
        assertFalse(notAudio.err().contains("Exception"), notAudio.err());

        byte[] wav = Files.readAllBytes(silentWav(dir.resolve("ok.wav"), 1));
        Path truncated = Files.write(dir.resolve("cut.wav"), java.util.Arrays.copyOf(wav, 20));
        KantorCliTest.Result cut = KantorCliTest.kantor("transcribe", truncated.toString(), "-o", out.toString());
        assertEquals(1, cut.code());
        assertTrue(cut.err().contains("cut.wav"), cut.err());

        Path good = dir.resolve("ok.wav");
        assertEquals(2, KantorCliTest.kantor("transcribe", good.toString(), "-o", out.toString(), "--tempo", "fast").code());
        assertEquals(2, KantorCliTest.kantor("transcribe", good.toString(), "-o", out.toString(), "--time", "5").code());
        assertEquals(2, KantorCliTest.kantor("transcribe", good.toString(), "-o", out.toString(), "--key", "H major").code());
        assertEquals(2, KantorCliTest.kantor("transcribe", good.toString(), "-o", out.toString(), "--instrument", "harp").code());
        assertEquals(2, KantorCliTest.kantor("transcribe", good.toString(), "-o", dir.resolve("out.mid").toString()).code());
        assertFalse(Files.exists(out));

        Path taken = Files.writeString(dir.resolve("taken.musicxml"), "keep me");
        KantorCliTest.Result exists = KantorCliTest.kantor("transcribe", good.toString(), "-o", taken.toString());
        assertEquals(1, exists.code());
        assertTrue(exists.err().contains("already exists"), exists.err());
        assertEquals("keep me", Files.readString(taken));
    }

    private static Path silentWav(Path file, int seconds) throws Exception {
        int frames = 44100 * seconds;
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(44100, 16, 1, true, false);
        javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(
                new java.io.ByteArrayInputStream(new byte[frames * 2]), format, frames),
                javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }

    /** On CI the tools must be there (.ci/run installs them); elsewhere the test is skipped without them. */
    private static void requireTools(String... tools) throws Exception {
        for (String tool : tools) {
            boolean present = new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
            if (System.getenv("CI") != null) {
                assertTrue(present, "CI must install " + tool + " (.ci/run does)");
            }
            assumeTrue(present, tool + " is not installed");
        }
        if (System.getenv("CI") != null) {
            assertTrue(FluidSynth.missing() == null, FluidSynth.missing());
        }
        assumeTrue(FluidSynth.missing() == null, "FluidSynth or its sound font is missing");
    }

    private static void exec(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " finished");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + output);
    }
}
