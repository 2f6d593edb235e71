package org.kantor.core;

import java.util.ArrayList;
import java.util.List;

/** One line of events in a measure, in time order. MusicXML numbers voices "1", "2" ... */
public record Voice(String id, List<MusicEvent> events) {

    public Voice {
        events = List.copyOf(events);
    }

    /** Every sounding note, chords opened up, grace notes included. */
    public List<Note> notes() {
        List<Note> out = new ArrayList<>();
        for (MusicEvent e : events) {
            if (e instanceof Note n) {
                out.add(n);
            } else if (e instanceof Chord c) {
                out.addAll(c.notes());
            }
        }
        return out;
    }
}
