package org.kantor.models.drums;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code kantor eval drums}: the drum models on the Groove MIDI Dataset's test split, beside baselines
 * measured in the same run. Test windows are two bars, one every two bars, so no hit counts twice.
 * Errors are in milliseconds at each piece's own tempo and in MIDI velocity units (0..127).
 */
public final class DrumEvaluation {

    private static final int D = DrumPattern.DRUMS;

    /** Mean absolute errors of a way of playing the test hits, and the spread of what it plays. */
    public record GrooveRow(String name, double timingErrorMs, double velocityError, double timingSpreadMs, double velocitySpread) {
    }

    /** Hit F1 of a way of writing drums for the test taps, overall and per drum. */
    public record DrumifyRow(String name, double precision, double recall, double f1, double[] f1PerDrum) {
    }

    public record Report(int testWindows, int testHits, double realTimingSpreadMs, double realVelocitySpread,
                         List<GrooveRow> groove, List<DrumifyRow> drumify) {
    }

    private final List<GrooveCorpus.Window> train;
    private final List<GrooveCorpus.Window> test;

    public DrumEvaluation(GrooveCorpus corpus) {
        train = GrooveCorpus.windows(corpus.pieces(GrooveCorpus.Split.TRAIN), 2);
        List<GrooveCorpus.Window> all = GrooveCorpus.windows(corpus.pieces(GrooveCorpus.Split.TEST), 2);
        test = new ArrayList<>();
        for (GrooveCorpus.Window w : all) {
            if (w.start() % DrumModel.WINDOW_STEPS == 0) {
                test.add(w);
            }
        }
    }

    public int testWindows() {
        return test.size();
    }

    public Report run(DrumModel groove, DrumModel drumify, double temperature, long seed) {
        Stats stats = new Stats(train);
        List<GrooveRow> grooveRows = new ArrayList<>();
        Random random = new Random(seed);
        float meanVelocity = (float) stats.meanVelocity;
        grooveRows.add(score("quantized, mean velocity", w -> w.pattern().quantized(meanVelocity)));
        grooveRows.add(score("mean offset and velocity of each drum at each 16th (train)", stats::positionMeans));
        // how much a user's choice of style, or knowing the drummer (which no user can), would add to (b)
        Map<String, Stats> byStyle = statsBy(w -> w.piece().style());
        grooveRows.add(score("(b) for the piece's style", w -> byStyle.getOrDefault(w.piece().style(), stats).positionMeans(w)));
        Map<String, Stats> byDrummer = statsBy(DrumEvaluation::drummer);
        grooveRows.add(score("(b) for the drummer who played it", w -> byDrummer.getOrDefault(drummer(w), stats).positionMeans(w)));
        grooveRows.add(score("random jitter with the train spread", w -> stats.jitter(w.pattern(), random)));
        if (groove != null) {
            float[] typical = groove.sampleCode(0, random);
            grooveRows.add(score("Kantor Groove, temperature 0", w -> groove.groove(w.pattern().quantized(meanVelocity), tempo(w), typical, 1)));
            if (temperature > 0) {
                grooveRows.add(score(String.format("Kantor Groove, temperature %.2g", temperature),
                        w -> groove.groove(w.pattern().quantized(meanVelocity), tempo(w), groove.sampleCode(temperature, random), 1)));
            }
        }
        List<DrumifyRow> drumifyRows = new ArrayList<>();
        drumifyRows.add(f1("nearest train window by tap", stats::nearestByTap));
        DrumPattern common = stats.mostCommonPattern();
        drumifyRows.add(f1("most common train pattern", w -> common));
        if (drumify != null) {
            float[] typical = drumify.sampleCode(0, random);
            drumifyRows.add(f1("Kantor Drumify, temperature 0", w -> drumify.drumify(w.pattern().tap(), tempo(w), typical)));
            if (temperature > 0) {
                drumifyRows.add(f1(String.format("Kantor Drumify, temperature %.2g", temperature),
                        w -> drumify.drumify(w.pattern().tap(), tempo(w), drumify.sampleCode(temperature, random))));
            }
        }
        Spread real = new Spread();
        int hits = 0;
        for (GrooveCorpus.Window w : test) {
            double ms = w.piece().performance().millisecondsPerStep();
            DrumPattern p = w.pattern();
            for (int s = 0; s < p.steps(); s++) {
                for (int d = 0; d < D; d++) {
                    if (p.hit(s, d)) {
                        real.add(d, p.offset(s, d) * ms, p.velocity(s, d) * 127);
                        hits++;
                    }
                }
            }
        }
        return new Report(test.size(), hits, real.timing(), real.velocity(), grooveRows, drumifyRows);
    }

