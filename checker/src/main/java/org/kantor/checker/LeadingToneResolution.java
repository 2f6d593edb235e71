package org.kantor.checker;

import java.util.List;
import org.kantor.core.theory.RomanNumeral;

/**
 * The leading tone in an outer voice must rise to the tonic: in soprano or bass, the leading tone of a
 * dominant chord (V, V7, vii°) followed by a tonic (I) or, deceptively, a submediant (vi/VI) chord, and
 * the voice's next note is not the tonic a half step above. Inner voices may leave it (the "frustrated"
 * leading tone is allowed there).
 */
final class LeadingToneResolution implements Rule {

    @Override
    public String id() {
        return "leading-tone";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.ERROR;
    }

    @Override
    public String definition() {
        return "In the soprano or the bass, the leading tone of a V, V7 or vii° chord that moves to I or vi does not rise a half step"
                + " to the tonic.";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        KeyDegrees key = KeyDegrees.of(chorale.key());
        for (int v : new int[] {0, 3}) {
            List<SungNote> line = chorale.voice(v);
            for (int i = 0; i + 1 < line.size(); i++) {
                SungNote note = line.get(i);
                SungNote next = line.get(i + 1);
                if (!key.isLeadingTone(note.pitch()) || !next.onset().equals(note.end())) {
                    continue;
                }
                Sonority last = chorale.lastChordDuring(note);
                Sonority then = chorale.at(next);
                if (last == null || !last.numeral().isDominant() || then.numeral() == null || !resolvesToTonicOrSubmediant(then.numeral())) {
                    continue;
                }
                boolean resolved = key.isTonic(next.pitch()) && next.midi() - note.midi() == 1;
                if (!resolved) {
                    findings.add(finding(chorale, then, List.of(v), "Leading tone: the " + Chorale.VOICES[v] + "'s " + note.pitch()
                            + " (leading tone of " + chorale.key().displayName() + ") goes to " + next.pitch() + " as " + last.numeral() + " moves to "
                            + then.numeral() + ". In an outer voice it should rise to the tonic.", List.of(note, next)));
                }
            }
        }
    }

    private static boolean resolvesToTonicOrSubmediant(RomanNumeral n) {
        return n.of() == 0 && (n.isTonic() || n.degree() == 6 && !n.text().startsWith("b") && !n.text().startsWith("#"));
    }
}
