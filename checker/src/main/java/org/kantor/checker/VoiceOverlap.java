package org.kantor.checker;

import java.util.List;

/**
 * Voice overlap: from one sonority to the next, a voice moves above the pitch the voice next above it
 * has just left (or below the one the voice next below has just left), without the two crossing.
 */
final class VoiceOverlap implements Rule {

    @Override
    public String id() {
        return "voice-overlap";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.WARNING;
    }

    @Override
    public String definition() {
        return "Between two successive sonorities a lower voice moves above the previous pitch of the voice next above it, or an upper"
                + " voice below the previous pitch of the voice next below it (adjacent voices, when they do not cross).";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        for (int upper = 0; upper < 3; upper++) {
            int lower = upper + 1;
            for (PairMotion m : PairMotion.all(chorale, upper, lower)) {
                Sonority after = m.after();
                if (m.lowerTo().midi() > m.upperTo().midi()) {
                    continue; // crossed: that is voice-crossing
                }
                if (after.strikes(lower) && m.lowerTo().midi() > m.upperFrom().midi()) {
                    findings.add(finding(chorale, after, List.of(upper, lower), "Voice overlap: the " + Chorale.VOICES[lower] + " moves to "
                            + m.lowerTo() + ", above the " + m.upperFrom() + " the " + Chorale.VOICES[upper] + " has just sung.",
                            List.of(after.notes()[lower])));
                } else if (after.strikes(upper) && m.upperTo().midi() < m.lowerFrom().midi()) {
                    findings.add(finding(chorale, after, List.of(upper, lower), "Voice overlap: the " + Chorale.VOICES[upper] + " moves to "
                            + m.upperTo() + ", below the " + m.lowerFrom() + " the " + Chorale.VOICES[lower] + " has just sung.",
                            List.of(after.notes()[upper])));
                }
            }
        }
    }
}
