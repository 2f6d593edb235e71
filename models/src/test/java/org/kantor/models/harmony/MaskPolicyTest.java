package org.kantor.models.harmony;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MaskPolicyTest {

    @Test
    void frameMasksHideWholeStepsOrStepsWithSomeVoicesRevealed() {
        Random random = new Random(7);
        float[][] mask = new float[PianoRoll.VOICES][64];
        boolean sawWholeFrames = false;
        boolean sawPartlyRevealedFrame = false;
        for (int draw = 0; draw < 200; draw++) {
            for (float[] row : mask) {
                java.util.Arrays.fill(row, 0f);
            }
            MaskPolicy.hideFrames(mask, random);
            int hiddenCells = 0;
            boolean allWhole = true;
            for (int t = 0; t < 64; t++) {
                int hidden = 0;
                for (int v = 0; v < PianoRoll.VOICES; v++) {
                    hidden += (int) mask[v][t];
                }
                hiddenCells += hidden;
                if (hidden > 0 && hidden < PianoRoll.VOICES) {
                    allWhole = false;
                    sawPartlyRevealedFrame = true;
                }
            }
            sawWholeFrames |= allWhole && hiddenCells > 0;
        }
        assertTrue(sawWholeFrames, "some masks hide whole chords only");
        assertTrue(sawPartlyRevealedFrame, "some masks reveal part of a hidden chord");
    }

    @Test
    void everyTrainingMaskLeavesSomethingToGuess() {
        Random random = new Random(3);
        float[][] mask = new float[PianoRoll.VOICES][32];
        for (int draw = 0; draw < 2000; draw++) {
            MaskPolicy.sample(mask, random);
            float hidden = 0;
            for (float[] row : mask) {
                for (float cell : row) {
                    hidden += cell;
                }
            }
            assertTrue(hidden > 0, "draw " + draw + " hides nothing");
        }
    }
}
