package org.kantor.harmonizer.check;

import java.util.List;
import org.kantor.core.Pitch;
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
        List<Sonority> s = chorale.sonorities();
        for (int k = 1; k < s.size(); k++) {
            Sonority before = s.get(k - 1);
            Sonority after = s.get(k);
            Pitch a1 = before.pitch(0);
            Pitch b1 = before.pitch(3);
            Pitch a2 = after.pitch(0);
            Pitch b2 = after.pitch(3);
            if (a1 == null || b1 == null || a2 == null || b2 == null) {
                continue;
            }
            int da = a2.midi() - a1.midi();
            int db = b2.midi() - b1.midi();
            if (da == 0 || db == 0 || Integer.signum(da) != Integer.signum(db) || Math.abs(da) <= 2) {
                continue;
            }
            if (!isPerfect(Interval.between(a1, b1)) && isPerfect(Interval.between(a2, b2))) {
                findings.add(finding(chorale, after, List.of(0, 3), "Hidden " + (fifths ? "fifths" : "octaves") + " in the outer voices: soprano "
                        + a1 + " leaps to " + a2 + " while the bass moves the same way to " + b2 + ". Approach the "
                        + (fifths ? "fifth" : "octave") + " by step in the soprano, or in contrary motion.",
                        List.of(after.notes()[0], after.notes()[3])));
            }
        }
    }

    private boolean isPerfect(Interval i) {
        return fifths ? i.isPerfectFifth() : i.isPerfectOctaveOrUnison();
    }
}
