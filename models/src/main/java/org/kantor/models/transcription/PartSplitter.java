package org.kantor.models.transcription;

import org.kantor.core.Clef;
import org.kantor.core.Instrument;
import org.kantor.core.Rational;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hears a choir or a string quartet as its four parts: the notes struck together are given to the parts from the top
 * down, choosing the parts whose last notes are nearest (continuity) and whose range fits; a part still holding its
 * note is rarely interrupted. In a choir, a part left without a note where the one beside it sings within a fourth of
 * its last note is taken to sing that note with it (a unison is heard as one note). Then each part is one line: a note
 * is held until the part's next note when the gap is at most a beat (a breath, not a rest), and cut where it starts.
 */
public final class PartSplitter {

    /** One part: its name, its usual range (MIDI), its clef and its General MIDI sound. */
    public record Line(String name, int low, int high, Clef clef, int program) {
        Instrument instrument(int channel) {
            return new Instrument(name, program, channel, false);
        }
    }

    /** The ensembles whose parts can be told apart by range and continuity. */
    public enum Ensemble {
        SATB(true, new Line("Soprano", 60, 81, Clef.TREBLE, 52), new Line("Alto", 53, 74, Clef.TREBLE, 52),
                new Line("Tenor", 48, 69, Clef.TREBLE_8VB, 52), new Line("Bass", 38, 64, Clef.BASS, 52)),
        QUARTET(false, new Line("Violin I", 55, 100, Clef.TREBLE, 40), new Line("Violin II", 55, 93, Clef.TREBLE, 40),
                new Line("Viola", 48, 84, Clef.ALTO, 41), new Line("Violoncello", 36, 76, Clef.BASS, 42));

        private final boolean unisons;
        private final List<Line> lines;

        Ensemble(boolean unisons, Line... lines) {
            this.unisons = unisons;
            this.lines = List.of(lines);
        }

        public List<Line> lines() {
            return lines;
        }

        /** Whether a note is in reach of any part (a heard note far outside is an overtone or a rumble, not music). */
        boolean inReach(int midi) {
            return midi >= lines.get(lines.size() - 1).low() - 2 && midi <= lines.get(0).high() + 2;
        }
    }

    /** A note given to a part (one heard note may be given to two parts singing it in unison). */
    public record Assigned(RhythmQuantizer.Placed note, int part, Rational onset, Rational offset) {
    }

    // Costs of giving the notes struck together to the parts, in semitones of a part's leap: a leap costs its size up
    // to an octave, each semitone out of a part's range three, cutting off a part's held note eight, a part left
    // silent two (parts mostly sing together). A unison is taken for a part within a fourth of its last note.
    private static final double MOVE_CAP = 12;
    private static final double OUT_OF_RANGE = 3;
    private static final double INTERRUPT = 8;
    private static final double SILENT_PART = 2;
    private static final int UNISON_REACH = 5;
    /** A shorter break between two sounds of one pitch is no break: the note was held. */
    private static final double UNBROKEN_SECONDS = 0.03;

    private PartSplitter() {
    }

    /**
     * The notes of each part, as lines (no overlaps), in onset order; notes out of every part's reach are left out.
     * {@code heldSound}: the notes were heard from a sound that holds its notes, so the same pitch again with no break
     * in the sound is one note swelling (a MIDI performance's repeated notes touch too, and are struck twice).
     */
    public static List<Assigned> split(List<RhythmQuantizer.Placed> notes, Ensemble ensemble, boolean heldSound) {
        Map<Rational, List<RhythmQuantizer.Placed>> byOnset = new TreeMap<>();
        for (RhythmQuantizer.Placed p : notes) {
            if (ensemble.inReach(p.note().midi())) {
                byOnset.computeIfAbsent(p.onset(), k -> new ArrayList<>()).add(p);
            }
        }
        int parts = ensemble.lines().size();
        double[] last = new double[parts];
        Rational[] busyUntil = new Rational[parts];
        for (int v = 0; v < parts; v++) {
            Line line = ensemble.lines().get(v);
            last[v] = (line.low() + line.high()) / 2.0;
            busyUntil[v] = Rational.ZERO;
        }
        List<Assigned> assigned = new ArrayList<>();
        for (Map.Entry<Rational, List<RhythmQuantizer.Placed>> entry : byOnset.entrySet()) {
            Rational onset = entry.getKey();
            List<RhythmQuantizer.Placed> group = loudestDistinct(entry.getValue(), parts);
            int[] choice = bestChoice(group, ensemble, last, busyUntil, onset);
            RhythmQuantizer.Placed[] given = new RhythmQuantizer.Placed[parts];
            for (int i = 0; i < group.size(); i++) {
                given[choice[i]] = group.get(i);
            }
            if (ensemble.unisons) {
                fillUnisons(given, ensemble, last, busyUntil, onset);
            }
            for (int v = 0; v < parts; v++) {
                if (given[v] != null) {
                    assigned.add(new Assigned(given[v], v, onset, given[v].offset()));
                    last[v] = given[v].note().midi();
                    busyUntil[v] = given[v].offset();
                }
            }
        }
        return asLines(assigned, parts, heldSound);
    }

