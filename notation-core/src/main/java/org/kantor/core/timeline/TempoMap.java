package org.kantor.core.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kantor.core.Rational;

/** Tempo changes along the timeline; converts quarter-note positions to seconds and back. */
public final class TempoMap {

    /** A tempo in quarter notes per minute from a position on. */
    public record Change(Rational at, double quarterNotesPerMinute) {
    }

    public static final double DEFAULT_TEMPO = 120.0;

    private final List<Change> changes;

    public TempoMap(List<Change> changes) {
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(Change::at));
        if (sorted.isEmpty() || sorted.get(0).at().isPositive()) {
            sorted.add(0, new Change(Rational.ZERO, sorted.isEmpty() ? DEFAULT_TEMPO : sorted.get(0).quarterNotesPerMinute()));
        }
        // a later change at the same position wins
        List<Change> unique = new ArrayList<>();
        for (Change c : sorted) {
            if (!unique.isEmpty() && unique.get(unique.size() - 1).at().equals(c.at())) {
                unique.set(unique.size() - 1, c);
            } else {
                unique.add(c);
            }
        }
        this.changes = List.copyOf(unique);
    }

    public static TempoMap constant(double quarterNotesPerMinute) {
        return new TempoMap(List.of(new Change(Rational.ZERO, quarterNotesPerMinute)));
    }

    public List<Change> changes() {
        return changes;
    }

    public double tempoAt(Rational quarters) {
        double tempo = changes.get(0).quarterNotesPerMinute();
        for (Change c : changes) {
            if (c.at().compareTo(quarters) <= 0) {
                tempo = c.quarterNotesPerMinute();
            }
        }
        return tempo;
    }

    /** Seconds from the start of the piece to a position in quarter notes. */
    public double seconds(Rational quarters) {
        double q = quarters.toDouble();
        double seconds = 0;
        for (int i = 0; i < changes.size(); i++) {
            double from = changes.get(i).at().toDouble();
            if (q <= from) {
                break;
            }
            double to = i + 1 < changes.size() ? Math.min(q, changes.get(i + 1).at().toDouble()) : q;
            seconds += (to - from) * 60.0 / changes.get(i).quarterNotesPerMinute();
        }
        return seconds;
    }

    /** Position in quarter notes reached after a number of seconds. */
    public double quarters(double seconds) {
        double elapsed = 0;
        for (int i = 0; i < changes.size(); i++) {
            double from = changes.get(i).at().toDouble();
            double secondsPerQuarter = 60.0 / changes.get(i).quarterNotesPerMinute();
            if (i + 1 < changes.size()) {
                double span = (changes.get(i + 1).at().toDouble() - from) * secondsPerQuarter;
                if (elapsed + span >= seconds) {
                    return from + (seconds - elapsed) / secondsPerQuarter;
                }
                elapsed += span;
            } else {
                return from + (seconds - elapsed) / secondsPerQuarter;
            }
        }
        return 0;
    }
}
