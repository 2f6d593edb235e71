package org.kantor.models.drums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.kantor.core.Voice;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.MidiWriter;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.musicxml.ScoreFormat;

class DrumStaffTest {

    /** Four bars of a funk groove the test split holds, as the drummer played them. */
    static DrumPattern funkGroove() throws Exception {
        Path f = KantorData.corpus("groove-midi").resolve("drummer1/eval_session/1_funk-groove1_138_beat_4-4.mid");
        try (InputStream in = Files.newInputStream(f)) {
            return DrumPerformance.read(in).pattern().window(0, 4 * DrumPattern.STEPS_PER_BAR);
        }
    }

    static List<Measure> emptyBars(int count) {
        List<Measure> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Measure(Integer.toString(i + 1), false, Rational.of(4), TimeSignature.COMMON, KeySignature.C_MAJOR,
                    List.of(new Voice("1", List.of())), List.of(), List.of()));
        }
        return out;
    }

    @Test
    void aGrooveIsWrittenOnAPercussionStaffAndReadsBackAsTheSameHits(@TempDir Path dir) throws Exception {
        DrumPattern played = funkGroove();
        Part drums = DrumStaff.part("P1", emptyBars(4), 0, played);
        Path file = dir.resolve("drums.musicxml");
        ScoreFiles.write(ScoreDocument.fromScore(new Score("Funk groove", null, List.of(drums)), "drums"), file, ScoreFormat.MUSICXML);
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<sign>percussion</sign>"), "a percussion clef");
        assertTrue(xml.contains("<unpitched>"), "unpitched notes");
        assertTrue(xml.contains("<notehead>x</notehead>"), "x noteheads for the cymbals");
        assertTrue(xml.contains("<midi-unpitched>37</midi-unpitched>") && xml.contains("<midi-unpitched>39</midi-unpitched>"),
                "bass drum and snare with their General MIDI keys (counted from 1)");
        assertTrue(xml.contains("<midi-channel>10</midi-channel>"), "channel 10");
        assertTrue(xml.contains("<stem>down</stem>") && xml.contains("<stem>up</stem>"), "feet down, hands up");

        Part back = ScoreFiles.read(file).score().parts().get(0);
        DrumPattern read = DrumStaff.pattern(back, 0, 0.7f);
        for (int s = 0; s < played.steps(); s++) {
            for (DrumClass d : DrumClass.values()) {
                boolean expected = played.hit(s, d) && !(d == DrumClass.CLOSED_HI_HAT && played.hit(s, DrumClass.OPEN_HI_HAT));
                assertEquals(expected, read.hit(s, d), "step " + s + " " + d);
            }
        }
        // every bar adds up to four quarters in each voice: no tuplets, no ties
        for (Measure m : back.measures()) {
            for (Voice v : m.voices()) {
                Rational total = Rational.ZERO;
                for (var e : v.events()) {
                    total = total.plus(e.length());
                }
                assertEquals(Rational.of(4), total, "measure " + m.number() + " voice " + v.id());
            }
            for (Note n : m.notes()) {
                assertTrue(n.tie() == org.kantor.core.Tie.NONE);
            }
        }
        // the MIDI plays each drum on its own key on channel 10
        var timeline = org.kantor.musicxml.MidiReader.read(MidiWriter.toBytes(ScoreFiles.read(file).score()), "drums.mid");
        assertTrue(timeline.notes().stream().anyMatch(n -> n.midi() == 36));
        assertTrue(timeline.notes().stream().anyMatch(n -> n.midi() == 38));
        assertTrue(timeline.parts().get(0).instrument().percussion());
        if (System.getenv("KANTOR_KEEP") != null) {
            Files.copy(file, Path.of(System.getenv("KANTOR_KEEP")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
