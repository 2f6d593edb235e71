package org.kantor.checker;

import java.util.ArrayList;
import java.util.List;
import org.kantor.core.theory.RomanNumeral;

/**
 * A cadence at a phrase end (a fermata, or the last chord): perfect authentic (V-I, both in root
 * position, tonic in the soprano), imperfect authentic (other V-I or vii°-I), half (ending on V),
 * plagal (IV-I) or deceptive (V-vi).
 *
 * @param progression the two numerals, e.g. "V7 I"
 */
public record Cadence(Sonority at, String measure, double beat, String type, String progression) {

    static List<Cadence> find(Chorale chorale) {
        List<Cadence> cadences = new ArrayList<>();
        List<Sonority> s = chorale.sonorities();
        KeyDegrees key = KeyDegrees.of(chorale.key());
        Sonority lastApproach = null;
        for (int k = 0; k < s.size(); k++) {
            Sonority end = s.get(k);
            boolean phraseEnd = k == s.size() - 1;
            for (int v = 0; v < 4; v++) {
                phraseEnd |= end.strikes(v) && end.notes()[v].fermata();
            }
            if (!phraseEnd || end.numeral() == null) {
                continue;
            }
            Sonority before = previousHarmony(s, k);
            if (before == null || before == lastApproach) {
                // one cadence is reported once: a voice moving on within the final chord after its fermata is not a second one
                continue;
            }
            String type = type(before.numeral(), end.numeral(), before, end, key);
            if (type != null) {
                var measure = chorale.measures().get(end.measure());
                cadences.add(new Cadence(end, measure.number(), Chorale.beat(measure, end.onset().minus(measure.start())), type,
                        before.numeral() + " " + end.numeral()));
                lastApproach = before;
            }
        }
        return cadences;
    }

    /** The last sonority before {@code k} with another recognised chord than the one at {@code k}. */
    private static Sonority previousHarmony(List<Sonority> s, int k) {
        for (int i = k - 1; i >= 0 && i >= k - 6; i--) {
            if (s.get(i).chord() != null && !s.get(i).chord().equals(s.get(k).chord())) {
                return s.get(i);
            }
        }
        return null;
    }

    private static String type(RomanNumeral from, RomanNumeral to, Sonority before, Sonority end, KeyDegrees key) {
        boolean fromV = from.isDominant() && from.degree() == 5;
        if (to.isTonic() && from.isDominant()) {
            boolean perfect = fromV && before.chord().inversion() == 0 && end.chord().inversion() == 0
                    && end.pitch(0) != null && key.isTonic(end.pitch(0));
            return perfect ? "perfect authentic" : "imperfect authentic";
        }
        if (to.isTonic() && from.of() == 0 && from.degree() == 4) {
            return "plagal";
        }
        if (fromV && to.of() == 0 && to.degree() == 6) {
            return "deceptive";
        }
        if (to.isDominant() && to.degree() == 5 && to.text().startsWith("V") && !to.text().contains("7")) {
            return "half";
        }
        return null;
    }
}
