package org.kantor.checker;

import java.util.ArrayList;
import java.util.List;

/** The leading tone doubled: two voices sound it in a dominant chord (V, V7, vii°) of the key. */
final class DoubledLeadingTone implements Rule {

    @Override
    public String id() {
        return "doubled-leading-tone";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.ERROR;
    }

    @Override
    public String definition() {
        return "Two voices sound the leading tone of the key in a V, V7 or vii° chord (where one of them strikes it).";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        KeyDegrees key = KeyDegrees.of(chorale.key());
        for (Sonority s : chorale.sonorities()) {
            if (s.numeral() == null || !s.numeral().isDominant()) {
                continue;
            }
            List<Integer> voices = new ArrayList<>();
            boolean struck = false;
            for (int v = 0; v < 4; v++) {
                if (s.pitch(v) != null && key.isLeadingTone(s.pitch(v))) {
                    voices.add(v);
                    struck |= s.strikes(v);
                }
            }
            if (voices.size() >= 2 && struck) {
                findings.add(finding(chorale, s, voices, "Doubled leading tone: " + String.join(" and ", voices.stream().map(v -> Chorale.VOICES[v]).toList())
                        + " both sing " + s.pitch(voices.get(0)).nameWithoutOctave() + ", the leading tone, in " + s.numeral()
                        + ". Double the root or the fifth instead.", voices.stream().map(v -> s.notes()[v]).toList()));
            }
        }
    }
}
