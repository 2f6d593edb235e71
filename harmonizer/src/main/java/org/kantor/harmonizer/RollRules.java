package org.kantor.harmonizer;

import org.kantor.checker.VoiceRange;
import org.kantor.models.harmony.PianoRoll;

/**
 * Counts voice-leading faults in a four-voice piano roll, the same way for Bach's chorales and for
 * Kantor's harmonizations, so the two rates can be compared. A note is a new pitch in a voice (the
 * JSB rolls do not mark repeated notes). Between two successive sonorities, two voices that both move
 * in the same direction from a perfect fifth (or twelfth ...) to a perfect fifth make parallel fifths;
 * from an octave or unison to an octave or unison, parallel octaves. A voice below the voice written
 * under it is a crossing, counted once per sonority. A note outside the textbook range of its voice is
 * out of range.
 */
public final class RollRules {

    /** Totals over one or more rolls. */
    public record Counts(long notes, long parallelFifths, long parallelOctaves, long crossings, long outOfRange) {
        public Counts plus(Counts o) {
            return new Counts(notes + o.notes, parallelFifths + o.parallelFifths, parallelOctaves + o.parallelOctaves,
                    crossings + o.crossings, outOfRange + o.outOfRange);
        }

        public double perNote(long count) {
            return notes == 0 ? 0 : (double) count / notes;
        }
    }

    public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

    private RollRules() {
    }

    /** @param roll {@code [step][voice]} MIDI pitches or {@link PianoRoll#SILENT} */
    public static Counts count(int[][] roll) {
        long notes = 0;
        long fifths = 0;
        long octaves = 0;
        long crossings = 0;
        long outOfRange = 0;
        int[] previous = null;
        for (int t = 0; t < roll.length; t++) {
            int[] now = roll[t];
            boolean changed = previous == null;
            for (int v = 0; v < PianoRoll.VOICES; v++) {
                boolean newNote = now[v] != PianoRoll.SILENT && (previous == null || previous[v] != now[v]);
                if (newNote) {
                    notes++;
                    changed = true;
                    if (!VoiceRange.TEXTBOOK[v].contains(now[v])) {
                        outOfRange++;
                    }
                }
            }
            if (!changed) {
                continue;
            }
            for (int v = 0; v + 1 < PianoRoll.VOICES; v++) {
                if (now[v] != PianoRoll.SILENT && now[v + 1] != PianoRoll.SILENT && now[v] < now[v + 1]) {
                    crossings++;
                }
            }
            if (previous != null) {
                for (int a = 0; a < PianoRoll.VOICES; a++) {
                    for (int b = a + 1; b < PianoRoll.VOICES; b++) {
                        int kind = parallel(previous[a], previous[b], now[a], now[b]);
                        if (kind == 7) {
                            fifths++;
                        } else if (kind == 0) {
                            octaves++;
                        }
                    }
                }
            }
            previous = now.clone();
        }
        return new Counts(notes, fifths, octaves, crossings, outOfRange);
    }

    /** 7 for parallel fifths, 0 for parallel octaves/unisons, -1 otherwise. */
    static int parallel(int a1, int b1, int a2, int b2) {
        if (a1 == PianoRoll.SILENT || b1 == PianoRoll.SILENT || a2 == PianoRoll.SILENT || b2 == PianoRoll.SILENT) {
            return -1;
        }
        int moveA = Integer.signum(a2 - a1);
        int moveB = Integer.signum(b2 - b1);
        if (moveA == 0 || moveA != moveB) {
            return -1;
        }
        int before = Math.floorMod(Math.abs(a1 - b1), 12);
        int after = Math.floorMod(Math.abs(a2 - b2), 12);
        if (before == 7 && after == 7) {
            return 7;
        }
        if (before == 0 && after == 0) {
            return 0;
        }
        return -1;
    }
}
