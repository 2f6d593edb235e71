package org.kantor.models.transcription.eval;

import org.kantor.models.transcription.PerformedNote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Note-level precision, recall and F1 with mir_eval's transcription conventions: a reference and an
 * estimated note may match when their pitches agree and their onsets are within 50 ms; with offsets,
 * the offsets must also agree within 20% of the reference note's length or 50 ms, whichever is
 * more. Each note matches at most once, and the matching is a maximum bipartite matching, so the
 * figures do not depend on the order of the notes.
 */
public final class NoteMatching {

    public static final double ONSET_TOLERANCE = 0.05;
    public static final double OFFSET_RATIO = 0.2;
    public static final double OFFSET_MIN_TOLERANCE = 0.05;

    /** Matched notes and the sizes of both sides. */
    public record Counts(int matched, int reference, int estimated) {
        public double precision() {
            return estimated == 0 ? 0 : (double) matched / estimated;
        }

        public double recall() {
            return reference == 0 ? 0 : (double) matched / reference;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public Counts plus(Counts o) {
            return new Counts(matched + o.matched, reference + o.reference, estimated + o.estimated);
        }
    }

    private NoteMatching() {
    }

    public static Counts match(List<PerformedNote> reference, List<PerformedNote> estimated, boolean withOffsets) {
        List<PerformedNote> est = estimated.stream().sorted(Comparator.comparingDouble(PerformedNote::start)).toList();
        double[] starts = est.stream().mapToDouble(PerformedNote::start).toArray();
        List<int[]> candidates = new ArrayList<>();
        for (PerformedNote ref : reference) {
            List<Integer> options = new ArrayList<>();
            int from = lowerBound(starts, ref.start() - ONSET_TOLERANCE - 1e-9);
            for (int j = from; j < est.size() && starts[j] <= ref.start() + ONSET_TOLERANCE + 1e-9; j++) {
                PerformedNote e = est.get(j);
                if (e.midi() != ref.midi()) {
                    continue;
                }
                if (withOffsets) {
                    double tolerance = Math.max(OFFSET_MIN_TOLERANCE, OFFSET_RATIO * ref.length());
                    if (Math.abs(e.end() - ref.end()) > tolerance + 1e-9) {
                        continue;
                    }
                }
                options.add(j);
            }
            candidates.add(options.stream().mapToInt(Integer::intValue).toArray());
        }
        int[] owner = new int[est.size()];
        Arrays.fill(owner, -1);
        int matched = 0;
        for (int r = 0; r < candidates.size(); r++) {
            if (augment(r, candidates, owner, new boolean[est.size()])) {
                matched++;
            }
        }
        return new Counts(matched, reference.size(), estimated.size());
    }

    /** Kuhn's augmenting path: gives reference note r a partner, re-matching earlier ones if needed. */
    private static boolean augment(int r, List<int[]> candidates, int[] owner, boolean[] seen) {
        for (int j : candidates.get(r)) {
            if (seen[j]) {
                continue;
            }
            seen[j] = true;
            if (owner[j] < 0 || augment(owner[j], candidates, owner, seen)) {
                owner[j] = r;
                return true;
            }
        }
        return false;
    }

    private static int lowerBound(double[] values, double key) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
