package org.kantor.models.transcription;

import org.kantor.core.TimeSignature;

import java.util.List;

/**
 * Guesses the meter and where the bar lines fall from the tracked beats: a downbeat tends to bring
 * more and louder onsets, the lowest notes, and the notes that last longest. For 3 and 4 beats a bar
 * and every phase, the accent on would-be downbeats is compared with the accent elsewhere; a beat
 * that divides into three rather than two makes the meter compound (6/8, 9/8, 12/8).
 */
public final class MeterEstimator {

    /** The time signature and the index of the first beat that starts a bar. */
    public record Meter(TimeSignature time, int firstDownbeat) {
    }

    private MeterEstimator() {
    }

    public static Meter estimate(List<PerformedNote> notes, List<Double> beats, TimeSignature given) {
        double[] accent = accents(notes, beats);
        boolean compound = given != null ? given.isCompound() : dividesInThree(notes, beats);
        int[] candidates = given != null ? new int[] {beatsPerBar(given)} : new int[] {4, 3};
        double meanAccent = java.util.Arrays.stream(accent).average().orElse(0);
        double scale = meanAccent > 0 ? meanAccent : 1;
        int firstBeat = notes.isEmpty() || beats.isEmpty() ? 0
                : nearest(beats, notes.stream().mapToDouble(PerformedNote::start).min().orElse(0));
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestBeats = candidates[0];
        int bestPhase = 0;
        for (int perBar : candidates) {
            for (int phase = 0; phase < perBar; phase++) {
                double on = 0;
                double off = 0;
                int onCount = 0;
                int offCount = 0;
                for (int b = 0; b < accent.length; b++) {
                    if (Math.floorMod(b - phase, perBar) == 0) {
                        on += accent[b];
                        onCount++;
                    } else {
                        off += accent[b];
                        offCount++;
                    }
                }
                double score = ((onCount == 0 ? 0 : on / onCount) - (offCount == 0 ? 0 : off / offCount)) / scale;
                if (Math.floorMod(firstBeat - phase, perBar) == 0) {
                    score += 0.3; // most music starts on a downbeat: a pickup needs clear evidence
                }
                if (perBar == 4) {
                    score *= 1.1; // common time is the commoner answer when the evidence is even
                }
                if (score > bestScore + 1e-9) {
                    bestScore = score;
                    bestBeats = perBar;
                    bestPhase = phase;
                }
            }
        }
        TimeSignature time = given != null ? given
                : compound ? TimeSignature.of(bestBeats * 3, 8) : TimeSignature.of(bestBeats, 4);
        return new Meter(time, bestPhase);
    }

    static int beatsPerBar(TimeSignature time) {
        return time.isCompound() ? time.totalNumerator() / 3 : time.totalNumerator();
    }

    /** Accent per beat: onsets within a fifth of a beat, weighted by loudness, length and low pitch. */
    private static double[] accents(List<PerformedNote> notes, List<Double> beats) {
        double[] accent = new double[beats.size()];
        if (beats.size() < 2) {
            return accent;
        }
        int lowest = notes.stream().mapToInt(PerformedNote::midi).min().orElse(60);
        int highest = notes.stream().mapToInt(PerformedNote::midi).max().orElse(60);
        double period = (beats.get(beats.size() - 1) - beats.get(0)) / (beats.size() - 1);
        for (PerformedNote note : notes) {
            int b = nearest(beats, note.start());
            if (Math.abs(beats.get(b) - note.start()) > period / 5) {
                continue;
            }
            double low = highest == lowest ? 0 : (double) (highest - note.midi()) / (highest - lowest);
            accent[b] += note.velocity() / 127.0 * (1 + Math.min(2, note.length() / period) + low);
        }
        return accent;
    }

    /** True when onsets between beats sit nearer the thirds of the beat than its halves and quarters. */
    private static boolean dividesInThree(List<PerformedNote> notes, List<Double> beats) {
        double thirds = 0;
        double halves = 0;
        for (PerformedNote note : notes) {
            double position = position(beats, note.start());
            double fraction = position - Math.floor(position);
            if (fraction < 0.12 || fraction > 0.88) {
                continue; // on the beat: says nothing about the division
            }
            double toThird = Math.min(Math.abs(fraction - 1.0 / 3), Math.abs(fraction - 2.0 / 3));
            double toQuarter = Math.min(Math.abs(fraction - 0.5), Math.min(Math.abs(fraction - 0.25), Math.abs(fraction - 0.75)));
            if (toThird < 0.05 && toQuarter > 0.07) {
                thirds++;
            } else if (toQuarter < 0.05) {
                halves++;
            }
        }
        return thirds > 8 && thirds > 2 * halves;
    }

    static int nearest(List<Double> beats, double time) {
        int lo = 0;
        int hi = beats.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (beats.get(mid) < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && Math.abs(beats.get(lo - 1) - time) < Math.abs(beats.get(lo) - time)) {
            return lo - 1;
        }
        return lo;
    }

    /** Position in beats: the beat index plus the fraction of the way to the next beat; beyond the ends, the edge period continues. */
    static double position(List<Double> beats, double time) {
        int n = beats.size();
        if (n == 0) {
            return time * 2; // no beat at all: count at 120 beats per minute
        }
        if (n == 1) {
            return time - beats.get(0);
        }
        if (time <= beats.get(0)) {
            return (time - beats.get(0)) / (beats.get(1) - beats.get(0));
        }
        if (time >= beats.get(n - 1)) {
            return n - 1 + (time - beats.get(n - 1)) / (beats.get(n - 1) - beats.get(n - 2));
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (beats.get(mid) <= time) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo + (time - beats.get(lo)) / (beats.get(hi) - beats.get(lo));
    }
}
