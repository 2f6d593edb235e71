package org.kantor.tools.drums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.models.drums.DrumModel;
import org.kantor.models.drums.DrumPattern;
import org.kantor.models.drums.DrumTask;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.MidiReader;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;

/** Groove on a drummer's own part from the test split, quantized, and on what it cannot play. */
class GrooveTest {

    private static final Path FUNK = KantorData.corpus("groove-midi").resolve("drummer1/eval_session/1_funk-groove1_138_beat_4-4.mid");

    private static Groove groove;

    @TempDir
    Path folder;

    @BeforeAll
    static void load() throws Exception {
        groove = new Groove(DrumModel.load(DrumTask.GROOVE));
    }

    @Test
    void theNotationStaysAndThePlayingComesAlive() throws Exception {
        ScoreDocument written = DrumInputs.forGroove(FUNK);
        byte[] before = MusicXmlWriter.toBytes(written);
        Groove.Result result = groove.run(written, new Groove.Request(null, 1, 1, 0.7, 4)).get(0);
        assertEquals(0, result.drumPart());
        List<TimedNote> notes = ScoreToTimeline.convert(written.score()).notesOfPart(0);
        assertEquals(keysAndTimes(notes), keysAndTimes(ScoreToTimeline.convert(result.score().score()).notesOfPart(0)), "the same notes");
        assertEquals(new String(before), new String(MusicXmlWriter.toBytes(written)), "the input is not changed");

        // every stroke played with its own loudness, and off the grid by less than half a 16th
        DrumPattern played = result.drums();
        Set<Integer> velocities = new HashSet<>();
        int pushedOrDragged = 0;
        for (int s = 0; s < played.steps(); s++) {
            for (int d = 0; d < DrumPattern.DRUMS; d++) {
                if (played.hit(s, d)) {
                    velocities.add(Math.round(played.velocity(s, d) * 127));
                    assertTrue(Math.abs(played.offset(s, d)) <= 0.5f);
                    pushedOrDragged += Math.abs(played.offset(s, d)) > 0.02f ? 1 : 0;
                }
            }
        }
        assertTrue(velocities.size() > 20, "many loudnesses: " + velocities.size());
        assertTrue(pushedOrDragged > played.hitCount() / 4, pushedOrDragged + " of " + played.hitCount() + " strokes off the grid");
        String xml = new String(MusicXmlWriter.toBytes(result.score()));
        assertTrue(xml.contains("dynamics=\"") && xml.contains("attack=\""), "playback attributes in the MusicXML");
        assertEquals(notes.size(), MidiReader.read(result.midi(), "groove.mid").notes().size(), "every stroke in the MIDI");
    }

    @Test
    void amountZeroPlaysItAsWritten() throws Exception {
        ScoreDocument written = DrumInputs.forGroove(FUNK);
        DrumPattern stiff = groove.run(written, new Groove.Request(null, 0, 1, 0.7, 4)).get(0).drums();
        for (int s = 0; s < stiff.steps(); s++) {
            for (int d = 0; d < DrumPattern.DRUMS; d++) {
                if (stiff.hit(s, d)) {
                    assertEquals(0f, stiff.offset(s, d));
                    assertEquals(Drumify.TAP_VELOCITY, stiff.velocity(s, d), 1e-6);
                }
            }
        }
    }

    @Test
    void withoutDrumsThereIsNothingToGroove() throws Exception {
        ScoreDocument chorale = ScoreFiles.read(Path.of("..", "examples", "chorale.musicxml"));
        ScoreFileException none = assertThrows(ScoreFileException.class, () -> groove.run(chorale, new Groove.Request(null, 1, 1, 0.7, 1)));
        assertTrue(none.getMessage().contains("no drum part"), none.getMessage());
        ScoreFileException notDrums = assertThrows(ScoreFileException.class, () -> groove.run(chorale, new Groove.Request(1, 1, 1, 0.7, 1)));
        assertTrue(notDrums.getMessage().contains("part 2") && notDrums.getMessage().contains("not a drum part"), notDrums.getMessage());
        // a MIDI file with no drums on channel 10
        Path piano = folder.resolve("piano.mid");
        ScoreFiles.write(chorale, piano, org.kantor.musicxml.ScoreFormat.MIDI);
        ScoreFileException midi = assertThrows(ScoreFileException.class, () -> DrumInputs.forGroove(piano));
        assertTrue(midi.getMessage().contains("no drums"), midi.getMessage());
        assertTrue(Files.size(piano) > 0);
    }

    private static List<String> keysAndTimes(List<TimedNote> notes) {
        return notes.stream().map(n -> n.midi() + "@" + n.onset() + "-" + n.offset()).toList();
    }
}
