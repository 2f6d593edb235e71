package org.kantor.harmonizer;

import java.util.List;
import java.util.Random;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.models.harmony.RollBatch;

/**
 * Evaluation 3 of the harmonizer: harmonize the soprano of every test chorale and count voice-leading
 * faults per note, beside the same counts on Bach's own chorales.
 */
public final class SampleQualityEvaluation {

    /** Rates for Bach and for Kantor, counted by {@link RollRules}. */
    public record Result(RollRules.Counts bach, RollRules.Counts kantor, int chorales) {
    }

    private SampleQualityEvaluation() {
    }

    public static Result run(HarmonyModel model, List<PianoRoll> test, GibbsSampler.Settings settings, long seed) {
        RollRules.Counts bach = RollRules.NONE;
        RollRules.Counts kantor = RollRules.NONE;
        GibbsSampler sampler = new GibbsSampler(model, settings);
        Random random = new Random(seed);
        for (PianoRoll chorale : test) {
            int[][] truth = chorale.toArray();
            bach = bach.plus(RollRules.count(truth));
            boolean[][] unknown = new boolean[PianoRoll.VOICES][truth.length];
            for (int t = 0; t < truth.length; t++) {
                for (int v = 1; v < PianoRoll.VOICES; v++) {
                    unknown[v][t] = truth[t][0] != PianoRoll.SILENT;
                }
            }
            int[][] given = new int[truth.length][];
            for (int t = 0; t < truth.length; t++) {
                given[t] = new int[] {truth[t][0], PianoRoll.SILENT, PianoRoll.SILENT, PianoRoll.SILENT};
            }
            java.util.Set<Integer> onsets = new java.util.HashSet<>();
            for (int t = 0; t < truth.length; t++) {
                if (truth[t][0] != PianoRoll.SILENT && (t == 0 || truth[t - 1][0] != truth[t][0])) {
                    onsets.add(t);
                }
            }
            // JSB steps count from a beat
            int[] beatPhases = RollBatch.beatPhases(truth.length, 0);
            int[][] sampled = sampler.sample(given, unknown, 1, random, Harmonizer.movesOnEighthsAndWithTheMelody(beatPhases, onsets), beatPhases)[0];
            kantor = kantor.plus(RollRules.count(sampled));
        }
        return new Result(bach, kantor, test.size());
    }
}
