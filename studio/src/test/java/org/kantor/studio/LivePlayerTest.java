package org.kantor.studio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kantor.core.Score;
import org.kantor.musicxml.ScoreFiles;

/** What the Play button plays, without a sound card: the parts muted and the bars looped. */
class LivePlayerTest {

    @Test
    void theAltoAloneInALoopOfBarsTwoAndThree() throws Exception {
        Score chorale = ScoreFiles.read(Path.of("../examples/chorale.musicxml")).score();
        LivePlayer.Plan plan = LivePlayer.plan(chorale, Set.of(0, 2, 3), new int[] {1, 2});
        assertArrayEquals(new boolean[] {false, true, false, true, true}, plan.mutedTracks(), "conductor, soprano, alto, tenor, bass");
        // 4/4 at 480 ticks a quarter: bar 2 starts at 1920, bar 3 ends at 5760
        assertEquals(1920, plan.loopStart());
        assertEquals(5760, plan.loopEnd());
        LivePlayer.Plan whole = LivePlayer.plan(chorale, Set.of(), null);
        assertFalse(whole.loops());
        assertEquals(5, whole.sequence().getTracks().length);
    }
}
