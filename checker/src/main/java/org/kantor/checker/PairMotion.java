package org.kantor.checker;

import java.util.ArrayList;
import java.util.List;
import org.kantor.core.Pitch;
import org.kantor.core.theory.Interval;

/**
 * How two voices move from one sonority to the next, where both sing in both: the motion rules
 * (parallel, contrary and hidden perfect intervals, overlap) all look at this.
 */
record PairMotion(Sonority before, Sonority after, int upper, int lower, Pitch upperFrom, Pitch lowerFrom, Pitch upperTo, Pitch lowerTo) {

    /** Every motion of the two voices through the chorale, in order. */
    static List<PairMotion> all(Chorale chorale, int upper, int lower) {
        List<PairMotion> motions = new ArrayList<>();
        List<Sonority> s = chorale.sonorities();
        for (int k = 1; k < s.size(); k++) {
            Sonority before = s.get(k - 1);
            Sonority after = s.get(k);
            if (before.pitch(upper) != null && before.pitch(lower) != null && after.pitch(upper) != null && after.pitch(lower) != null) {
                motions.add(new PairMotion(before, after, upper, lower, before.pitch(upper), before.pitch(lower), after.pitch(upper),
                        after.pitch(lower)));
            }
        }
        return motions;
    }

    /** Semitones the upper voice moves (negative: down). */
    int upperStep() {
        return upperTo.midi() - upperFrom.midi();
    }

    int lowerStep() {
        return lowerTo.midi() - lowerFrom.midi();
    }

    /** Both voices take a new pitch. */
    boolean bothMove() {
        return upperStep() != 0 && lowerStep() != 0;
    }

    /** Both move the same way (similar or parallel motion). */
    boolean sameDirection() {
        return Integer.signum(upperStep()) == Integer.signum(lowerStep());
    }

    Interval intervalBefore() {
        return Interval.between(upperFrom, lowerFrom);
    }

    Interval intervalAfter() {
        return Interval.between(upperTo, lowerTo);
    }
}
