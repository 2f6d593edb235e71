package org.kantor.models.transcription;

import org.kantor.core.TimeSignature;

import java.util.List;

/**
 * Guesses the meter and where the bar lines fall from the tracked beats. Each choice of 3 or 4
 * beats a bar and of the downbeat is scored by how likely the evidence at every beat is under
 * {@link MeterTemplates} learned from scores: downbeats bring long notes, low notes and changes of
 * bass and harmony; music mostly starts on a downbeat or one beat before it. Two beats a bar are
 * written as four (2/4 and 4/4 sound alike without the words and phrasing). A beat that divides
 * into three rather than two makes the meter compound (9/8, 12/8).
 */
public final class MeterEstimator {

    /** The time signature and the index of the first beat that starts a bar. */
    public record Meter(TimeSignature time, int firstDownbeat) {
    }

    private MeterEstimator() {
    }

    public static Meter estimate(List<PerformedNote> notes, List<Double> beats, TimeSignature given) {
        return estimate(notes, beats, given, MeterTemplates.shipped());
    }

    static Meter estimate(List<PerformedNote> notes, List<Double> beats, TimeSignature given, MeterTemplates templates) {
        boolean compound = given != null ? given.isCompound() : dividesInThree(notes, beats);
        int[] candidates = given != null ? new int[] {beatsPerBar(given)} : MeterTemplates.BEATS_PER_BAR;
        if (notes.isEmpty() || beats.isEmpty()) {
            return new Meter(given != null ? given : TimeSignature.COMMON, 0);
        }
        int firstBeat = nearest(beats, notes.stream().mapToDouble(PerformedNote::start).min().orElse(0));
        int lastBeat = Math.max(firstBeat, nearest(beats, notes.stream().mapToDouble(PerformedNote::start).max().orElse(0)));
        int[][] evidence = BeatEvidence.of(notes, beats, firstBeat, lastBeat);
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestBeats = candidates[0];
        int bestPhase = firstBeat % candidates[0]; // a meter without a template: the music starts on a downbeat
        for (int perBar : candidates) {
            if (!MeterTemplates.supports(perBar)) {
                continue;
            }
            for (int phase = 0; phase < perBar; phase++) {
                double score = templates.logLikelihood(evidence, perBar, Math.floorMod(firstBeat - phase, perBar));
                if (score > bestScore) {
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
