package org.kantor.models.transcription;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the beat of a performance from its note onsets, after Ellis (2007, "Beat tracking by
 * dynamic programming"): an onset-strength envelope at 100 frames a second, the tempo from its
 * autocorrelation weighted towards moderate tempi, then the beat times that best balance landing
 * on strong onsets against keeping a steady period.
 */
public final class BeatTracker {

    /** The beat times in seconds and the tempo in beats per minute. */
    public record Beats(List<Double> times, double bpm) {
        public double period() {
            return 60.0 / bpm;
        }
    }

    static final double FRAME_RATE = 100;
    private static final double TIGHTNESS = 100;
    /**
     * The tempo prior: log-normal around 92 quarter notes a minute with a spread of half an octave,
     * the geometric mean and spread of the 1,187 metronome marks in the training split of the shared
     * scores (lieder, quartets, chorales; quartiles 72 and 116).
     */
    private static final double PRIOR_BPM = 92;
    private static final double PRIOR_OCTAVES = 0.5;
    private static final double MIN_BPM = 40;
    private static final double MAX_BPM = 220;

    private BeatTracker() {
    }

    /** Tracks the beat; {@code fixedBpm} (or null for automatic) fixes the tempo and leaves only the phase to find. */
    public static Beats track(List<PerformedNote> notes, Double fixedBpm) {
        double end = notes.stream().mapToDouble(PerformedNote::end).max().orElse(0);
        double[] envelope = envelope(notes, end);
        double bpm = fixedBpm != null ? fixedBpm : tempo(envelope);
        double period = FRAME_RATE * 60 / bpm;
        List<Double> times = beats(envelope, period);
        if (fixedBpm == null && times.size() > 2) {
            double[] gaps = new double[times.size() - 1];
            for (int i = 1; i < times.size(); i++) {
                gaps[i - 1] = times.get(i) - times.get(i - 1);
            }
            java.util.Arrays.sort(gaps);
            bpm = 60 / gaps[gaps.length / 2];
        }
        return new Beats(times, bpm);
    }

    /** Onset strength: each onset adds its velocity (and a little for its length), smeared over 20 ms. */
    static double[] envelope(List<PerformedNote> notes, double seconds) {
        int frames = (int) Math.ceil(seconds * FRAME_RATE) + 8;
        double[] envelope = new double[frames];
        for (PerformedNote note : notes) {
            double weight = note.velocity() / 127.0 * (1 + Math.min(1.0, note.length()));
            int center = (int) Math.round(note.start() * FRAME_RATE);
            for (int d = -2; d <= 2; d++) {
                int f = center + d;
                if (f >= 0 && f < frames) {
                    envelope[f] += weight * Math.exp(-0.5 * d * d);
                }
            }
        }
        return envelope;
    }

    /** The autocorrelation lag with the most weight under the tempo prior. */
    static double tempo(double[] envelope) {
        int minLag = (int) Math.floor(FRAME_RATE * 60 / MAX_BPM);
        int maxLag = Math.min(envelope.length - 1, (int) Math.ceil(FRAME_RATE * 60 / MIN_BPM));
        if (maxLag <= minLag) {
            return PRIOR_BPM;
        }
        double[] ac = new double[maxLag + 2];
        for (int lag = minLag - 1; lag <= maxLag + 1 && lag < envelope.length; lag++) {
            double sum = 0;
            for (int t = lag; t < envelope.length; t++) {
                sum += envelope[t] * envelope[t - lag];
            }
            ac[lag] = sum;
        }
        double best = -1;
        double bestLag = FRAME_RATE * 60 / PRIOR_BPM;
        for (int lag = minLag; lag <= maxLag; lag++) {
            double bpm = FRAME_RATE * 60 / lag;
            double octaves = Math.log(bpm / PRIOR_BPM) / Math.log(2);
            // a beat also shows at twice its lag: counting that favours the true beat over its subdivisions
            double support = ac[lag] + (2 * lag <= maxLag + 1 ? 0.5 * ac[Math.min(2 * lag, ac.length - 1)] : 0);
            double score = support * Math.exp(-0.5 * octaves * octaves / (PRIOR_OCTAVES * PRIOR_OCTAVES));
            if (score > best) {
                best = score;
                // refine between frames with a parabola through the neighbours
                double left = ac[lag - 1];
                double right = ac[Math.min(lag + 1, ac.length - 1)];
                double denominator = left - 2 * ac[lag] + right;
                double shift = denominator < 0 ? 0.5 * (left - right) / denominator : 0;
                bestLag = lag + Math.max(-0.5, Math.min(0.5, shift));
            }
        }
        return FRAME_RATE * 60 / bestLag;
    }

    /** Ellis's dynamic programme: each beat's score is its onset strength plus the best predecessor's score minus a penalty for an uneven gap. */
    static List<Double> beats(double[] envelope, double period) {
        int n = envelope.length;
        List<Double> times = new ArrayList<>();
        if (n == 0) {
            return times;
        }
        double std = 0;
        for (double v : envelope) {
            std += v * v;
        }
        std = Math.sqrt(std / n);
        double[] local = new double[n];
        for (int t = 0; t < n; t++) {
            local[t] = std > 0 ? envelope[t] / std : 0;
        }
        double[] score = new double[n];
        int[] previous = new int[n];
        for (int t = 0; t < n; t++) {
            int from = (int) Math.round(t - 2 * period);
            int to = (int) Math.round(t - period / 2);
            double best = Double.NEGATIVE_INFINITY;
            int bestPrev = -1;
            for (int p = Math.max(0, from); p <= to; p++) {
                double gap = Math.log((t - p) / period);
                double candidate = score[p] - TIGHTNESS * gap * gap;
                if (candidate > best) {
                    best = candidate;
                    bestPrev = p;
                }
            }
            score[t] = local[t] + (bestPrev >= 0 ? Math.max(0, best) : 0);
            previous[t] = bestPrev >= 0 && best > 0 ? bestPrev : -1;
        }
        // end on the best-scoring frame within the last period that still has real onsets near it
        int last = n - 1;
        double bestEnd = Double.NEGATIVE_INFINITY;
        for (int t = Math.max(0, (int) (n - period * 1.5)); t < n; t++) {
            if (score[t] > bestEnd) {
                bestEnd = score[t];
                last = t;
            }
        }
        List<Integer> frames = new ArrayList<>();
        for (int t = last; t >= 0; t = previous[t]) {
            frames.add(0, t);
            if (previous[t] < 0) {
                break;
            }
        }
        // continue the grid evenly before the first tracked beat, back to the start
        double first = frames.isEmpty() ? 0 : frames.get(0);
        List<Double> before = new ArrayList<>();
        for (double t = first - period; t > -period / 2; t -= period) {
            before.add(0, t);
        }
        for (double t : before) {
            times.add(Math.max(0, t) / FRAME_RATE);
        }
        for (int t : frames) {
            times.add(t / FRAME_RATE);
        }
        return times;
    }
}
