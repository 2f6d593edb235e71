package org.kantor.studio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kantor.core.Score;
import org.kantor.musicxml.ScoreFiles;

/** What the Play button plays, without a sound card: the parts muted and the bars looped. */
class LivePlayerTest {

    @Test
    void theAltoAloneInALoopOfBarsTwoAndThree() throws Exception {
        Score chorale = ScoreFiles.read(Path.of("../examples/chorale.musicxml")).score();
        LivePlayer.Plan plan = LivePlayer.plan(chorale, Set.of(0, 2, 3), new int[] {1, 2}, false);
        assertArrayEquals(new boolean[] {false, true, false, true, true}, plan.mutedTracks(), "conductor, soprano, alto, tenor, bass");
        // 4/4 at 480 ticks a quarter: bar 2 starts at 1920, bar 3 ends at 5760
        assertEquals(1920, plan.loopStart());
        assertEquals(5760, plan.loopEnd());
        LivePlayer.Plan whole = LivePlayer.plan(chorale, Set.of(), null, false);
        assertFalse(whole.loops());
        assertEquals(5, whole.sequence().getTracks().length);
    }

    @Test
    void aCountInClicksOneBarOfBeatsBeforeTheMusicAndLeadsIntoALoop() throws Exception {
        Score chorale = ScoreFiles.read(Path.of("../examples/chorale.musicxml")).score();
        LivePlayer.Plan plain = LivePlayer.plan(chorale, Set.of(), null, false);
        LivePlayer.Plan counted = LivePlayer.plan(chorale, Set.of(), null, true);
        var tracks = counted.sequence().getTracks();
        assertEquals(6, tracks.length, "conductor, four parts, and the clicks");
        List<Long> clicks = noteOnTicks(tracks[5]);
        assertEquals(List.of(0L, 480L, 960L, 1440L), clicks, "four beats of 4/4 at 480 ticks a quarter");
        // every part starts one bar later, on the same notes
        for (int t = 1; t <= 4; t++) {
            List<Long> before = noteOnTicks(plain.sequence().getTracks()[t]);
            List<Long> after = noteOnTicks(tracks[t]);
            assertEquals(before.size(), after.size());
            assertEquals(before.get(0) + 1920, after.get(0));
        }
        assertEquals(-1920, counted.scoreShift(), "tick 0 of the music is tick 1920 of what plays");
        assertEquals(0, counted.startTick());

        // looping bars 2-3 with a count-in: the clicks, then bar 2; the loop goes back to bar 2, not to the clicks
        LivePlayer.Plan loop = LivePlayer.plan(chorale, Set.of(), new int[] {1, 2}, true);
        assertEquals(0, loop.startTick());
        assertEquals(1920, loop.loopStart());
        assertEquals(1920 + 3840, loop.loopEnd());
        assertEquals(0, loop.scoreShift(), "bar 2 starts at tick 1920 of the score and of what plays");
        assertTrue(noteOnTicks(loop.sequence().getTracks()[1]).stream().allMatch(t -> t >= 1920), "bar 1 is left out");
    }

    @Test
    void pauseHoldsThePlaceAndResumeGoesOnFromItAfterTheCountIn() throws Exception {
        Score chorale = ScoreFiles.read(Path.of("../examples/chorale.musicxml")).score();
        // the synthesizer renders to a stream nobody reads, as a sound card would take it: no sound card needed
        try (LivePlayer player = new LivePlayer(() -> {
            javax.sound.midi.Synthesizer synth = javax.sound.midi.MidiSystem.getSynthesizer();
            ScoreSound.openStream(synth);
            return synth;
        })) {
            player.play(LivePlayer.plan(chorale, Set.of(), null, true), 1.0);
            Thread.sleep(400);
            player.pause();
            double held = player.position();
            assertTrue(held > -4 && held < 0, "still in the count-in, before the first bar: " + held);
            assertTrue(player.paused());
            Thread.sleep(300);
            assertEquals(held, player.position(), 1e-9, "paused: the place holds");
            player.resume();
            Thread.sleep(300);
            assertTrue(player.position() > held, "resumed from where it was");
            assertFalse(player.paused());
            player.stop();
            assertTrue(Double.isNaN(player.position()));
        }
    }

    private static List<Long> noteOnTicks(javax.sound.midi.Track track) {
        List<Long> ticks = new java.util.ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof javax.sound.midi.ShortMessage m && m.getCommand() == javax.sound.midi.ShortMessage.NOTE_ON
                    && m.getData2() > 0) {
                ticks.add(track.get(i).getTick());
            }
        }
        return ticks;
    }
}
