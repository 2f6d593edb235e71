package org.kantor.models.transcription;

import org.kantor.core.Rational;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which hand (staff 1 = right, staff 2 = left) plays each note of a piano part. Notes struck
 * together are split at the widest gap between neighbouring pitches in the middle of the keyboard,
 * so a chord is not torn apart at middle C; a lone note goes to the hand whose last note was
 * nearer, unless it is far from the middle.
 */
public final class HandSplitter {

    private static final int MIDDLE_C = 60;

    private HandSplitter() {
    }

    /** The staff of each placed note, in the order given. */
    public static int[] split(List<RhythmQuantizer.Placed> notes) {
        Map<Rational, List<Integer>> byOnset = new TreeMap<>();
        for (int i = 0; i < notes.size(); i++) {
            byOnset.computeIfAbsent(notes.get(i).onset(), k -> new ArrayList<>()).add(i);
        }
        int[] staff = new int[notes.size()];
        double right = 67;
        double left = 50;
        for (List<Integer> group : byOnset.values()) {
            group.sort((a, b) -> Integer.compare(notes.get(a).note().midi(), notes.get(b).note().midi()));
            int split = splitPoint(group, notes, right, left);
            for (int i : group) {
                int midi = notes.get(i).note().midi();
                staff[i] = midi >= split ? 1 : 2;
                if (staff[i] == 1) {
                    right = 0.7 * right + 0.3 * midi;
                } else {
                    left = 0.7 * left + 0.3 * midi;
                }
            }
        }
        return staff;
    }

    /** The lowest pitch that goes to the right hand. */
    private static int splitPoint(List<Integer> group, List<RhythmQuantizer.Placed> notes, double right, double left) {
        int low = notes.get(group.get(0)).note().midi();
        int high = notes.get(group.get(group.size() - 1)).note().midi();
        if (group.size() == 1 || high - low <= 12) {
            // one hand can play it all: the hand whose recent notes were nearer, with middle C as the tie-breaker
            double center = (low + high) / 2.0;
            if (center >= 72) {
                return low;
            }
            if (center < 48) {
                return high + 1;
            }
            return Math.abs(center - right) <= Math.abs(center - left) ? low : high + 1;
        }
        int bestSplit = MIDDLE_C;
        int widest = -1;
        for (int k = 1; k < group.size(); k++) {
            int below = notes.get(group.get(k - 1)).note().midi();
            int above = notes.get(group.get(k)).note().midi();
            int gap = above - below;
            // a hand spans about an octave: a gap is only a candidate if both sides fit in a hand
            boolean fits = below - low <= 14 && high - above <= 14;
            double middle = Math.abs((above + below) / 2.0 - MIDDLE_C);
            int score = fits ? gap * 4 - (int) middle : -1;
            if (score > widest) {
                widest = score;
                bestSplit = above;
            }
        }
        return bestSplit;
    }
}