    private Map<String, Stats> statsBy(java.util.function.Function<GrooveCorpus.Window, String> key) {
        Map<String, List<GrooveCorpus.Window>> groups = new HashMap<>();
        for (GrooveCorpus.Window w : train) {
            groups.computeIfAbsent(key.apply(w), k -> new ArrayList<>()).add(w);
        }
        Map<String, Stats> result = new HashMap<>();
        groups.forEach((k, v) -> result.put(k, new Stats(v)));
        return result;
    }

    /** The drummer, from the piece's id ({@code drummer1/session1/3}). */
    private static String drummer(GrooveCorpus.Window w) {
        String id = w.piece().id();
        return id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
    }

    private static double tempo(GrooveCorpus.Window w) {
        return w.piece().performance().tempo();
    }

    private interface Player {
        DrumPattern play(GrooveCorpus.Window window);
    }

    private GrooveRow score(String name, Player player) {
        double timing = 0;
        double velocity = 0;
        long n = 0;
        Spread spread = new Spread();
        for (GrooveCorpus.Window w : test) {
            DrumPattern real = w.pattern();
            DrumPattern played = player.play(w);
            double ms = w.piece().performance().millisecondsPerStep();
            for (int s = 0; s < real.steps(); s++) {
                for (int d = 0; d < D; d++) {
                    if (real.hit(s, d)) {
                        timing += Math.abs(played.offset(s, d) - real.offset(s, d)) * ms;
                        velocity += Math.abs(played.velocity(s, d) - real.velocity(s, d)) * 127;
                        spread.add(d, played.offset(s, d) * ms, played.velocity(s, d) * 127);
                        n++;
                    }
                }
            }
        }
        return new GrooveRow(name, timing / n, velocity / n, spread.timing(), spread.velocity());
    }

    private DrumifyRow f1(String name, Player writer) {
        long[] truePositive = new long[D];
        long[] predicted = new long[D];
        long[] actual = new long[D];
        for (GrooveCorpus.Window w : test) {
            DrumPattern real = w.pattern();
            DrumPattern written = writer.play(w);
            for (int s = 0; s < real.steps(); s++) {
                for (int d = 0; d < D; d++) {
                    boolean r = real.hit(s, d);
                    boolean p = s < written.steps() && written.hit(s, d);
                    if (r) {
                        actual[d]++;
                    }
                    if (p) {
                        predicted[d]++;
                    }
                    if (r && p) {
                        truePositive[d]++;
                    }
                }
            }
        }
        double[] perDrum = new double[D];
        long tp = 0;
        long pr = 0;
        long ac = 0;
        for (int d = 0; d < D; d++) {
            perDrum[d] = f1(truePositive[d], predicted[d], actual[d]);
            tp += truePositive[d];
            pr += predicted[d];
            ac += actual[d];
        }
        return new DrumifyRow(name, pr == 0 ? 0 : tp / (double) pr, ac == 0 ? 0 : tp / (double) ac, f1(tp, pr, ac), perDrum);
    }

    private static double f1(long truePositive, long predicted, long actual) {
        return predicted + actual == 0 ? 1 : 2.0 * truePositive / (predicted + actual);
    }

    /**
     * The spread of what is played: the standard deviation of offsets (ms) and velocities around each
     * drum's own mean, pooled over the drums. A player that only gives averages has little of it.
     */
    static final class Spread {
        private final double[] n = new double[D];
        private final double[] t = new double[D];
        private final double[] tt = new double[D];
        private final double[] v = new double[D];
        private final double[] vv = new double[D];

        void add(int drum, double timingMs, double velocity) {
            n[drum]++;
            t[drum] += timingMs;
            tt[drum] += timingMs * timingMs;
            v[drum] += velocity;
            vv[drum] += velocity * velocity;
        }

        double timing() {
            return pooled(t, tt);
        }

        double velocity() {
            return pooled(v, vv);
        }

        private double pooled(double[] sum, double[] squares) {
            double within = 0;
            double count = 0;
            for (int d = 0; d < D; d++) {
                if (n[d] > 0) {
                    within += squares[d] - sum[d] * sum[d] / n[d];
                    count += n[d];
                }
            }
            return count == 0 ? 0 : Math.sqrt(within / count);
        }
    }

    /** What the training windows say: per-position means, per-drum spreads, taps for the nearest neighbour. */
    static final class Stats {
        final double meanVelocity;
        private final double[] offsetMean = new double[DrumPattern.STEPS_PER_BAR * D];
        private final double[] velocityMean = new double[DrumPattern.STEPS_PER_BAR * D];
        private final double[] drumOffsetMean = new double[D];
        private final double[] drumOffsetSd = new double[D];
        private final double[] drumVelocityMean = new double[D];
        private final double[] drumVelocitySd = new double[D];
        private final List<GrooveCorpus.Window> windows;
        private final long[] taps;

