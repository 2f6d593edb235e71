package org.kantor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.core.KeySignature;
import org.kantor.core.Measure;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.checker.MuseScore;
import org.kantor.models.melody.MelodyCorpus;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.MusicXmlReader;
import org.kantor.musicxml.ScoreFiles;

/** continue, generate and interpolate on pieces of the held-out split, checked as a musician would read the result. */
class MelodyCommandsTest {

    /** The first pieces of a corpus in the held-out split whose melody the models can read. */
    static List<Path> heldOut(String corpus, int count) throws Exception {
        return MelodyCorpus.heldOut(KantorData.corpus(corpus), count);
    }

    @Test
    void continuingASongAddsMeasuresInItsKeyAndMeterAndLeavesTheSongAsItWas(@TempDir Path dir) throws Exception {
        Path song = heldOut("openscore-lieder", 1).get(0);
        Score before = ScoreFiles.read(song).score();
        Path out = dir.resolve("song.musicxml");
        KantorCliTest.Result r = KantorCliTest.kantor("continue", song.toString(), "-o", out.toString(), "--measures", "4",
                "--variations", "3", "--seed", "5");
        assertEquals(0, r.code(), r.err());
        List<List<Note>> continuations = new ArrayList<>();
        for (int v = 1; v <= 3; v++) {
            Path file = dir.resolve("song-" + v + ".musicxml");
            assertTrue(Files.exists(file), file + " written");
            Score after = MusicXmlReader.read(file).score();
            int melody = MelodyCorpus.melodyPart(before);
            continuations.add(assertContinued(before, after, 4, melody));
            assertEndsOnTheTonicChord(after.parts().get(melody));
        }
        assertNotEquals(pitches(continuations.get(0)), pitches(continuations.get(1)), "variations differ");
        assertFalse(Files.exists(out), "with variations only OUT-1, OUT-2 ... are written");
        MuseScore.assertReadsEveryVoice(dir.resolve("song-1.musicxml"), MusicXmlReader.read(dir.resolve("song-1.musicxml")).score());
    }

    @Test
    void continuingAChoraleWritesAllFourVoices(@TempDir Path dir) throws Exception {
        Path chorale = null;
        for (Path f : heldOut("bach-chorales-musicxml", 10)) {
            if (ScoreFiles.read(f).score().parts().size() == 4) {
                chorale = f;
                break;
            }
        }
        Score before = ScoreFiles.read(chorale).score();
        Path out = dir.resolve("chorale.musicxml");
        KantorCliTest.Result r = KantorCliTest.kantor("continue", chorale.toString(), "-o", out.toString(), "--measures", "2", "--seed", "2");
        assertEquals(0, r.code(), r.err());
        Score after = MusicXmlReader.read(out).score();
        for (int p = 0; p < 4; p++) {
            List<Note> added = assertContinued(before, after, 2, p);
            assertTrue(added.size() >= 2, "voice " + p + " sings in the new measures: " + added.size() + " notes");
        }
        assertEndsOnTheTonicChord(after.parts().get(0));
    }

    /** Checks the original measures, the new measures' meter, key and fill, and the melody's range; returns the new notes. */
    private static List<Note> assertContinued(Score before, Score after, int added, int melodyPart) {
        assertEquals(before.parts().size(), after.parts().size());
        int old = before.parts().get(0).measures().size();
        List<Note> fresh = new ArrayList<>();
        for (int p = 0; p < before.parts().size(); p++) {
            Part was = before.parts().get(p);
            Part is = after.parts().get(p);
            assertEquals(old + added, is.measures().size(), "part " + p + ": " + added + " measures added");
            for (int m = 0; m < old; m++) {
                assertEquals(was.measures().get(m).notes(), is.measures().get(m).notes(), "part " + p + " measure " + (m + 1) + " unchanged");
            }
            Measure last = was.measures().get(old - 1);
            for (int m = old; m < old + added; m++) {
                Measure measure = is.measures().get(m);
                assertEquals(last.time(), measure.time(), "meter goes on");
                assertEquals(last.key(), measure.key(), "key goes on");
                assertEquals(measure.time().measureLength(), measure.length(), "measure " + (m + 1) + " is full");
                if (p == melodyPart) {
                    fresh.addAll(measure.notes());
                }
            }
        }
        if (!fresh.isEmpty()) {
            int[] range = range(before.parts().get(melodyPart).notes());
            for (Note n : fresh) {
                int midi = n.pitch().midi();
                assertTrue(midi >= range[0] - 12 && midi <= range[1] + 12,
                        "new note " + n.pitch() + " within an octave of the melody's range " + range[0] + ".." + range[1]);
            }
        }
        return fresh;
    }

