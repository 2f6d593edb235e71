package org.kantor.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A piece of written music: its title, composer and parts. All parts have the same measures. */
public record Score(String title, String composer, List<Part> parts) {

    public Score {
        parts = List.copyOf(parts);
    }

    public int measureCount() {
        return parts.stream().mapToInt(p -> p.measures().size()).max().orElse(0);
    }

    /** Notes written in the score, chord notes counted one by one, grace notes included. */
    public int noteCount() {
        return parts.stream().mapToInt(p -> p.notes().size()).sum();
    }

    /** Length in quarter notes, measured along the first part's measures. */
    public Rational lengthInQuarters() {
        if (parts.isEmpty()) {
            return Rational.ZERO;
        }
        Rational total = Rational.ZERO;
        for (Measure m : parts.get(0).measures()) {
            total = total.plus(m.length());
        }
        return total;
    }

    /** Distinct key signatures in order of first appearance. */
    public Set<KeySignature> keySignatures() {
        Set<KeySignature> keys = new LinkedHashSet<>();
        parts.forEach(p -> p.measures().forEach(m -> keys.add(m.key())));
        return keys;
    }

    /** Distinct time signatures in order of first appearance. */
    public Set<TimeSignature> timeSignatures() {
        Set<TimeSignature> times = new LinkedHashSet<>();
        parts.forEach(p -> p.measures().forEach(m -> times.add(m.time())));
        return times;
    }
}
