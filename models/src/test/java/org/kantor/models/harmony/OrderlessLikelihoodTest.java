package org.kantor.models.harmony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kantor.musicxml.KantorData;

class OrderlessLikelihoodTest {

    @Test
    void ensembleMembersAreAveragedInProbability() {
        double[] mean = OrderlessLikelihood.meanInProbability(new double[][] {{Math.log(0.2)}, {Math.log(0.6)}});
        assertEquals(Math.log(0.4), mean[0], 1e-12);
    }

    @Test
    void transposedMembersStayInRangeAndKeepRests() {
        // soprano up to G5, two below the model's top (A5); bass down to D2, two above its bottom (C2)
        int[][] steps = {{77, 72, 60, 40}, {79, PianoRoll.SILENT, 62, 38}};
        PianoRoll piece = new PianoRoll(steps);
        assertEquals(0, OrderlessLikelihood.shift(piece, 0));
        assertEquals(1, OrderlessLikelihood.shift(piece, 1));
        assertEquals(-1, OrderlessLikelihood.shift(piece, 2));
        assertEquals(2, OrderlessLikelihood.shift(piece, 3));
        assertEquals(-2, OrderlessLikelihood.shift(piece, 4));
        assertEquals(0, OrderlessLikelihood.shift(piece, 5), "+3 would leave the range: the member hears the piece as it is");
        PianoRoll down = piece.transposed(-2);
        assertEquals(77, down.pitch(1, 0));
        assertEquals(PianoRoll.SILENT, down.pitch(1, 1));
        assertEquals(36, down.pitch(1, 3));
    }

    @Test
    void theShippedModelPredictsBachFarBetterThanChance() throws Exception {
        Path data = KantorData.corpus("jsb-chorales");
        assumeTrue(data != null, "the shared jsb-chorales corpus is needed");
        PianoRoll opening = new PianoRoll(JsbChorales.load(data).test().get(0).crop(0, 32));
        try (HarmonyModel model = HarmonyModel.load()) {
            double chancePerVoice = Math.log(PianoRoll.PITCHES);
            LikelihoodEvaluation.Figure frame = LikelihoodEvaluation.frameWise(model, List.of(opening), 2, false, 1, done -> { });
            assertEquals(32, frame.units());
            assertTrue(frame.meanNll() > 0 && frame.meanNll() < PianoRoll.VOICES * chancePerVoice / 3, "frame-wise " + frame.meanNll());
            LikelihoodEvaluation.Figure below = LikelihoodEvaluation.belowSoprano(model, List.of(opening), 1, false, 1, done -> { });
            assertEquals(3 * 32, below.units());
            assertTrue(below.meanNll() > 0 && below.meanNll() < chancePerVoice / 3, "ATB given S " + below.meanNll());
            // the given soprano is context, not something to predict
            double[] ll = new OrderlessLikelihood(model, 1).noteLogLikelihoods(opening, LikelihoodEvaluation.BELOW_SOPRANO, new Random(3));
            for (int t = 0; t < 32; t++) {
                assertEquals(0.0, ll[t * PianoRoll.VOICES], "the soprano is not scored");
            }
        }
    }
}
