package org.kantor.core.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kantor.core.Clef;
import org.kantor.core.Instrument;
import org.kantor.core.KeySignature;
import org.kantor.core.Rational;
import org.kantor.core.TimeSignature;

/**
 * The neutral, notation-free view of a piece that every model and every file format meets in:
 * sounding notes with onsets and offsets in quarter notes, plus the tempo, meter and key changes
 * needed to go back to notation. {@code pickup} is the length of an incomplete first measure (zero if none).
 */
public record Timeline(List<TimedNote> notes, TempoMap tempo, List<MeterChange> meters, List<KeyChange> keys,
                       List<PartInfo> parts, Rational pickup) {

    /** A time signature in force from a position on. */
    public record MeterChange(Rational at, TimeSignature time) {
    }

    /** A key signature in force from a position on. */
    public record KeyChange(Rational at, KeySignature key) {
    }

    /**
     * Name, staves and sound of one part; notes refer to parts by index in this list. {@code clef}: the clef of a
     * one-staff part when its role fixes it (a tenor, a viola), or null to choose one from its notes.
     */
    public record PartInfo(String name, int staves, Instrument instrument, Clef clef) {
        public PartInfo(String name, int staves, Instrument instrument) {
            this(name, staves, instrument, null);
        }
    }

    public Timeline {
        notes = notes.stream().sorted(Comparator.comparing(TimedNote::onset).thenComparing(TimedNote::midi)).toList();
        meters = meters.isEmpty() ? List.of(new MeterChange(Rational.ZERO, TimeSignature.COMMON)) : List.copyOf(meters);
        keys = keys.isEmpty() ? List.of(new KeyChange(Rational.ZERO, KeySignature.C_MAJOR)) : List.copyOf(keys);
        parts = List.copyOf(parts);
        pickup = pickup == null ? Rational.ZERO : pickup;
    }

    /** End of the last note, in quarter notes. */
    public Rational end() {
        Rational end = Rational.ZERO;
        for (TimedNote n : notes) {
            end = end.max(n.offset());
        }
        return end;
    }

    public double seconds(Rational quarters) {
        return tempo.seconds(quarters);
    }

    public List<TimedNote> notesOfPart(int part) {
        List<TimedNote> out = new ArrayList<>();
        for (TimedNote n : notes) {
            if (n.part() == part) {
                out.add(n);
            }
        }
        return out;
    }

    public TimeSignature meterAt(Rational at) {
        TimeSignature t = meters.get(0).time();
        for (MeterChange m : meters) {
            if (m.at().compareTo(at) <= 0) {
                t = m.time();
            }
        }
        return t;
    }

    public KeySignature keyAt(Rational at) {
        KeySignature k = keys.get(0).key();
        for (KeyChange c : keys) {
            if (c.at().compareTo(at) <= 0) {
                k = c.key();
            }
        }
        return k;
    }

    public Timeline withNotes(List<TimedNote> newNotes) {
        return new Timeline(newNotes, tempo, meters, keys, parts, pickup);
    }
}
