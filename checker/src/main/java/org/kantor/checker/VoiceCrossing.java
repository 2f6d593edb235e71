package org.kantor.checker;

import java.util.List;

/** Voice crossing: a voice sounds above the voice next above it (alto above soprano, tenor above alto, bass above tenor). */
final class VoiceCrossing implements Rule {

    @Override
    public String id() {
        return "voice-crossing";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.ERROR;
    }

    @Override
    public String definition() {
        return "A voice sounds higher than the voice next above it (alto above soprano, tenor above alto, bass above tenor);"
                + " counted wherever one of the two strikes a note while they are crossed.";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        for (Sonority s : chorale.sonorities()) {
            for (int upper = 0; upper < 3; upper++) {
                int lower = upper + 1;
                if (s.pitch(upper) == null || s.pitch(lower) == null || !(s.strikes(upper) || s.strikes(lower))) {
                    continue;
                }
                if (s.pitch(lower).midi() > s.pitch(upper).midi()) {
                    findings.add(finding(chorale, s, List.of(upper, lower), "Voice crossing: the " + Chorale.VOICES[lower] + " (" + s.pitch(lower)
                            + ") is above the " + Chorale.VOICES[upper] + " (" + s.pitch(upper) + "). Keep each voice below the one above it.",
                            List.of(s.notes()[upper], s.notes()[lower])));
                }
            }
        }
    }
}
