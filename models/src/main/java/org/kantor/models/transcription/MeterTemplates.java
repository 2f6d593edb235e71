package org.kantor.models.transcription;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often each kind of {@link BeatEvidence} falls on each beat of a bar of 3 and 4 beats, and
 * on which beat music starts, counted on the training split of the shared scores
 * ({@code kantor train meter}). A meter and downbeat are then scored by the log-likelihood of a
 * performance's beats under the template (naive Bayes with add-one smoothing).
 */
public final class MeterTemplates {

    static final int[] BEATS_PER_BAR = {3, 4};
    /**
     * How much more the bar position of the music's first beat (most pieces start on a downbeat or one beat before it)
     * weighs than one beat's evidence in a naive Bayes sum where the beats are far from independent: without it, a
     * chorale's beat 3 was often taken for beat 1. Chosen on the validation split's 30 rendered pieces
     * ({@code kantor eval transcription --split valid}: meter and bar lines right 11, 10, 12, 12, 10 of 30 at 1, 2, 4,
     * 6, 10; bar lines shifted 10, 9, 7, 6, 7).
     */
    static final double FIRST_POSITION_WEIGHT = 6;
    private static final String RESOURCE = "/org/kantor/models/transcription/meter-templates.json";
    private static volatile MeterTemplates shipped;

    /** The counts, as stored in the JSON resource. */
    public static final class Counts {
        /** What they were counted on, for the record. */
        public Map<String, String> trainedOn = new LinkedHashMap<>();
        /** Pieces per beats-per-bar. */
        public long[] pieces = new long[BEATS_PER_BAR.length];
        /** {@code [meter][bar position of the first note's beat]}. */
        public long[][] first = new long[BEATS_PER_BAR.length][];
        /** {@code [meter][bar position][feature][category]}. */
        public long[][][][] evidence = new long[BEATS_PER_BAR.length][][][];

        public Counts() {
            for (int m = 0; m < BEATS_PER_BAR.length; m++) {
                int perBar = BEATS_PER_BAR[m];
                first[m] = new long[perBar];
                evidence[m] = new long[perBar][BeatEvidence.CATEGORIES.length][];
                for (int p = 0; p < perBar; p++) {
                    for (int f = 0; f < BeatEvidence.CATEGORIES.length; f++) {
                        evidence[m][p][f] = new long[BeatEvidence.CATEGORIES[f]];
                    }
                }
            }
        }

        /** Adds one piece whose first evidence row is at bar position {@code firstPosition}. */
        void add(int perBar, int[][] features, int firstPosition) {
            int m = index(perBar);
            pieces[m]++;
            first[m][firstPosition]++;
            for (int b = 0; b < features.length; b++) {
                int position = (firstPosition + b) % perBar;
                for (int f = 0; f < features[b].length; f++) {
                    evidence[m][position][f][features[b][f]]++;
                }
            }
        }

        public String toJson() {
            return new GsonBuilder().create().toJson(this);
        }
    }

    private final double[] logPrior;
    private final double[][] logFirst;
    private final double[][][][] logEvidence;

    MeterTemplates(Counts counts) {
        int meters = BEATS_PER_BAR.length;
        logPrior = new double[meters];
        logFirst = new double[meters][];
        logEvidence = new double[meters][][][];
        long allPieces = 0;
        for (long p : counts.pieces) {
            allPieces += p;
        }
        for (int m = 0; m < meters; m++) {
            logPrior[m] = Math.log((counts.pieces[m] + 1.0) / (allPieces + meters));
            logFirst[m] = logShares(counts.first[m]);
            logEvidence[m] = new double[BEATS_PER_BAR[m]][BeatEvidence.CATEGORIES.length][];
            for (int p = 0; p < BEATS_PER_BAR[m]; p++) {
                for (int f = 0; f < BeatEvidence.CATEGORIES.length; f++) {
                    logEvidence[m][p][f] = logShares(counts.evidence[m][p][f]);
                }
            }
        }
    }

    /** The templates shipped in this jar. */
    public static MeterTemplates shipped() {
        MeterTemplates t = shipped;
        if (t == null) {
            try (InputStream in = MeterTemplates.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IOException(RESOURCE + " is missing from the models jar");
                }
                t = new MeterTemplates(new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), Counts.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = t;
        }
        return t;
    }

    /**
     * Log-likelihood of the evidence (rows of consecutive beats) for bars of {@code perBar} beats,
     * the first row falling on bar position {@code firstPosition} (0 = downbeat).
     */
    double logLikelihood(int[][] features, int perBar, int firstPosition) {
        int m = index(perBar);
        double sum = logPrior[m] + FIRST_POSITION_WEIGHT * logFirst[m][firstPosition];
        for (int b = 0; b < features.length; b++) {
            double[][] position = logEvidence[m][(firstPosition + b) % perBar];
            for (int f = 0; f < features[b].length; f++) {
                sum += position[f][features[b][f]];
            }
        }
        return sum;
    }

    static boolean supports(int perBar) {
        return perBar >= 3 && perBar <= 4;
    }

    private static int index(int perBar) {
        for (int i = 0; i < BEATS_PER_BAR.length; i++) {
            if (BEATS_PER_BAR[i] == perBar) {
                return i;
            }
        }
        throw new IllegalArgumentException("no template for " + perBar + " beats a bar");
    }

    private static double[] logShares(long[] counts) {
        double total = counts.length;
        for (long c : counts) {
            total += c;
        }
        double[] result = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            result[i] = Math.log((counts[i] + 1) / total);
        }
        return result;
    }
}
