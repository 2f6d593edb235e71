package org.kantor.checker;

import java.util.List;
import org.kantor.core.theory.Interval;

/**
 * Hidden (direct) fifths and octaves in the outer voices: soprano and bass move in the same direction
 * into a perfect fifth (octave) from another interval, and the soprano leaps (more than a whole step).
 * With a step in the soprano they are acceptable, as most harmony textbooks teach.
 */
final class HiddenPerfects implements Rule {

    private final boolean fifths;

    HiddenPerfects(boolean fifths) {
        this.fifths = fifths;
    }

    @Override
    public String id() {
        return fifths ? "hidden-fifths" : "hidden-octaves";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.WARNING;
    }

    @Override
    public String definition() {
        return "Soprano and bass move in the same direction into a perfect " + (fifths ? "fifth" : "octave") + " (simple or compound) from"
                + " another interval, with a leap (more than a whole step) in the soprano.";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        for (PairMotion m : PairMotion.all(chorale, 0, 3)) {
            if (!m.bothMove() || !m.sameDirection() || Math.abs(m.upperStep()) <= 2) {
                continue;
            }
            if (!isPerfect(m.intervalBefore()) && isPerfect(m.intervalAfter())) {
                findings.add(finding(chorale, m.after(), List.of(0, 3), "Hidden " + (fifths ? "fifths" : "octaves") + " in the outer voices: soprano "
                        + m.upperFrom() + " leaps to " + m.upperTo() + " while the bass moves the same way to " + m.lowerTo() + ". Approach the "
                        + (fifths ? "fifth" : "octave") + " by step in the soprano, or in contrary motion.",
                        List.of(m.after().notes()[0], m.after().notes()[3])));
            }
        }
    }

    private boolean isPerfect(Interval i) {
        return fifths ? i.isPerfectFifth() : i.isPerfectOctaveOrUnison();
    }
}
