package org.kantor.harmonizer.check;

import java.util.List;
import org.kantor.core.Pitch;

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
        List<Sonority> s = chorale.sonorities();
        for (int k = 1; k < s.size(); k++) {
            Sonority before = s.get(k - 1);
            Sonority after = s.get(k);
            for (int upper = 0; upper < 3; upper++) {
                int lower = upper + 1;
                Pitch u1 = before.pitch(upper);
                Pitch l1 = before.pitch(lower);
                Pitch u2 = after.pitch(upper);
                Pitch l2 = after.pitch(lower);
                if (u1 == null || l1 == null || u2 == null || l2 == null || l2.midi() > u2.midi()) {
                    continue;
                }
                if (after.strikes(lower) && l2.midi() > u1.midi()) {
                    findings.add(finding(chorale, after, List.of(upper, lower), "Voice overlap: the " + Chorale.VOICES[lower] + " moves to " + l2
                            + ", above the " + u1 + " the " + Chorale.VOICES[upper] + " has just sung.", List.of(after.notes()[lower])));
                } else if (after.strikes(upper) && u2.midi() < l1.midi()) {
                    findings.add(finding(chorale, after, List.of(upper, lower), "Voice overlap: the " + Chorale.VOICES[upper] + " moves to " + u2
                            + ", below the " + l1 + " the " + Chorale.VOICES[lower] + " has just sung.", List.of(after.notes()[upper])));
                }
            }
        }
    }
}
