package org.kantor.checker;

import java.util.List;
import org.kantor.core.Pitch;

/**
 * One fault found: which rule, how serious, where (the measure number as printed, the beat counted
 * from 1 in the meter's beat unit; a motion is reported at its second chord), the voices and their
 * pitches there, a sentence for the student, and the notes to mark in the score.
 */
public record Finding(String rule, Severity severity, Sonority at, String measure, double beat, List<Integer> voices,
                      List<Pitch> pitches, String message, List<SungNote> marked) {

    public enum Severity {
        ERROR, WARNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public List<String> voiceNames() {
        return voices.stream().map(v -> Chorale.VOICES[v]).toList();
    }
}
