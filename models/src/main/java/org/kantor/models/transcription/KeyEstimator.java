package org.kantor.models.transcription;

import org.kantor.core.KeySignature;
import org.kantor.core.Mode;

import java.util.List;

/**
 * The key of a performance by the Krumhansl-Schmuckler method: the pitch-class distribution,
 * weighted by how long each note sounds, is correlated with Krumhansl and Kessler's major and minor
 * key profiles in all twelve transpositions; the best correlation wins.
 */
public final class KeyEstimator {

    private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

    private KeyEstimator() {
    }

    public static KeySignature estimate(List<PerformedNote> notes) {
        double[] histogram = new double[12];
        for (PerformedNote note : notes) {
            histogram[Math.floorMod(note.midi(), 12)] += Math.min(note.length(), 2.0);
        }
        double best = Double.NEGATIVE_INFINITY;
        KeySignature bestKey = KeySignature.C_MAJOR;
        for (int tonic = 0; tonic < 12; tonic++) {
            for (Mode mode : new Mode[] {Mode.MAJOR, Mode.MINOR}) {
                double r = correlation(histogram, mode == Mode.MAJOR ? MAJOR : MINOR, tonic);
                if (r > best) {
                    best = r;
                    bestKey = signature(tonic, mode);
                }
            }
        }
        return bestKey;
    }

    /** The key signature of a tonic and mode, choosing the spelling with fewer accidentals (F# major, not Gb). */
    static KeySignature signature(int tonicPitchClass, Mode mode) {
        int majorTonic = mode == Mode.MINOR ? Math.floorMod(tonicPitchClass + 3, 12) : tonicPitchClass;
        int fifths = Math.floorMod(majorTonic * 7, 12); // C=0, G=1, ..., F=11
        if (fifths > 6) {
            fifths -= 12;
        }
        return new KeySignature(fifths, mode);
    }

    private static double correlation(double[] histogram, double[] profile, int tonic) {
        double meanH = 0;
        double meanP = 0;
        for (int i = 0; i < 12; i++) {
            meanH += histogram[i] / 12;
            meanP += profile[i] / 12;
        }
        double num = 0;
        double dh = 0;
        double dp = 0;
        for (int pc = 0; pc < 12; pc++) {
            double h = histogram[pc] - meanH;
            double p = profile[Math.floorMod(pc - tonic, 12)] - meanP;
            num += h * p;
            dh += h * h;
            dp += p * p;
        }
        return dh == 0 || dp == 0 ? 0 : num / Math.sqrt(dh * dp);
    }
}
