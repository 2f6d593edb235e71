package org.kantor.harmonizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RollRulesTest {

    @Test
    void countsParallelFifthsAndOctavesOnlyInSimilarMotion() {
        // C major triad to D minor triad with soprano and bass in octaves, tenor and bass in fifths: both parallel
        int[][] parallels = {{72, 64, 55, 48}, {74, 65, 57, 50}};
        RollRules.Counts c = RollRules.count(parallels);
        assertEquals(8, c.notes());
        assertEquals(1, c.parallelOctaves());
        assertEquals(1, c.parallelFifths());
        // contrary motion to the same intervals is not parallel
        int[][] contrary = {{72, 64, 55, 48}, {67, 64, 59, 55}};
        assertEquals(0, RollRules.count(contrary).parallelOctaves());
    }

    @Test
    void countsCrossingsAndRange() {
        int[][] crossed = {{60, 65, 55, 48}};
        RollRules.Counts c = RollRules.count(crossed);
        assertEquals(1, c.crossings());
        int[][] high = {{84, 64, 55, 48}};
        assertEquals(1, RollRules.count(high).outOfRange());
    }

    @Test
    void heldNotesAreNotNewNotes() {
        int[][] held = {{72, 64, 55, 48}, {72, 64, 55, 48}, {74, 65, 55, 48}};
        assertEquals(6, RollRules.count(held).notes());
    }
}
