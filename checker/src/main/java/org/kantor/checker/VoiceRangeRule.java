package org.kantor.checker;

import java.util.List;
import org.kantor.core.Pitch;
import org.kantor.checker.VoiceRange;

/** Range: a note outside the voice's range (textbook ranges unless the teacher sets others). */
final class VoiceRangeRule implements Rule {

    private final VoiceRange[] ranges;

    VoiceRangeRule(VoiceRange[] ranges) {
        this.ranges = ranges.clone();
    }

    @Override
    public String id() {
        return "range";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.ERROR;
    }

    @Override
    public String definition() {
        StringBuilder s = new StringBuilder("A note outside its voice's range:");
        for (VoiceRange r : ranges) {
            s.append(' ').append(r.voice()).append(' ').append(name(r.low())).append('-').append(name(r.high())).append(',');
        }
        return s.substring(0, s.length() - 1) + ".";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        for (int v = 0; v < 4; v++) {
            VoiceRange range = ranges[v];
            for (SungNote n : chorale.voice(v)) {
                if (!range.contains(n.midi())) {
                    String side = n.midi() < range.low() ? "below" : "above";
                    findings.add(finding(chorale, chorale.at(n), List.of(v), "Range: " + n.pitch() + " is " + side + " the "
                            + Chorale.VOICES[v] + "'s range (" + name(range.low()) + "-" + name(range.high()) + ").", List.of(n)));
                }
            }
        }
    }

    private static String name(int midi) {
        return Pitch.fromMidi(midi, org.kantor.core.KeySignature.C_MAJOR).toString();
    }
}