    @Test
    void generatedMelodiesAreInTheAskedKeyAndMeter(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("tune.musicxml");
        KantorCliTest.Result r = KantorCliTest.kantor("generate", "-o", out.toString(), "--measures", "8", "--variations", "4",
                "--key", "Eb", "--time", "3/4", "--seed", "11");
        assertEquals(0, r.code(), r.err());
        long inKey = 0;
        long all = 0;
        for (int v = 1; v <= 4; v++) {
            Score score = MusicXmlReader.read(dir.resolve("tune-" + v + ".musicxml")).score();
            assertEquals(1, score.parts().size());
            String xml = Files.readString(dir.resolve("tune-" + v + ".musicxml"));
            assertTrue(xml.endsWith("<barline location=\"right\"><bar-style>light-heavy</bar-style></barline></measure></part></score-partwise>")
                    || xml.replaceAll("\\s+", "").endsWith("<barlinelocation=\"right\"><bar-style>light-heavy</bar-style></barline></measure></part></score-partwise>"),
                    "the tune ends with a final barline");
            List<Measure> measures = score.parts().get(0).measures();
            assertEquals(8, measures.size());
            for (Measure m : measures) {
                assertEquals(m3(), m.key());
                assertEquals(TimeSignature.of(3, 4), m.time());
                assertEquals(Rational.of(3), m.length());
            }
            List<Note> notes = score.parts().get(0).notes();
            assertTrue(notes.size() >= 8, "a melody, not silence: " + notes.size() + " notes");
            int[] range = range(notes);
            assertTrue(range[1] - range[0] <= 24, "within two octaves: " + range[0] + ".." + range[1]);
            assertEndsOnTheTonicChord(score.parts().get(0));
            inKey += notes.stream().filter(n -> m3().isDiatonic(n.pitch().midi())).count();
            all += notes.size();
        }
        // a single tune may wander (15% of the held-out melodies' notes lie outside the key signature's scale)
        assertTrue(inKey >= 0.7 * all, "mostly in E-flat: " + inKey + " of " + all);
    }

    /** The last measure of the part holds one note of the tonic chord (its root or third) from its downbeat on, as a cadence. */
    private static void assertEndsOnTheTonicChord(Part part) {
        Measure last = part.measures().get(part.measures().size() - 1);
        List<Note> notes = last.notes();
        assertEquals(1, notes.size() > 1 && notes.stream().allMatch(n -> n.pitch().midi() == notes.get(0).pitch().midi()) ? 1
                : notes.size(), "one held note in the final measure: " + notes);
        int tonic = Math.floorMod(last.key().tonic(4).midi(), 12);
        int third = (tonic + (last.key().isMinor() ? 3 : 4)) % 12;
        int pc = Math.floorMod(notes.get(0).pitch().midi(), 12);
        assertTrue(pc == tonic || pc == third, "the final note " + notes.get(0).pitch() + " is the tonic or its third in " + last.key());
    }

    private static KeySignature m3() {
        return new KeySignature(-3, org.kantor.core.Mode.MAJOR);
    }

    @Test
    void interpolationWritesEveryStepWithRehearsalMarks(@TempDir Path dir) throws Exception {
        List<Path> songs = heldOut("bach-chorales-musicxml", 2);
        Path out = dir.resolve("walk.musicxml");
        KantorCliTest.Result r = KantorCliTest.kantor("interpolate", songs.get(0).toString(), songs.get(1).toString(), "-o", out.toString(),
                "--steps", "3");
        assertEquals(0, r.code(), r.err());
        Score score = MusicXmlReader.read(out).score();
        List<Measure> measures = score.parts().get(0).measures();
        assertEquals(10, measures.size(), "A, three steps and B, two measures each");
        for (Measure m : measures) {
            assertEquals(m.time().measureLength(), m.length());
        }
        String xml = Files.readString(out);
        for (String mark : new String[] {"A", "1", "2", "3", "B"}) {
            assertTrue(xml.contains(">" + mark + "</rehearsal>"), "rehearsal mark " + mark);
        }
        MuseScore.assertReadsEveryVoice(out, score);
    }

    @Test
    void badInputGetsAClearErrorAndNoOutput(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.musicxml"), "not a score");
        Path out = dir.resolve("out.musicxml");
        KantorCliTest.Result r = KantorCliTest.kantor("continue", text.toString(), "-o", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("notes.musicxml"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));

        r = KantorCliTest.kantor("continue", text.toString(), "-o", out.toString(), "--measures", "40");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--measures must be between 1 and 32, not 40"), r.err());
        r = KantorCliTest.kantor("generate", "-o", out.toString(), "--measures", "6");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("2, 4, 8 or 16"), r.err());
        r = KantorCliTest.kantor("generate", "-o", out.toString(), "--key", "H#");
        assertEquals(2, r.code(), r.err());
        r = KantorCliTest.kantor("interpolate", text.toString(), text.toString(), "-o", out.toString(), "--steps", "0");
        assertEquals(2, r.code());
        assertFalse(Files.exists(out));

        Path song = heldOut("openscore-lieder", 1).get(0);
        Path copy = Files.copy(song, dir.resolve("song.mxl"));
        byte[] original = Files.readAllBytes(copy);
        r = KantorCliTest.kantor("continue", copy.toString(), "-o", copy.toString(), "--seed", "1");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("refusing to overwrite"), r.err());
        assertEquals(java.util.Arrays.toString(original), java.util.Arrays.toString(Files.readAllBytes(copy)), "the input is untouched");
    }

    private static int[] range(List<Note> notes) {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (Note n : notes) {
            low = Math.min(low, n.pitch().midi());
            high = Math.max(high, n.pitch().midi());
        }
        return new int[] {low, high};
    }

    private static List<Integer> pitches(List<Note> notes) {
        return notes.stream().map(n -> n.pitch().midi()).toList();
    }
}