        Stats(List<GrooveCorpus.Window> windows) {
            this.windows = windows;
            double[] count = new double[offsetMean.length];
            double[] drumCount = new double[D];
            double[] oo = new double[D];
            double[] vv = new double[D];
            double velocitySum = 0;
            taps = new long[windows.size()];
            for (int i = 0; i < windows.size(); i++) {
                DrumPattern p = windows.get(i).pattern();
                taps[i] = tapBits(p);
                for (int s = 0; s < p.steps(); s++) {
                    for (int d = 0; d < D; d++) {
                        if (p.hit(s, d)) {
                            int k = (s % DrumPattern.STEPS_PER_BAR) * D + d;
                            count[k]++;
                            offsetMean[k] += p.offset(s, d);
                            velocityMean[k] += p.velocity(s, d);
                            drumCount[d]++;
                            drumOffsetMean[d] += p.offset(s, d);
                            drumVelocityMean[d] += p.velocity(s, d);
                            oo[d] += p.offset(s, d) * p.offset(s, d);
                            vv[d] += p.velocity(s, d) * p.velocity(s, d);
                            velocitySum += p.velocity(s, d);
                        }
                    }
                }
            }
            double total = 0;
            for (int d = 0; d < D; d++) {
                total += drumCount[d];
                double c = Math.max(drumCount[d], 1);
                drumOffsetMean[d] /= c;
                drumVelocityMean[d] /= c;
                drumOffsetSd[d] = Math.sqrt(Math.max(0, oo[d] / c - drumOffsetMean[d] * drumOffsetMean[d]));
                drumVelocitySd[d] = Math.sqrt(Math.max(0, vv[d] / c - drumVelocityMean[d] * drumVelocityMean[d]));
            }
            meanVelocity = velocitySum / Math.max(total, 1);
            for (int k = 0; k < count.length; k++) {
                int d = k % D;
                offsetMean[k] = count[k] > 0 ? offsetMean[k] / count[k] : drumOffsetMean[d];
                velocityMean[k] = count[k] > 0 ? velocityMean[k] / count[k] : drumVelocityMean[d];
            }
        }

        DrumPattern positionMeans(GrooveCorpus.Window w) {
            DrumPattern p = w.pattern();
            DrumPattern out = p.quantized(0);
            for (int s = 0; s < p.steps(); s++) {
                for (int d = 0; d < D; d++) {
                    if (p.hit(s, d)) {
                        int k = (s % DrumPattern.STEPS_PER_BAR) * D + d;
                        out.perform(s, d, (float) velocityMean[k], (float) offsetMean[k]);
                    }
                }
            }
            return out;
        }

        DrumPattern jitter(DrumPattern p, Random random) {
            DrumPattern out = p.quantized(0);
            for (int s = 0; s < p.steps(); s++) {
                for (int d = 0; d < D; d++) {
                    if (p.hit(s, d)) {
                        out.perform(s, d, (float) (drumVelocityMean[d] + drumVelocitySd[d] * random.nextGaussian()),
                                (float) (drumOffsetMean[d] + drumOffsetSd[d] * random.nextGaussian()));
                    }
                }
            }
            return out;
        }

        DrumPattern nearestByTap(GrooveCorpus.Window w) {
            long tap = tapBits(w.pattern());
            int best = 0;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < taps.length; i++) {
                int distance = Long.bitCount(taps[i] ^ tap);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            return windows.get(best).pattern();
        }

        DrumPattern mostCommonPattern() {
            Map<String, Integer> counts = new HashMap<>();
            String best = null;
            int bestCount = 0;
            DrumPattern bestPattern = null;
            for (GrooveCorpus.Window w : windows) {
                String key = hitKey(w.pattern());
                int c = counts.merge(key, 1, Integer::sum);
                if (c > bestCount) {
                    bestCount = c;
                    best = key;
                    bestPattern = w.pattern();
                }
            }
            return best == null ? new DrumPattern(DrumModel.WINDOW_STEPS) : bestPattern;
        }

        private static String hitKey(DrumPattern p) {
            StringBuilder b = new StringBuilder();
            for (int s = 0; s < p.steps(); s++) {
                for (int d = 0; d < D; d++) {
                    b.append(p.hit(s, d) ? '1' : '0');
                }
            }
            return b.toString();
        }

        /** The steps on which anything is struck, as bits (windows are at most 64 steps). */
        static long tapBits(DrumPattern p) {
            long bits = 0;
            for (int s = 0; s < Math.min(64, p.steps()); s++) {
                for (int d = 0; d < D; d++) {
                    if (p.hit(s, d)) {
                        bits |= 1L << s;
                        break;
                    }
                }
            }
            return bits;
        }
    }
}
