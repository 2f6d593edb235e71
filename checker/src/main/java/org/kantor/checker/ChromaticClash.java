package org.kantor.checker;

import java.util.List;

/**
 * Chromatic clash (a false relation inside one chord): two voices sound the same letter with different
 * accidentals at once, such as C-sharp in the tenor against C in the bass. It sounds as a wrong note.
 */
final class ChromaticClash implements Rule {

    @Override
    public String id() {
        return "chromatic-clash";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.ERROR;
    }

    @Override
    public String definition() {
        return "Two voices sound the same letter with different accidentals at the same time (C-sharp against C, in any octaves),"
                + " where one of them strikes a note.";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        for (Sonority s : chorale.sonorities()) {
            for (int a = 0; a < 4; a++) {
                for (int b = a + 1; b < 4; b++) {
                    if (s.pitch(a) == null || s.pitch(b) == null || !(s.strikes(a) || s.strikes(b))) {
                        continue;
                    }
                    if (s.pitch(a).step() == s.pitch(b).step() && s.pitch(a).alter() != s.pitch(b).alter()) {
                        findings.add(finding(chorale, s, List.of(a, b), "Chromatic clash: the " + Chorale.VOICES[a] + "'s " + s.pitch(a)
                                + " sounds against the " + Chorale.VOICES[b] + "'s " + s.pitch(b) + ". The same letter with two accidentals"
                                + " at once grinds like a wrong note; let one voice take the other's note, or move.",
                                List.of(s.notes()[a], s.notes()[b])));
                    }
                }
            }
        }
    }
}
