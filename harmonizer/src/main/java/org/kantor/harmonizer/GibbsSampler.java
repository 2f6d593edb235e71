package org.kantor.harmonizer;

import java.util.Random;
import org.kantor.checker.VoiceRange;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.models.harmony.RollBatch;

/**
 * Annealed blocked Gibbs sampling (Yao et al. 2014, as Coconet uses it): start from independent
 * guesses for every unknown cell, then repeatedly hide a random block of the unknown cells and
 * resample it given everything else, the block shrinking from all of them to a few percent. Known
 * cells never change. Several variations are sampled at once as one batch.
 */
public final class GibbsSampler {

    /**
     * Sampling settings; {@code steps} resampling rounds, block share annealed from pMax to pMin over eta of the rounds;
     * {@code repairPasses}: how often the notes the checker flags in a result are resampled afterwards (0: never).
     */
    public record Settings(int steps, double temperature, double pMax, double pMin, double eta, boolean keepInRange,
                           boolean avoidParallels, int repairPasses) {
        /** Repair passes unless asked otherwise: enough to take out most flagged notes, a second or so on a chorale. */
        public static final int REPAIR_PASSES = 8;

        public Settings(int steps, double temperature, double pMax, double pMin, double eta, boolean keepInRange) {
            this(steps, temperature, pMax, pMin, eta, keepInRange, true, REPAIR_PASSES);
        }

        public static Settings defaults() {
            return new Settings(48, 0.9, 0.9, 0.05, 0.75, true, true, REPAIR_PASSES);
        }

        public Settings withRepairPasses(int passes) {
            return new Settings(steps, temperature, pMax, pMin, eta, keepInRange, avoidParallels, passes);
        }
    }

    private final HarmonyModel model;
    private final Settings settings;
    private java.util.function.DoubleConsumer progress = fraction -> { };
    private ChromaticClashes clashes;
    /** Each: voice, first step, end step, pitch class. */
    private final java.util.List<int[]> required = new java.util.ArrayList<>();

    public GibbsSampler(HarmonyModel model, Settings settings) {
        this.model = model;
        this.settings = settings;
    }

    /** Asks {@code voice} for pitch class {@code pitchClass} at steps {@code from} (inclusive) to {@code to}: a bass on the final tonic. */
    GibbsSampler requiring(int voice, int from, int to, int pitchClass) {
        this.required.add(new int[] {voice, from, to, pitchClass});
        return this;
    }

    private boolean meetsRequirements(int voice, int step, int midi) {
        for (int[] r : required) {
            if (voice == r[0] && step >= r[1] && step < r[2] && Math.floorMod(midi, 12) != r[3]) {
                return false;
            }
        }
        return true;
    }

    /** Leaves out pitches that would clash chromatically with another voice (null: allow them). */
    GibbsSampler avoiding(ChromaticClashes clashes) {
        this.clashes = clashes;
        return this;
    }

    /** Tells {@code progress} the share of resampling rounds done (0..1) after every round; returns this sampler. */
    public GibbsSampler onProgress(java.util.function.DoubleConsumer progress) {
        this.progress = progress;
        return this;
    }

    /**
     * Fills the unknown cells of {@code variations} copies of a roll.
     * @param pitches {@code [step][voice]}: known pitches (unknown cells are ignored)
     * @param unknown {@code [voice][step]}: true where the sampler decides
     * @return {@code [variation][step][voice]}
     */
    public int[][][] sample(int[][] pitches, boolean[][] unknown, int variations, Random random) {
        return sample(pitches, unknown, variations, random, null, null);
    }

