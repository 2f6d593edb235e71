package org.kantor.harmonizer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GibbsSamplerTest {

    @Test
    void recognisesCandidatesThatMoveInParallels() {
        // soprano C5 -> D5 over bass C3 -> D3: a bass D3 under it would be parallel octaves, a bass B2 would not
        int[][] roll = {{72, 64, 55, 48}, {74, 65, 57, 0}};
        assertTrue(GibbsSampler.makesParallels(roll, 1, 3, 50));
        assertFalse(GibbsSampler.makesParallels(roll, 1, 3, 47));
        // the tenor G3 -> A3 against the bass C3 -> D3 is a fifth moving in parallel
        int[][] fifths = {{72, 64, 55, 48}, {74, 65, 0, 50}};
        assertTrue(GibbsSampler.makesParallels(fifths, 1, 2, 57));
    }
}
