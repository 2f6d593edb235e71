package org.kantor.checker;

import java.util.List;
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
        for (int upper = 0; upper < 4; upper++) {
            for (int lower = upper + 1; lower < 4; lower++) {
                for (PairMotion m : PairMotion.all(chorale, upper, lower)) {
                    if (m.bothMove() && m.sameDirection() != contrary && isPerfect(m.intervalBefore()) && isPerfect(m.intervalAfter())) {
                        findings.add(finding(chorale, m.after(), List.of(upper, lower), message(m),
                                List.of(m.before().notes()[upper], m.before().notes()[lower], m.after().notes()[upper], m.after().notes()[lower])));
                    }
                }
            }
        }
    }

    private boolean isPerfect(Interval i) {
        return fifths ? i.isPerfectFifth() : i.isPerfectOctaveOrUnison();
    }

    private String message(PairMotion m) {
        String what = fifths ? "fifths" : m.intervalAfter().semitones() == 0 ? "unisons" : "octaves";
        String where = " between " + Chorale.VOICES[m.upper()] + " and " + Chorale.VOICES[m.lower()] + ": " + m.upperFrom() + "-" + m.lowerFrom()
                + " to " + m.upperTo() + "-" + m.lowerTo() + ".";
        return contrary
                ? capital(what) + " by contrary motion" + where + " Contrary motion does not hide them; keep one voice or choose another note."
                : "Parallel " + what + where + " The two voices lose their independence; move one of them in contrary or oblique motion.";
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