    /**
     * Like {@link #sample(int[][], boolean[][], int, Random)}, with the steps where an unknown voice may move to a new
     * pitch: elsewhere it holds its note. Chorale voices move on eighths and with the melody, not on every 16th.
     * @param mayMove per step; null: anywhere
     * @param beatPhases each step's position within its beat (see {@link RollBatch#beatPhases}); null: step 0 is on a beat
     */
    public int[][][] sample(int[][] pitches, boolean[][] unknown, int variations, Random random, boolean[] mayMove, int[] beatPhases) {
        int steps = pitches.length;
        int[][][] state = new int[variations][steps][PianoRoll.VOICES];
        for (int v = 0; v < variations; v++) {
            for (int t = 0; t < steps; t++) {
                state[v][t] = pitches[t].clone();
            }
        }
        boolean[][][] resample = new boolean[variations][][];
        // first: every unknown cell at once, sampled independently
        for (int v = 0; v < variations; v++) {
            resample[v] = unknown;
        }
        resampleBlock(state, unknown, resample, mayMove, beatPhases, random);
        for (int round = 0; round < settings.steps(); round++) {
            if (Thread.currentThread().isInterrupted()) {
                // a server request over its time limit: stop at the round boundary
                throw new java.util.concurrent.CancellationException("sampling stopped");
            }
            double p = Math.max(settings.pMin(), settings.pMax() - (settings.pMax() - settings.pMin()) * round / (settings.eta() * settings.steps()));
            for (int v = 0; v < variations; v++) {
                resample[v] = block(unknown, p, random);
            }
            resampleBlock(state, unknown, resample, mayMove, beatPhases, random);
            progress.accept((round + 1.0) / settings.steps());
        }
        if (mayMove != null) {
            holdWhereNoMoveIsAllowed(state, unknown, mayMove);
        }
        return state;
    }

    /**
     * Resamples chosen cells of rolls sampled before, starting from them as they are: every chosen cell
     * at once, then random halves of them, {@code rounds} times in all. Cells not chosen stay as they are.
     * @param rolls {@code [variation][step][voice]}, not changed
     * @param cells {@code [variation][voice][step]}: the cells to resample (null for a variation: none)
     * @param unknown {@code [voice][step]}: the cells the sampler may ever change
     */
    int[][][] resample(int[][][] rolls, boolean[][][] cells, boolean[][] unknown, int rounds, Random random, boolean[] mayMove,
                       int[] beatPhases) {
        int[][][] state = new int[rolls.length][][];
        boolean[][][] chosen = new boolean[rolls.length][][];
        for (int v = 0; v < rolls.length; v++) {
            state[v] = new int[rolls[v].length][];
            for (int t = 0; t < rolls[v].length; t++) {
                state[v][t] = rolls[v][t].clone();
            }
            chosen[v] = cells[v] != null ? cells[v] : new boolean[PianoRoll.VOICES][rolls[v].length];
        }
        resampleBlock(state, unknown, chosen, mayMove, beatPhases, random);
        for (int round = 1; round < rounds; round++) {
            boolean[][][] half = new boolean[rolls.length][][];
            for (int v = 0; v < rolls.length; v++) {
                half[v] = block(chosen[v], 0.5, random);
            }
            resampleBlock(state, unknown, half, mayMove, beatPhases, random);
        }
        if (mayMove != null) {
            holdWhereNoMoveIsAllowed(state, unknown, mayMove);
        }
        return state;
    }

    private static void holdWhereNoMoveIsAllowed(int[][][] state, boolean[][] unknown, boolean[] mayMove) {
        for (int[][] roll : state) {
            for (int t = 1; t < roll.length; t++) {
                for (int voice = 0; voice < PianoRoll.VOICES; voice++) {
                    if (unknown[voice][t] && !mayMove[t] && roll[t - 1][voice] != PianoRoll.SILENT) {
                        roll[t][voice] = roll[t - 1][voice];
                    }
                }
            }
        }
    }

    /** The next step at which the texture can change: the next 16th, or the next step where voices may move. */
    private static int nextChange(int step, int steps, boolean[] mayMove) {
        int next = step + 1;
        while (mayMove != null && next < steps && !mayMove[next]) {
            next++;
        }
        return next;
    }

    private static boolean[][] block(boolean[][] unknown, double p, Random random) {
        boolean[][] b = new boolean[unknown.length][unknown[0].length];
        boolean any = false;
        int count = 0;
        for (int voice = 0; voice < unknown.length; voice++) {
            for (int t = 0; t < unknown[0].length; t++) {
                if (unknown[voice][t]) {
                    count++;
                    if (random.nextDouble() < p) {
                        b[voice][t] = true;
                        any = true;
                    }
                }
            }
        }
        if (!any && count > 0) {
            // always resample at least one cell
            int pick = random.nextInt(count);
            for (int voice = 0; voice < unknown.length; voice++) {
                for (int t = 0; t < unknown[0].length; t++) {
                    if (unknown[voice][t] && pick-- == 0) {
                        b[voice][t] = true;
                    }
                }
            }
        }
        return b;
    }

