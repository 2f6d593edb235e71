package org.kantor.checker;

import java.util.List;

/** Spacing: more than an octave between soprano and alto, or between alto and tenor (tenor and bass may be further apart). */
final class Spacing implements Rule {

    @Override
    public String id() {
        return "spacing";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.WARNING;
    }

    @Override
    public String definition() {
        return "More than an octave between soprano and alto, or between alto and tenor, where one of the two strikes a note.";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        for (Sonority s : chorale.sonorities()) {
            for (int upper = 0; upper < 2; upper++) {
                int lower = upper + 1;
                if (s.pitch(upper) == null || s.pitch(lower) == null || !(s.strikes(upper) || s.strikes(lower))) {
                    continue;
                }
                if (s.pitch(upper).midi() - s.pitch(lower).midi() > 12) {
                    findings.add(finding(chorale, s, List.of(upper, lower), "Spacing: " + Chorale.VOICES[upper] + " " + s.pitch(upper) + " and "
                            + Chorale.VOICES[lower] + " " + s.pitch(lower) + " are more than an octave apart. Keep the upper voices within"
                            + " an octave of each other.", List.of(s.notes()[upper], s.notes()[lower])));
                }
            }
        }
    }
}
