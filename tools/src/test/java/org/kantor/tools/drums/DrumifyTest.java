package org.kantor.tools.drums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kantor.core.Measure;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.models.drums.DrumClass;
import org.kantor.models.drums.DrumModel;
import org.kantor.models.drums.DrumTask;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.MidiReader;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;

/** Drumify on real scores, with the shipped model: what a drummer reads and what MuseScore plays. */
class DrumifyTest {

    private static final Path CELLO_QUARTET = KantorData.corpus("openscore-quartets")
            .resolve("Saint-Georges,_Joseph_Bologne/String_Quartet_in_G_minor,_Op.1_No.5/sq8438999.mxl");
    private static final Path SONG = KantorData.corpus("openscore-lieder").resolve("Gounod,_Charles/_/Le_soir,_CG_441/lc29748062.mxl");

    private static Drumify drumify;

    @BeforeAll
    static void load() throws Exception {
        drumify = new Drumify(DrumModel.load(DrumTask.DRUMIFY));
    }

    @Test
    void drumsFollowTheCelloLineOnlyWhereItPlays() throws Exception {
        ScoreDocument quartet = ScoreFiles.read(CELLO_QUARTET);
        Drumify.Result result = drumify.run(quartet, new Drumify.Request(3, 8, 1, 0.7, 11)).get(0);
        ScoreDocument out = result.score();
        assertEquals(5, out.score().parts().size());
        assertEquals(4, result.drumPart());
        Timeline before = ScoreToTimeline.convert(quartet.score());
        Timeline after = ScoreToTimeline.convert(out.score());
        for (int p = 0; p < 4; p++) {
            assertEquals(keysAndTimes(before.notesOfPart(p)), keysAndTimes(after.notesOfPart(p)), "part " + (p + 1) + " unchanged");
        }
        // the grid starts after the pickup; every stroke falls where the cello starts a note, within the 8 bars
        Rational start = quartet.score().parts().get(0).measures().get(0).length();
        Set<Rational> celloOnsets = new HashSet<>();
        before.notesOfPart(3).forEach(n -> celloOnsets.add(n.onset()));
        List<TimedNote> drums = after.notesOfPart(4);
        assertTrue(drums.size() > 16, "a real drum part: " + drums.size() + " strokes");
        for (TimedNote n : drums) {
            assertTrue(n.onset().compareTo(start) >= 0 && n.onset().compareTo(start.plus(Rational.of(32))) < 0, "in bars 1-8: " + n.onset());
            assertTrue(celloOnsets.contains(n.onset()), "a stroke where the cello plays: " + n.onset());
            assertTrue(DrumClass.of(n.midi()) != null, "a drum of the kit: " + n.midi());
        }
    }

    @Test
    void aDrumStaffAsADrummerReadsIt() throws Exception {
        ScoreDocument song = ScoreFiles.read(SONG);
        Drumify.Result result = drumify.run(song, new Drumify.Request(1, 4, 1, 0.5, 3)).get(0);
        Part drums = result.score().score().parts().get(2);
        assertTrue(drums.instrument().percussion(), "a percussion instrument");
        assertEquals(10, drums.instrument().midiChannel());
        Measure bar = drums.measures().get(0);
        assertEquals("percussion", bar.clefs().get(0).clef().sign(), "percussion clef");
        assertEquals(2, bar.voices().size(), "hands and feet");
        for (Note n : drums.notes()) {
            DrumClass drum = DrumClass.of(n.unpitched().midiKey());
            boolean cymbal = drum == DrumClass.CLOSED_HI_HAT || drum == DrumClass.CRASH || drum == DrumClass.RIDE;
            assertEquals(cymbal, n.unpitched().notehead().equals("x"), drum + " written with " + n.unpitched().notehead());
        }
        for (Note n : bar.voices().get(1).notes()) {
            assertEquals(DrumClass.KICK, DrumClass.of(n.unpitched().midiKey()), "the feet's voice holds the bass drum");
        }
        // the song writes its 4/4 as C, and so does the drum staff
        String xml = new String(org.kantor.musicxml.MusicXmlWriter.toBytes(result.score()), java.nio.charset.StandardCharsets.UTF_8);
        String drumXml = xml.substring(xml.lastIndexOf("<part id="));
        assertTrue(drumXml.contains("<time symbol=\"common\">"), drumXml.substring(0, 400));
        // a drummer hears a backbeat: the snare on beats 2 and 4 of most bars
        long backbeats = drums.notes().stream().filter(n -> DrumClass.of(n.unpitched().midiKey()) == DrumClass.SNARE).count();
        assertTrue(backbeats >= 4, "snare strokes in four bars: " + backbeats);
        // MIDI: the drums on channel 10 (status 0x99 note-on), the song's parts as before
        byte[] midi = result.midi();
        boolean channelTen = false;
        for (int i = 0; i + 2 < midi.length; i++) {
            channelTen |= (midi[i] & 0xFF) == 0x99 && midi[i + 2] != 0;
        }
        assertTrue(channelTen, "drum notes on channel 10");
        assertEquals(ScoreToTimeline.convert(result.score().score()).notes().size(),
                MidiReader.read(midi, "drums.mid").notes().size(), "every note of the score is in the MIDI");
    }