    private void resampleBlock(int[][][] state, boolean[][] unknown, boolean[][][] block, boolean[] mayMove, int[] beatPhases, Random random) {
        int variations = state.length;
        int steps = state[0].length;
        RollBatch batch = RollBatch.allocate(variations, steps);
        float[][] mask = new float[PianoRoll.VOICES][steps];
        for (int v = 0; v < variations; v++) {
            for (int voice = 0; voice < PianoRoll.VOICES; voice++) {
                for (int t = 0; t < steps; t++) {
                    mask[voice][t] = block[v][voice][t] ? 1f : 0f;
                }
            }
            batch.put(v, state[v], mask);
            if (beatPhases != null) {
                batch.putBeatPhases(v, beatPhases);
            }
        }
        float[] logp = model.logProbabilities(batch, settings.temperature());
        for (int v = 0; v < variations; v++) {
            for (int voice = 0; voice < PianoRoll.VOICES; voice++) {
                for (int t = 0; t < steps; t++) {
                    if (block[v][voice][t] && unknown[voice][t]) {
                        int offset = (((v * PianoRoll.VOICES) + voice) * steps + t) * PianoRoll.PITCHES;
                        state[v][t][voice] = draw(logp, offset, voice, state[v], t, mayMove, random);
                    }
                }
            }
        }
    }

    private int draw(float[] logp, int offset, int voice, int[][] roll, int step, boolean[] mayMove, Random random) {
        VoiceRange range = VoiceRange.TEXTBOOK[voice];
        double total = 0;
        double[] weights = new double[PianoRoll.PITCHES];
        for (int i = 0; i < PianoRoll.PITCHES; i++) {
            int midi = PianoRoll.LOWEST + i;
            boolean held = mayMove != null && step > 0 && !mayMove[step] && roll[step - 1][voice] != PianoRoll.SILENT;
            boolean allowed = (!held || midi == roll[step - 1][voice])
                    && (!settings.keepInRange() || range.contains(midi))
                    && (held || !settings.avoidParallels() || !makesParallels(roll, step, nextChange(step, roll.length, mayMove), voice, midi))
                    && (held || clashes == null || !clashes.clashes(roll, step, voice, midi))
                    && meetsRequirements(voice, step, midi);
            weights[i] = allowed ? Math.exp(logp[offset + i]) : 0;
            total += weights[i];
        }
        if (total <= 0) {
            // nothing allowed had any weight: fall back to the model alone
            for (int i = 0; i < PianoRoll.PITCHES; i++) {
                weights[i] = Math.exp(logp[offset + i]);
                total += weights[i];
            }
        }
        if (total <= 0 && settings.avoidParallels()) {
            // every candidate in range makes parallels with the current neighbours: allow them rather than leave the range
            for (int i = 0; i < PianoRoll.PITCHES; i++) {
                weights[i] = !settings.keepInRange() || range.contains(PianoRoll.LOWEST + i) ? Math.exp(logp[offset + i]) : 0;
                total += weights[i];
            }
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < PianoRoll.PITCHES; i++) {
            r -= weights[i];
            if (r <= 0) {
                return PianoRoll.LOWEST + i;
            }
        }
        return PianoRoll.LOWEST + PianoRoll.PITCHES - 1;
    }

    /** True when {@code pitch} in {@code voice} at {@code step} would move in parallel fifths or octaves with another voice. */
    static boolean makesParallels(int[][] roll, int step, int voice, int pitch) {
        return makesParallels(roll, step, step + 1, voice, pitch);
    }

    /** As {@link #makesParallels(int[][], int, int, int)}, comparing with the sonority at step {@code next}. */
    static boolean makesParallels(int[][] roll, int step, int next, int voice, int pitch) {
        for (int other = 0; other < PianoRoll.VOICES; other++) {
            if (other == voice) {
                continue;
            }
            if (step > 0 && RollRules.parallel(roll[step - 1][voice], roll[step - 1][other], pitch, roll[step][other]) >= 0) {
                return true;
            }
            if (next < roll.length && RollRules.parallel(pitch, roll[step][other], roll[next][voice], roll[next][other]) >= 0) {
                return true;
            }
        }
        return false;
    }
}
