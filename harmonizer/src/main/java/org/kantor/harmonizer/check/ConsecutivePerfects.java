package org.kantor.harmonizer.check;

import java.util.List;
import org.kantor.core.Pitch;
import org.kantor.core.theory.Interval;

/**
 * Parallel and contrary fifths and octaves: two voices a perfect fifth (or an octave or unison) apart
 * that both move to a new pitch and are again a perfect fifth (octave, unison) apart, compound
 * intervals included. Parallel: both move the same way; contrary: opposite ways (a fifth to a twelfth).
 * Any two of the four voices; from one sonority to the next, so a passing note in another voice does
 * not hide the pair's motion.
 */
final class ConsecutivePerfects implements Rule {

    private final boolean fifths;
    private final boolean contrary;

    ConsecutivePerfects(boolean fifths, boolean contrary) {
        this.fifths = fifths;
        this.contrary = contrary;
    }

    @Override
    public String id() {
        return (contrary ? "contrary-" : "parallel-") + (fifths ? "fifths" : "octaves");
    }

    @Override
    public Finding.Severity severity() {
        return contrary ? Finding.Severity.WARNING : Finding.Severity.ERROR;
    }

    @Override
    public String definition() {
        String interval = fifths ? "a perfect fifth (or twelfth)" : "a perfect octave or unison (or double octave)";
        return "Two voices " + interval + " apart both move to new pitches and are again " + interval + " apart, moving "
                + (contrary ? "in opposite directions." : "in the same direction.");
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        List<Sonority> s = chorale.sonorities();
        for (int k = 1; k < s.size(); k++) {
            Sonority before = s.get(k - 1);
            Sonority after = s.get(k);
            for (int upper = 0; upper < 4; upper++) {
                for (int lower = upper + 1; lower < 4; lower++) {
                    Pitch a1 = before.pitch(upper);
                    Pitch b1 = before.pitch(lower);
                    Pitch a2 = after.pitch(upper);
                    Pitch b2 = after.pitch(lower);
                    if (a1 == null || b1 == null || a2 == null || b2 == null) {
                        continue;
                    }
                    int da = a2.midi() - a1.midi();
                    int db = b2.midi() - b1.midi();
                    if (da == 0 || db == 0 || (Integer.signum(da) != Integer.signum(db)) != contrary) {
                        continue;
                    }
                    if (isPerfect(Interval.between(a1, b1)) && isPerfect(Interval.between(a2, b2))) {
                        findings.add(finding(chorale, after, List.of(upper, lower), message(upper, lower, a1, b1, a2, b2),
                                List.of(before.notes()[upper], before.notes()[lower], after.notes()[upper], after.notes()[lower])));
                    }
                }
            }
        }
    }

    private boolean isPerfect(Interval i) {
        return fifths ? i.isPerfectFifth() : i.isPerfectOctaveOrUnison();
    }

    private String message(int upper, int lower, Pitch a1, Pitch b1, Pitch a2, Pitch b2) {
        String what = fifths ? "fifths" : Interval.between(a2, b2).semitones() == 0 ? "unisons" : "octaves";
        String where = " between " + Chorale.VOICES[upper] + " and " + Chorale.VOICES[lower] + ": " + a1 + "-" + b1 + " to " + a2 + "-" + b2 + ".";
        return contrary
                ? capital(what) + " by contrary motion" + where + " Contrary motion does not hide them; keep one voice or choose another note."
                : "Parallel " + what + where + " The two voices lose their independence; move one of them in contrary or oblique motion.";
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
