package org.kantor.models.drums;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Random;
import org.kantor.models.CompactWeights;
import org.kantor.models.recurrent.LstmInference;
import org.kantor.models.recurrent.LstmStack;

/**
 * A trained drum network (Groove or Drumify) run in plain Java from the weights in the jar. A part
 * is played window by window ({@link #WINDOW_STEPS} steps, the length it was trained on) with one
 * latent code for the whole part, so that one variation keeps one feel from the first bar to the last.
 */
public final class DrumModel {

    /** Two bars of 16ths, the windows the networks were trained on. */
    public static final int WINDOW_STEPS = 2 * DrumPattern.STEPS_PER_BAR;
    private static final int D = DrumPattern.DRUMS;

    private final DrumTask task;
    private final LstmStack forward0;
    private final LstmStack backward0;
    private final LstmStack forward1;
    private final LstmStack backward1;
    private final LstmInference.Dense output;
    private final int latent;
    private final int hidden;

    private DrumModel(DrumTask task, Map<String, CompactWeights.Array> arrays) {
        this.task = task;
        var toLatent = LstmInference.under(arrays, "03to_latent_");
        latent = LstmInference.require(toLatent, "bias").values().length / 2;
        forward0 = new LstmStack(arrays, "04decoder_forward0_l_", null);
        backward0 = new LstmStack(arrays, "05decoder_backward0_l_", null);
        forward1 = new LstmStack(arrays, "06decoder_forward1_l_", null);
        backward1 = new LstmStack(arrays, "07decoder_backward1_l_", null);
        var dense = LstmInference.under(arrays, "08output_");
        output = new LstmInference.Dense(LstmInference.require(dense, "weight"), LstmInference.require(dense, "bias"));
        hidden = forward0.newState().h()[0].length;
        if (forward0.inputs() != task.conditionSize() + latent || output.outputs != DrumNets.OUTPUTS) {
            throw new IllegalStateException("these weights are not a " + task.resourceName() + " network");
        }
    }

    public static String resource(DrumTask task) {
        return "/org/kantor/models/drums/" + task.resourceName() + ".weights";
    }

    /** The model the jar ships for a task. */
    public static DrumModel load(DrumTask task) throws IOException {
        try (InputStream in = DrumModel.class.getResourceAsStream(resource(task))) {
            if (in == null) {
                throw new IOException("the " + task.resourceName() + " model is missing from the jar (" + resource(task) + ")");
            }
            return read(task, in);
        }
    }

    public static DrumModel read(DrumTask task, InputStream weights) throws IOException {
        return new DrumModel(task, CompactWeights.readArrays(weights));
    }

    public DrumTask task() {
        return task;
    }

    public int latentSize() {
        return latent;
    }

    /** A latent code drawn from the prior at a temperature (0: its mean, the most typical feel). */
    public float[] sampleCode(double temperature, Random random) {
        float[] z = new float[latent];
        for (int i = 0; i < latent; i++) {
            z[i] = (float) (temperature * random.nextGaussian());
        }
        return z;
    }

    /**
     * Groove: the same hits as {@code part}, each with the velocity and offset the model plays it with.
     * {@code amount} (0..1) moves from the part as written (quantized, its own velocities) to the model's
     * performance; {@code tempo} is in quarter notes per minute.
     */
    public DrumPattern groove(DrumPattern part, double tempo, float[] code, double amount) {
        requireTask(DrumTask.GROOVE);
        DrumPattern out = part.window(0, part.steps());
        float[] raw = new float[DrumNets.OUTPUTS];
        forEachStep(part, tempo, code, (step, values) -> {
            for (int d = 0; d < D; d++) {
                if (part.hit(step, d)) {
                    float velocity = sigmoid(values[D + d]);
                    float offset = (float) Math.tanh(values[2 * D + d]) * 0.5f;
                    out.perform(step, d, (float) (part.velocity(step, d) + amount * (velocity - part.velocity(step, d))),
                            (float) (part.offset(step, d) + amount * (offset - part.offset(step, d))));
                }
            }
        }, raw);
        return out;
    }

