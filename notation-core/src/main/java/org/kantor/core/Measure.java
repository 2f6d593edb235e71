package org.kantor.core;

import java.util.ArrayList;
import java.util.List;

/**
 * One measure of one part. {@code number} is the number as printed in the score ("0" for a pickup in
 * many files, "12a" sometimes); {@code implicit} marks a measure that is not counted (a pickup or the
 * second half of a split measure). {@code length} is what the measure actually holds, which is shorter
 * than the time signature says for a pickup. Key and time are those in force in this measure.
 */
public record Measure(String number, boolean implicit, Rational length, TimeSignature time, KeySignature key,
                      List<Voice> voices, List<ClefChange> clefs, List<TempoMark> tempos) {

    public Measure {
        voices = List.copyOf(voices);
        clefs = clefs == null ? List.of() : List.copyOf(clefs);
        tempos = tempos == null ? List.of() : List.copyOf(tempos);
    }

    /** True when the measure holds less than its time signature asks, like a pickup or a closing half-measure. */
    public boolean isIncomplete() {
        return length.lessThan(time.measureLength());
    }

    public List<Note> notes() {
        List<Note> out = new ArrayList<>();
        voices.forEach(v -> out.addAll(v.notes()));
        return out;
    }

    public Voice voice(String id) {
        return voices.stream().filter(v -> v.id().equals(id)).findFirst().orElse(null);
    }
}
