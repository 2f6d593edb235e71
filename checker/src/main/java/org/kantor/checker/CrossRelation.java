package org.kantor.checker;

import java.util.List;

/**
 * Cross-relation (false relation between chords): a letter sounds with one accidental in one voice and,
 * in the next chord, with another accidental in a different voice, such as F in the alto followed by
 * F-sharp in the tenor. The chromatic step is heard but no single voice sings it.
 */
final class CrossRelation implements Rule {

    @Override
    public String id() {
        return "cross-relation";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.WARNING;
    }

    @Override
    public String definition() {
        return "A letter sounds with one accidental in one voice and, in the next sonority, with another accidental struck by a different"
                + " voice, which did not itself sound the first form (F in the alto, then F-sharp in the tenor).";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        List<Sonority> all = chorale.sonorities();
        for (int k = 1; k < all.size(); k++) {
            Sonority before = all.get(k - 1);
            Sonority now = all.get(k);
            for (int v = 0; v < 4; v++) {
                if (!now.strikes(v) || now.pitch(v) == null) {
                    continue;
                }
                var altered = now.pitch(v);
                if (before.pitch(v) != null && before.pitch(v).step() == altered.step() && before.pitch(v).alter() != altered.alter()) {
                    continue; // the voice sings the chromatic step itself
                }
                for (int w = 0; w < 4; w++) {
                    var first = before.pitch(w);
                    if (w == v || first == null || first.step() != altered.step() || first.alter() == altered.alter()) {
                        continue;
                    }
                    if (now.pitch(w) != null && now.pitch(w).step() == altered.step() && now.pitch(w).alter() == altered.alter()) {
                        continue; // the other voice moves to the altered note as well
                    }
                    findings.add(finding(chorale, now, List.of(w, v), "Cross-relation: the " + Chorale.VOICES[w] + "'s " + first
                            + " is followed by " + altered + " in the " + Chorale.VOICES[v] + ". A chromatic step split between two"
                            + " voices sounds like a mistake; let one voice sing both notes.",
                            List.of(before.notes()[w], now.notes()[v])));
                    break;
                }
            }
        }
    }
}
