package org.kantor.models.harmony;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Coconet's likelihood protocol (Huang et al. 2017, as Magenta's evaluation code runs it): the chain
 * rule over a random ordering of the variables (one variable = one voice at one step), averaged over
 * an ensemble of orderings in probability space.
 *
 * <ul>
 *   <li>Frame-wise: frames in random order; each frame is predicted with the frames before it in the
 *       ordering revealed (ground truth), its four voices one after another in random order, each
 *       conditioned on the model's own best guess (argmax) for the voices of the frame already
 *       predicted. The unit is the frame: the log-likelihoods of its four voices summed.</li>
 *   <li>Note-wise: all variables in one random order, each conditioned on the ground truth of those
 *       before it. The unit is the variable.</li>
 * </ul>
 * A silent voice (rests are rare in the data) contributes log 1 = 0, as in the reference code.
 * Optionally each member of the ensemble also hears the piece transposed (0, +1, -1, +2, -2, ...
 * semitones, where the notes stay in range): an ensemble of transposed models, still a proper
 * distribution over the piece, which evens out what the network learned unevenly across keys.
 */
public final class OrderlessLikelihood {

    /** How many examples of one piece go into one forward pass: bounds memory, keeps batches efficient. */
    private static final int STEPS_PER_PASS = 8192;

    private final HarmonyModel model;
    private final int ensemble;
    private final boolean transposed;

    /** @param ensemble orderings averaged per piece (Coconet's evaluation uses 5) */
    public OrderlessLikelihood(HarmonyModel model, int ensemble) {
        this(model, ensemble, false);
    }

    /** @param transposed whether member e also transposes the piece, by {@link #shift} */
    public OrderlessLikelihood(HarmonyModel model, int ensemble, boolean transposed) {
        if (ensemble < 1) {
            throw new IllegalArgumentException("the ensemble needs at least one ordering");
        }
        this.model = model;
        this.ensemble = ensemble;
        this.transposed = transposed;
    }

    /** Member e's transposition: 0, +1, -1, +2, -2, ..., or 0 where that would leave the model's range. */
    static int shift(PianoRoll piece, int member) {
        int magnitude = (member + 1) / 2;
        int shift = member % 2 == 1 ? magnitude : -magnitude;
        int[] limits = piece.transpositionLimits();
        return shift >= limits[0] && shift <= limits[1] ? shift : 0;
    }

    private PianoRoll member(PianoRoll piece, int e) {
        return transposed ? piece.transposed(shift(piece, e)) : piece;
    }

    /** Log-likelihood of every frame of the piece (natural log, sum over the four voices). */
    public double[] frameLogLikelihoods(PianoRoll piece, Random random) {
        double[][] members = new double[ensemble][];
        for (int e = 0; e < ensemble; e++) {
            members[e] = frameWise(member(piece, e), random);
        }
        return meanInProbability(members);
    }

    /**
     * Log-likelihood of every variable of the chosen voices, {@code [step * 4 + voice]}, in note-wise
     * order; the other voices stay known throughout (all four chosen = Coconet's note-wise protocol;
     * alto, tenor and bass = the harmonizer's task, given the soprano). Unchosen variables read 0.
     */
    public double[] noteLogLikelihoods(PianoRoll piece, boolean[] chosenVoices, Random random) {
        double[][] members = new double[ensemble][];
        for (int e = 0; e < ensemble; e++) {
            members[e] = noteWise(member(piece, e), chosenVoices, random);
        }
        return meanInProbability(members);
    }

    private double[] frameWise(PianoRoll piece, Random random) {
        int steps = piece.steps();
        int[] frameOrder = MaskPolicy.permutation(steps, random);
        int[][] voiceOrder = new int[steps][];
        for (int t = 0; t < steps; t++) {
            voiceOrder[t] = MaskPolicy.permutation(PianoRoll.VOICES, random);
        }
        // Example k predicts frame frameOrder[k] with the frames before it in the ordering revealed.
        List<Example> examples = new ArrayList<>(steps);
        for (int k = 0; k < steps; k++) {
            Example example = new Example(piece.toArray(), steps);
            for (int j = k; j < steps; j++) {
                example.hideFrame(frameOrder[j]);
            }
            examples.add(example);
        }
        double[] frameLl = new double[steps];
        int[] at = new int[steps];
        int[] voice = new int[steps];
        for (int d = 0; d < PianoRoll.VOICES; d++) {
            for (int k = 0; k < steps; k++) {
                at[k] = frameOrder[k];
                voice[k] = voiceOrder[frameOrder[k]][d];
            }
            Prediction[] predictions = predict(examples, at, voice);
            for (int k = 0; k < steps; k++) {
                int truth = piece.pitch(at[k], voice[k]);
                frameLl[at[k]] += truth == PianoRoll.SILENT ? 0 : predictions[k].logProbability(truth);
                examples.get(k).reveal(at[k], voice[k], predictions[k].best());
            }
        }
        return frameLl;
    }

