package org.kantor.models.harmony;

import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.stream.DoubleStream;

/**
 * Evaluations 1 and 2 of the harmony model over a set of pieces: Coconet's frame-wise and note-wise
 * NLL, and the NLL of alto, tenor and bass given the soprano. Figures are natural-log NLL per unit,
 * averaged over all units of all pieces (Magenta's "unit" mean), with the standard error.
 */
public final class LikelihoodEvaluation {

    /** Voices scored for the harmonizer's task: everything but the soprano. */
    public static final boolean[] BELOW_SOPRANO = {false, true, true, true};
    private static final boolean[] ALL_VOICES = {true, true, true, true};

    /** Mean and standard error of the NLL per unit over {@code units} units. */
    public record Figure(double meanNll, double standardError, long units) {
        static Figure of(double[] nll) {
            int count = nll.length;
            double mean = 0;
            for (int i = 0; i < count; i++) {
                mean += nll[i];
            }
            mean /= Math.max(1, count);
            double var = 0;
            for (int i = 0; i < count; i++) {
                var += (nll[i] - mean) * (nll[i] - mean);
            }
            double sd = Math.sqrt(var / Math.max(1, count));
            return new Figure(mean, sd / Math.sqrt(Math.max(1, count)), count);
        }
    }

    private LikelihoodEvaluation() {
    }

    /** Coconet's frame-wise NLL (unit: one frame, its four voices summed). */
    public static Figure frameWise(HarmonyModel model, List<PianoRoll> pieces, int ensemble, boolean transposed, long seed,
                                   IntConsumer progress) {
        OrderlessLikelihood likelihood = new OrderlessLikelihood(model, ensemble, transposed);
        Random random = new Random(seed);
        DoubleStream.Builder units = DoubleStream.builder();
        for (int i = 0; i < pieces.size(); i++) {
            for (double ll : likelihood.frameLogLikelihoods(pieces.get(i), random)) {
                units.add(-ll);
            }
            progress.accept(i + 1);
        }
        return Figure.of(units.build().toArray());
    }

    /** Coconet's note-wise NLL (unit: one voice at one step). */
    public static Figure noteWise(HarmonyModel model, List<PianoRoll> pieces, int ensemble, boolean transposed, long seed,
                                  IntConsumer progress) {
        return variables(model, pieces, ALL_VOICES, false, ensemble, transposed, seed, progress);
    }

    /**
     * NLL of alto, tenor and bass given the soprano, note-wise chain rule over their variables, per
     * sounding variable (a rest in one of them is not a note to predict).
     */
    public static Figure belowSoprano(HarmonyModel model, List<PianoRoll> pieces, int ensemble, boolean transposed, long seed,
                                      IntConsumer progress) {
        return variables(model, pieces, BELOW_SOPRANO, true, ensemble, transposed, seed, progress);
    }

    private static Figure variables(HarmonyModel model, List<PianoRoll> pieces, boolean[] voices, boolean soundingOnly,
            int ensemble, boolean transposed, long seed, IntConsumer progress) {
        OrderlessLikelihood likelihood = new OrderlessLikelihood(model, ensemble, transposed);
        Random random = new Random(seed);
        DoubleStream.Builder units = DoubleStream.builder();
        for (int i = 0; i < pieces.size(); i++) {
            PianoRoll piece = pieces.get(i);
            double[] ll = likelihood.noteLogLikelihoods(piece, voices, random);
            for (int t = 0; t < piece.steps(); t++) {
                for (int v = 0; v < PianoRoll.VOICES; v++) {
                    if (voices[v] && !(soundingOnly && piece.pitch(t, v) == PianoRoll.SILENT)) {
                        units.add(-ll[t * PianoRoll.VOICES + v]);
                    }
                }
            }
            progress.accept(i + 1);
        }
        return Figure.of(units.build().toArray());
    }
}
