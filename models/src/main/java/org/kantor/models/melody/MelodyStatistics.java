package org.kantor.models.melody;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kantor.core.KeySignature;

/**
 * What a set of melodies is like, in numbers a musician would look at: which degrees of the key it
 * uses, which melodic intervals and note values, how many notes lie in the key, and how often a
 * four-note motif (its intervals and rhythm) comes back within the same melody.
 */
public record MelodyStatistics(double[] degrees, double[] intervals, double[] values, double inKey, double motifRepetition, int notes) {

    /** Note values in 16ths that get their own bin; everything else is "other". */
    static final int[] VALUES = {1, 2, 3, 4, 6, 8, 12, 16};
    static final int MAX_INTERVAL = 12;

    public static MelodyStatistics of(List<Melody> melodies) {
        double[] degrees = new double[12];
        double[] intervals = new double[2 * MAX_INTERVAL + 2];
        double[] values = new double[VALUES.length + 1];
        int inKey = 0;
        int notes = 0;
        int motifs = 0;
        int repeated = 0;
        for (Melody m : melodies) {
            int[][] n = notes(m);
            KeySignature key = m.key();
            int tonic = MelodyFeatures.majorTonic(key);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < n.length; i++) {
                int pitch = n[i][0];
                degrees[Math.floorMod(pitch - tonic, 12)]++;
                if (key.isDiatonic(pitch)) {
                    inKey++;
                }
                values[valueBin(n[i][1])]++;
                notes++;
                if (i > 0) {
                    int step = pitch - n[i - 1][0];
                    intervals[Math.abs(step) > MAX_INTERVAL ? intervals.length - 1 : step + MAX_INTERVAL]++;
                }
                if (i >= 3) {
                    String motif = (n[i - 2][0] - n[i - 3][0]) + "," + (n[i - 1][0] - n[i - 2][0]) + "," + (pitch - n[i - 1][0])
                            + "/" + n[i - 3][1] + "," + n[i - 2][1] + "," + n[i - 1][1];
                    motifs++;
                    if (!seen.add(motif)) {
                        repeated++;
                    }
                }
            }
        }
        return new MelodyStatistics(normalized(degrees), normalized(intervals), normalized(values),
                notes == 0 ? 0 : inKey / (double) notes, motifs == 0 ? 0 : repeated / (double) motifs, notes);
    }

    /** Each note's pitch and length in 16ths (up to the next event). */
    static int[][] notes(Melody m) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        int[] t = m.tokens();
        for (int s = 0; s < t.length; s++) {
            if (MelodyVocabulary.isNote(t[s])) {
                int end = s + 1;
                while (end < t.length && t[end] == MelodyVocabulary.HOLD) {
                    end++;
                }
                out.add(new int[] {MelodyVocabulary.pitch(t[s]), end - s});
            }
        }
        return out.toArray(new int[0][]);
    }

    private static int valueBin(int sixteenths) {
        for (int i = 0; i < VALUES.length; i++) {
            if (VALUES[i] == sixteenths) {
                return i;
            }
        }
        return VALUES.length;
    }

    private static double[] normalized(double[] h) {
        double sum = 0;
        for (double v : h) {
            sum += v;
        }
        double[] out = h.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = sum == 0 ? 0 : out[i] / sum;
        }
        return out;
    }

    /** Total variation distance between two histograms: half the summed absolute differences (0 same, 1 disjoint). */
    public static double distance(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Math.abs(a[i] - b[i]);
        }
        return d / 2;
    }
}
