package org.kantor.core;

import java.util.ArrayList;
import java.util.List;

/** One instrument or voice of a score, on one or more staves (a piano has two), measure by measure. */
public record Part(String id, String name, String abbreviation, int staves, Instrument instrument, List<Measure> measures) {

    public Part {
        measures = List.copyOf(measures);
        staves = Math.max(1, staves);
    }

    public List<Note> notes() {
        List<Note> out = new ArrayList<>();
        measures.forEach(m -> out.addAll(m.notes()));
        return out;
    }

    /** Lowest and highest sounding notes, or null for a part without notes. */
    public Pitch[] range() {
        Pitch low = null;
        Pitch high = null;
        for (Note n : notes()) {
            if (low == null || n.pitch().midi() < low.midi()) {
                low = n.pitch();
            }
            if (high == null || n.pitch().midi() > high.midi()) {
                high = n.pitch();
            }
        }
        return low == null ? null : new Pitch[] {low, high};
    }
}