    /** At most one note per pitch, and at most as many notes as parts: the loudest, from the top down. */
    private static List<RhythmQuantizer.Placed> loudestDistinct(List<RhythmQuantizer.Placed> group, int parts) {
        Map<Integer, RhythmQuantizer.Placed> byPitch = new TreeMap<>();
        for (RhythmQuantizer.Placed p : group) {
            byPitch.merge(p.note().midi(), p, (a, b) -> a.note().velocity() >= b.note().velocity() ? a : b);
        }
        List<RhythmQuantizer.Placed> kept = byPitch.values().stream()
                .sorted(Comparator.comparingInt((RhythmQuantizer.Placed p) -> -p.note().velocity())).limit(parts).toList();
        return kept.stream().sorted(Comparator.comparingInt((RhythmQuantizer.Placed p) -> -p.note().midi())).toList();
    }

    /** For each note of the group (highest first), the part it goes to: parts keep their order from the top down. */
    private static int[] bestChoice(List<RhythmQuantizer.Placed> group, Ensemble ensemble, double[] last, Rational[] busyUntil, Rational onset) {
        int parts = last.length;
        int[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << parts; mask++) {
            if (Integer.bitCount(mask) != group.size()) {
                continue;
            }
            int[] choice = new int[group.size()];
            double cost = 0;
            int i = 0;
            for (int v = 0; v < parts; v++) {
                boolean busy = busyUntil[v].greaterThan(onset.plus(Rational.of(1, 4)));
                if ((mask & 1 << v) != 0) {
                    int midi = group.get(i).note().midi();
                    Line line = ensemble.lines().get(v);
                    cost += Math.min(MOVE_CAP, Math.abs(midi - last[v]));
                    cost += OUT_OF_RANGE * (Math.max(0, line.low() - midi) + Math.max(0, midi - line.high()));
                    cost += busy ? INTERRUPT : 0;
                    choice[i++] = v;
                } else if (!busy) {
                    cost += SILENT_PART;
                }
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = choice;
            }
        }
        return best;
    }

    /** A free part beside a part that now sings a new note near the free part's last note sings that note with it. */
    private static void fillUnisons(RhythmQuantizer.Placed[] given, Ensemble ensemble, double[] last, Rational[] busyUntil, Rational onset) {
        boolean[] heard = new boolean[given.length];
        for (int v = 0; v < given.length; v++) {
            heard[v] = given[v] != null;
        }
        for (int v = 0; v < given.length; v++) {
            if (given[v] != null || busyUntil[v].greaterThan(onset)) {
                continue;
            }
            Line line = ensemble.lines().get(v);
            for (int neighbour : new int[] {v - 1, v + 1}) {
                if (neighbour < 0 || neighbour >= given.length || !heard[neighbour]) {
                    continue;
                }
                int midi = given[neighbour].note().midi();
                if (Math.abs(midi - last[v]) <= UNISON_REACH && midi >= line.low() && midi <= line.high()) {
                    given[v] = given[neighbour];
                    break;
                }
            }
        }
    }

    /**
     * Each part as a line: a note ends where the part's next note starts, and a gap of a beat or less is held over.
     * On a held sound, the same pitch again with no break in the sound is one held note swelling, not a note struck twice.
     */
    private static List<Assigned> asLines(List<Assigned> assigned, int parts, boolean heldSound) {
        List<Assigned> result = new ArrayList<>();
        for (int v = 0; v < parts; v++) {
            int part = v;
            List<Assigned> line = new ArrayList<>(assigned.stream().filter(a -> a.part() == part)
                    .sorted(Comparator.comparing(Assigned::onset)).toList());
            for (int i = 0; heldSound && i + 1 < line.size(); i++) {
                Assigned a = line.get(i);
                Assigned b = line.get(i + 1);
                if (a.note().note().midi() == b.note().note().midi() && b.note().note().start() - a.note().note().end() < UNBROKEN_SECONDS) {
                    line.set(i, new Assigned(a.note(), part, a.onset(), b.offset().max(a.offset())));
                    line.remove(i + 1);
                    i--;
                }
            }
            for (int i = 0; i < line.size(); i++) {
                Assigned a = line.get(i);
                Rational offset = a.offset();
                if (i + 1 < line.size()) {
                    Rational next = line.get(i + 1).onset();
                    if (offset.greaterThan(next) || !next.minus(offset).greaterThan(Rational.ONE)) {
                        offset = next;
                    }
                }
                result.add(new Assigned(a.note(), part, a.onset(), offset));
            }
        }
        result.sort(Comparator.comparing(Assigned::onset).thenComparingInt(Assigned::part));
        return result;
    }
}
