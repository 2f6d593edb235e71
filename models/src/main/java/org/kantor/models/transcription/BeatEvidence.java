package org.kantor.models.transcription;

import java.util.Arrays;
import java.util.List;

/**
 * What a listener hears at each beat that tells a bar's first beat from the others, as small
 * categories: how many notes start there (against the piece's average), how long the longest of
 * them lasts, whether one of them is a low note, how busy the beat is inside, whether the bass
 * changes, and how much the sounding pitch classes change (harmony changes on strong beats). Loudness is left out on purpose: it differs between a rendered score and a recording.
 */
final class BeatEvidence {

    /** Number of categories of each feature, in the order {@link #of} writes them. */
    static final int[] CATEGORIES = {4, 5, 3, 3, 3, 4};

    private BeatEvidence() {
    }

    /**
     * The features of beats {@code first} to {@code last} (inclusive), which should span the music:
     * {@code [beat - first][feature]} category indexes.
     */
    static int[][] of(List<PerformedNote> notes, List<Double> beats, int first, int last) {
        int n = beats.size();
        int[] onsets = new int[n];
        int[] inside = new int[n];
        double[] longest = new double[n];
        int[] lowestOnset = new int[n];
        Arrays.fill(lowestOnset, Integer.MAX_VALUE);
        int[] pitches = notes.stream().mapToInt(PerformedNote::midi).sorted().toArray();
        int lowPitch = pitches.length == 0 ? 0 : pitches[pitches.length / 5];
        for (PerformedNote note : notes) {
            int b = MeterEstimator.nearest(beats, note.start());
            if (Math.abs(beats.get(b) - note.start()) <= tolerance(beats, b)) {
                onsets[b]++;
                double length = MeterEstimator.position(beats, note.end()) - MeterEstimator.position(beats, note.start());
                longest[b] = Math.max(longest[b], length);
                lowestOnset[b] = Math.min(lowestOnset[b], note.midi());
            } else {
                int within = (int) Math.floor(MeterEstimator.position(beats, note.start()));
                if (within >= 0 && within < n) {
                    inside[within]++;
                }
            }
        }
        double meanOnsets = mean(onsets, first, last);
        double meanInside = mean(inside, first, last);
        int[][] features = new int[last - first + 1][];
        int previousBass = Integer.MIN_VALUE;
        int previousChroma = 0;
        for (int b = first; b <= last; b++) {
            double at = beats.get(b) + tolerance(beats, b);
            int bass = Integer.MAX_VALUE;
            int chroma = 0; // the pitch classes sounding, as twelve bits
            for (PerformedNote note : notes) {
                if (note.start() <= at && note.end() > at) {
                    bass = Math.min(bass, note.midi());
                    chroma |= 1 << Math.floorMod(note.midi(), 12);
                }
            }
            features[b - first] = new int[] {
                relative(onsets[b], meanOnsets, 0.75, 1.25),
                onsets[b] == 0 ? 0 : longest[b] < 0.75 ? 1 : longest[b] < 1.25 ? 2 : longest[b] < 2.5 ? 3 : 4,
                onsets[b] == 0 ? 0 : lowestOnset[b] <= lowPitch ? 1 : 2,
                inside[b] == 0 ? 0 : inside[b] < meanInside ? 1 : 2,
                bass == Integer.MAX_VALUE ? 0 : bass == previousBass ? 1 : 2,
                harmonyChange(previousChroma, chroma),
            };
            previousBass = bass;
            previousChroma = chroma;
        }
        return features;
    }

    /** 0 for none, then below, near and above the piece's mean. */
    private static int relative(int count, double mean, double below, double above) {
        if (count == 0) {
            return 0;
        }
        double ratio = mean > 0 ? count / mean : 1;
        return ratio < below ? 1 : ratio < above ? 2 : 3;
    }

    private static double mean(int[] values, int first, int last) {
        double sum = 0;
        for (int b = first; b <= last; b++) {
            sum += values[b];
        }
        return last >= first ? sum / (last - first + 1) : 0;
    }

    /** A fifth of the beat around it (the local beat length). */
    private static double tolerance(List<Double> beats, int b) {
        if (beats.size() < 2) {
            return 0.1;
        }
        int next = Math.min(b + 1, beats.size() - 1);
        int previous = next - 1;
        return (beats.get(next) - beats.get(previous)) / 5;
    }

    /** 0 silence, 1 the same pitch classes, 2 some new, 3 mostly new. */
    private static int harmonyChange(int before, int now) {
        if (now == 0) {
            return 0;
        }
        int added = Integer.bitCount(now & ~before);
        if (added == 0) {
            return 1;
        }
        return added * 2 <= Integer.bitCount(now) ? 2 : 3;
    }
}
