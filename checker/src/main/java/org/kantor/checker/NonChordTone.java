package org.kantor.checker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kantor.core.Pitch;
import org.kantor.core.theory.IdentifiedChord;

/**
 * A non-chord tone that does not resolve: where one voice moves alone to a note that leaves the chord
 * the others hold, it is a non-chord tone (passing or neighbour note, escape tone). It should move on by
 * step (or stay, as an anticipation); an escape tone may leave its stepwise approach by a third the
 * other way. A non-chord tone left by a larger leap is heard as a wrong note.
 */
final class NonChordTone implements Rule {

    @Override
    public String id() {
        return "non-chord-tone";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.ERROR;
    }

    @Override
    public String definition() {
        return "A note struck alone while the other voices hold a chord, and not in that chord, is left by a leap, not by a step or a repetition"
                + " (a third the other way after a stepwise approach, an escape tone, is allowed).";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        Set<SungNote> reported = new HashSet<>();
        for (Sonority s : chorale.sonorities()) {
            int v = s.full() && s.chord() == null ? theOneOutside(s) : -1;
            if (v < 0 || reported.contains(s.notes()[v]) || !movesAlone(chorale, s, v)) {
                continue;
            }
            SungNote tone = s.notes()[v];
            SungNote next = chorale.next(tone);
            if (next == null || resolves(chorale.previous(tone), tone, next)) {
                continue;
            }
            reported.add(tone);
            findings.add(finding(chorale, chorale.at(next), List.of(v), "Non-chord tone: the " + Chorale.VOICES[v] + "'s " + tone.pitch()
                    + " is not in the chord the other voices sing and leaps to " + next.pitch() + ". Move on by step from a note"
                    + " outside the chord.", List.of(tone, next)));
        }
    }

    /**
     * Whether the voice strikes its note while the others hold the chord of the sonority before: a passing or
     * neighbour note between chord tones, the non-chord tone that can be told from the harmony for certain.
     * (Where several voices strike at once, which of them is the chord tone is a matter of reading.)
     */
    static boolean movesAlone(Chorale chorale, Sonority s, int v) {
        if (!s.strikes(v) || s.index() == 0) {
            return false;
        }
        for (int w = 0; w < 4; w++) {
            if (w != v && s.strikes(w)) {
                return false;
            }
        }
        return chorale.sonorities().get(s.index() - 1).chord() != null;
    }

    /** The one voice whose note the other three leave out of the chord they spell; -1 when none or several could be. */
    static int theOneOutside(Sonority s) {
        int found = -1;
        for (int v = 0; v < 4; v++) {
            List<Pitch> others = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                if (w != v) {
                    others.add(s.pitch(w));
                }
            }
            if (IdentifiedChord.of(others) != null) {
                if (found >= 0) {
                    return -1;
                }
                found = v;
            }
        }
        return found;
    }

    static boolean resolves(SungNote before, SungNote tone, SungNote next) {
        int leave = next.midi() - tone.midi();
        if (Math.abs(leave) <= 2) {
            return true;
        }
        int approach = before == null ? 0 : tone.midi() - before.midi();
        boolean escape = approach != 0 && Math.abs(approach) <= 2 && Math.abs(leave) <= 4 && Integer.signum(leave) != Integer.signum(approach);
        return escape;
    }
}