    private double[] noteWise(PianoRoll piece, boolean[] chosenVoices, Random random) {
        int steps = piece.steps();
        List<Integer> variables = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            for (int v = 0; v < PianoRoll.VOICES; v++) {
                if (chosenVoices[v]) {
                    variables.add(t * PianoRoll.VOICES + v);
                }
            }
        }
        int n = variables.size();
        int[] order = MaskPolicy.permutation(n, random);
        double[] ll = new double[steps * PianoRoll.VOICES];
        // Example j knows the truth of the variables before it in the ordering; built chunk by chunk.
        int chunk = Math.max(1, STEPS_PER_PASS / Math.max(1, steps));
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            Example running = new Example(piece.toArray(), steps);
            for (int j = from; j < n; j++) {
                int variable = variables.get(order[j]);
                running.hide(variable / PianoRoll.VOICES, variable % PianoRoll.VOICES);
            }
            List<Example> examples = new ArrayList<>(to - from);
            int[] at = new int[to - from];
            int[] voice = new int[to - from];
            for (int j = from; j < to; j++) {
                int variable = variables.get(order[j]);
                at[j - from] = variable / PianoRoll.VOICES;
                voice[j - from] = variable % PianoRoll.VOICES;
                examples.add(running.copy());
                running.reveal(at[j - from], voice[j - from], piece.pitch(at[j - from], voice[j - from]));
            }
            Prediction[] predictions = predictBatch(examples, at, voice);
            for (int i = 0; i < at.length; i++) {
                int truth = piece.pitch(at[i], voice[i]);
                ll[at[i] * PianoRoll.VOICES + voice[i]] = truth == PianoRoll.SILENT ? 0 : predictions[i].logProbability(truth);
            }
        }
        return ll;
    }

    /** Predictions for every example, in forward passes of bounded size. */
    private Prediction[] predict(List<Example> examples, int[] at, int[] voice) {
        int steps = examples.get(0).steps();
        int chunk = Math.max(1, STEPS_PER_PASS / steps);
        Prediction[] out = new Prediction[examples.size()];
        for (int from = 0; from < examples.size(); from += chunk) {
            int to = Math.min(examples.size(), from + chunk);
            Prediction[] part = predictBatch(examples.subList(from, to),
                    Arrays.copyOfRange(at, from, to), Arrays.copyOfRange(voice, from, to));
            System.arraycopy(part, 0, out, from, part.length);
        }
        return out;
    }

    private Prediction[] predictBatch(List<Example> examples, int[] at, int[] voice) {
        int steps = examples.get(0).steps();
        RollBatch batch = RollBatch.allocate(examples.size(), steps);
        for (int b = 0; b < examples.size(); b++) {
            batch.put(b, examples.get(b).pitches, examples.get(b).mask);
        }
        float[] logp = model.logProbabilities(batch, 1.0);
        Prediction[] out = new Prediction[examples.size()];
        for (int b = 0; b < examples.size(); b++) {
            int base = ((b * PianoRoll.VOICES + voice[b]) * steps + at[b]) * PianoRoll.PITCHES;
            out[b] = new Prediction(Arrays.copyOfRange(logp, base, base + PianoRoll.PITCHES));
        }
        return out;
    }

    /** One voice's distribution at one step. */
    private record Prediction(float[] logp) {
        double logProbability(int midi) {
            return logp[midi - PianoRoll.LOWEST];
        }

        int best() {
            int best = 0;
            for (int i = 1; i < logp.length; i++) {
                if (logp[i] > logp[best]) {
                    best = i;
                }
            }
            return PianoRoll.LOWEST + best;
        }
    }

    /** A piece as one example sees it: the roll, and which cells are unknown (hidden cells keep no truth). */
    private static final class Example {
        final int[][] pitches;
        final float[][] mask;

        Example(int[][] pitches, int steps) {
            this(pitches, new float[PianoRoll.VOICES][steps]);
        }

        private Example(int[][] pitches, float[][] mask) {
            this.pitches = pitches;
            this.mask = mask;
        }

        int steps() {
            return pitches.length;
        }

        void hideFrame(int step) {
            for (int v = 0; v < PianoRoll.VOICES; v++) {
                hide(step, v);
            }
        }

        void hide(int step, int voice) {
            mask[voice][step] = 1f;
            pitches[step][voice] = PianoRoll.SILENT;
        }

        void reveal(int step, int voice, int pitch) {
            mask[voice][step] = 0f;
            pitches[step][voice] = pitch;
        }

        Example copy() {
            int[][] p = new int[pitches.length][];
            for (int t = 0; t < pitches.length; t++) {
                p[t] = pitches[t].clone();
            }
            float[][] m = new float[mask.length][];
            for (int v = 0; v < mask.length; v++) {
                m[v] = mask[v].clone();
            }
            return new Example(p, m);
        }
    }

    /** log of the mean probability over ensemble members, per unit (better than the mean log: see Magenta). */
    static double[] meanInProbability(double[][] members) {
        int n = members[0].length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] m : members) {
                max = Math.max(max, m[i]);
            }
            double sum = 0;
            for (double[] m : members) {
                sum += Math.exp(m[i] - max);
            }
            out[i] = max + Math.log(sum / members.length);
        }
        return out;
    }
}
