package org.kantor.checker;

import java.util.List;

/** One voice-leading rule: a stable id, how serious a fault is, its textbook definition, and the check. */
public interface Rule {

    String id();

    Finding.Severity severity();

    /** What is counted, in words a teacher can compare with their textbook. */
    String definition();

    /** Adds a finding for each fault in the chorale. */
    void check(Chorale chorale, List<Finding> findings);

    /** A finding of this rule at a sonority, with the voices' pitches there and the notes to mark. */
    default Finding finding(Chorale chorale, Sonority at, List<Integer> voices, String message, List<SungNote> marked) {
        var measure = chorale.measures().get(at.measure());
        var offset = at.onset().minus(measure.start());
        return new Finding(id(), severity(), at, measure.number(), Chorale.beat(measure, offset), voices,
                voices.stream().map(at::pitch).toList(), message, marked);
    }
}