    @Test
    void aSongInCutTimeGetsDrumsInCutTime() throws Exception {
        ScoreDocument song = ScoreFiles.read(KantorData.corpus("openscore-lieder").resolve("Arne,_Thomas/_/The_Family_Quarrel/lc28971056.mxl"));
        Drumify.Result result = drumify.run(song, new Drumify.Request(null, 4, 1, 0.7, 2)).get(0);
        Part drums = result.score().score().parts().get(result.drumPart());
        assertTrue(drums.measures().stream().allMatch(m -> m.time().equals(org.kantor.core.TimeSignature.of(2, 2))), "written in 2/2");
        assertFalse(drums.notes().isEmpty());
    }

    @Test
    void aSeedRepeatsAVariationAndVariationsDiffer() throws Exception {
        ScoreDocument song = ScoreFiles.read(SONG);
        List<Drumify.Result> two = drumify.run(song, new Drumify.Request(1, 4, 2, 1.2, 5));
        List<Drumify.Result> again = drumify.run(song, new Drumify.Request(1, 4, 1, 1.2, 5));
        assertEquals(strokes(two.get(0)), strokes(again.get(0)));
        assertNotEquals(strokes(two.get(0)), strokes(two.get(1)));
    }

    @Test
    void whatItCannotPlayIsRefusedByName() throws Exception {
        ScoreDocument quartet = ScoreFiles.read(CELLO_QUARTET);
        ScoreFileException meter = assertThrows(ScoreFileException.class, () -> drumify.run(quartet, new Drumify.Request(3, null, 1, 0.7, 1)));
        assertTrue(meter.getMessage().contains("2/4") && meter.getMessage().contains("--bars"), meter.getMessage());
        ScoreFileException part = assertThrows(ScoreFileException.class, () -> drumify.run(quartet, new Drumify.Request(8, 8, 1, 0.7, 1)));
        assertTrue(part.getMessage().contains("no part 9"), part.getMessage());
        ScoreDocument song = ScoreFiles.read(SONG);
        // the voice rests through the first eight bars
        ScoreFileException silent = assertThrows(ScoreFileException.class, () -> drumify.run(song, new Drumify.Request(0, 8, 1, 0.7, 1)));
        assertTrue(silent.getMessage().contains("part 1") && silent.getMessage().contains("no notes"), silent.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Drumify.Request(null, null, 9, 0.7, 1));
        assertThrows(IllegalArgumentException.class, () -> new Drumify.Request(null, null, 1, 2.5, 1));
    }

    private static List<String> keysAndTimes(List<TimedNote> notes) {
        return notes.stream().map(n -> n.midi() + "@" + n.onset() + "-" + n.offset()).toList();
    }

    private static List<String> strokes(Drumify.Result r) {
        return keysAndTimes(ScoreToTimeline.convert(r.score().score()).notesOfPart(r.drumPart()));
    }
}
