package org.kantor.checker;

import java.util.List;

/**
 * The seventh of a seventh chord other than the dominant's is prepared: the voice has it in the chord
 * before (held or repeated), or reaches it by step as a passing seventh. Leaping onto it is what the
 * strict style forbids; V7 and vii°7 may take their seventh freely.
 */
final class UnpreparedSeventh implements Rule {

    @Override
    public String id() {
        return "unprepared-seventh";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.WARNING;
    }

    @Override
    public String definition() {
        return "The seventh of a seventh chord other than V7 or vii°7 is leapt to (more than two semitones), neither held over from the"
                + " chord before nor reached by step.";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        for (Sonority s : chorale.sonorities()) {
            if (s.chord() == null || !s.chord().quality().isSeventhChord() || s.numeral() == null || s.numeral().isDominant()) {
                continue;
            }
            for (int v = 0; v < 4; v++) {
                if (!s.strikes(v) || !s.chord().isSeventh(s.pitch(v))) {
                    continue;
                }
                SungNote seventh = s.notes()[v];
                SungNote before = chorale.previous(seventh);
                if (before == null || Math.abs(seventh.midi() - before.midi()) <= 2) {
                    continue;
                }
                findings.add(finding(chorale, s, List.of(v), "Unprepared seventh: the " + Chorale.VOICES[v] + " leaps from " + before.pitch()
                        + " to " + seventh.pitch() + ", the seventh of " + s.numeral() + " (" + s.chord().describe() + "). Hold it over from"
                        + " the chord before or reach it by step.", List.of(before, seventh)));
            }
        }
    }
}