    /**
     * Drumify: a whole drum pattern, with its groove, for the rhythm of {@code tap} (read through
     * {@link DrumPattern#tapFeatures}). The tap is every stroke the drummer plays, so drums are struck
     * on its steps only, and on each of them at least one: the drums the network is sure of, or else
     * the one it finds likeliest (where it hesitates between kick and snare on a backbeat, neither may
     * pass one half, and a bare threshold would leave the stroke out).
     */
    public DrumPattern drumify(DrumPattern tap, double tempo, float[] code) {
        requireTask(DrumTask.DRUMIFY);
        DrumPattern out = new DrumPattern(tap.steps());
        float[] raw = new float[DrumNets.OUTPUTS];
        float[] struck = new float[DrumPattern.TAP_FEATURES];
        forEachStep(tap, tempo, code, (step, values) -> {
            tap.tapFeatures(step, struck, 0);
            if (struck[0] == 0) {
                return;
            }
            int likeliest = 0;
            boolean any = false;
            for (int d = 0; d < D; d++) {
                if (values[d] > values[likeliest]) {
                    likeliest = d;
                }
                if (values[d] > 0) {
                    out.strike(step, d, sigmoid(values[D + d]), (float) Math.tanh(values[2 * D + d]) * 0.5f);
                    any = true;
                }
            }
            if (!any) {
                out.strike(step, likeliest, sigmoid(values[D + likeliest]), (float) Math.tanh(values[2 * D + likeliest]) * 0.5f);
            }
        }, raw);
        return out;
    }

    private interface StepOutput {
        void accept(int step, float[] values);
    }

    /** Runs the decoder over every window of the pattern and hands each step's raw outputs on. */
    private void forEachStep(DrumPattern condition, double tempo, float[] code, StepOutput sink, float[] raw) {
        if (code.length != latent) {
            throw new IllegalArgumentException("a latent code of " + code.length + " values for a model of " + latent);
        }
        int c = task.conditionSize();
        for (int start = 0; start < condition.steps(); start += WINDOW_STEPS) {
            int n = Math.min(WINDOW_STEPS, condition.steps() - start);
            // a last, shorter window is padded with silence, as training pads the ends of pieces
            float[][] in = new float[WINDOW_STEPS][c + latent];
            for (int s = 0; s < WINDOW_STEPS; s++) {
                if (s < n) {
                    task.condition(condition, tempo, start + s, in[s], 0);
                } else {
                    in[s][c - 1] = DrumTask.tempoFeature(tempo);
                }
                System.arraycopy(code, 0, in[s], c, latent);
            }
            float[][] layer0 = bidirectional(forward0, backward0, in);
            float[][] layer1 = bidirectional(forward1, backward1, layer0);
            for (int s = 0; s < n; s++) {
                output.apply(layer1[s], raw);
                sink.accept(start + s, raw);
            }
        }
    }

    /** Each step's forward and backward hidden states side by side. */
    private float[][] bidirectional(LstmStack forward, LstmStack backward, float[][] in) {
        int n = in.length;
        float[][] out = new float[n][2 * hidden];
        LstmStack.State f = forward.newState();
        LstmStack.State b = backward.newState();
        for (int s = 0; s < n; s++) {
            forward.advance(f, in[s]);
            System.arraycopy(f.h()[0], 0, out[s], 0, hidden);
            backward.advance(b, in[n - 1 - s]);
            System.arraycopy(b.h()[0], 0, out[n - 1 - s], hidden, hidden);
        }
        return out;
    }

    private void requireTask(DrumTask wanted) {
        if (task != wanted) {
            throw new IllegalStateException("this is the " + task.resourceName() + " model, not the " + wanted.resourceName() + " model");
        }
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }
}
