package org.kantor.models.transcription;

import org.kantor.core.Rational;
import org.kantor.core.TimeSignature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places performed notes on the written beat grid. Each beat is divided into 16ths, or, in simple
 * meters, into triplet eighths when the onsets inside that beat clearly sit on thirds (at least two
 * of them, close to the thirds, and much closer than to any 16th). A compound beat is divided into
 * six 16ths. A note ending just before the next note on its staff is held up to it, so that a
 * legato line is not written with a 16th rest after every note.
 */
public final class RhythmQuantizer {

    /** A performed note with its written onset and offset, in beats counted from beat 0 of the tracked grid. */
    public record Placed(PerformedNote note, Rational onset, Rational offset) {
    }

    private static final double TRIPLET_TOLERANCE = 0.08;

    private RhythmQuantizer() {
    }

    public static List<Placed> quantize(List<PerformedNote> notes, List<Double> beats, TimeSignature time) {
        Map<Integer, Integer> division = divisions(notes, beats, time);
        List<Placed> placed = new ArrayList<>();
        for (PerformedNote note : notes) {
            Rational onset = snap(MeterEstimator.position(beats, note.start()), division, time);
            Rational offset = snap(MeterEstimator.position(beats, note.end()), division, time);
            Rational step = step(onset, division, time);
            if (!offset.greaterThan(onset)) {
                offset = onset.plus(step);
            }
            placed.add(new Placed(note, onset, offset));
        }
        return holdToNextOnset(placed, division, time);
    }

    /** Subdivisions of each beat that has onsets: 4 (16ths), 3 (triplet eighths) or 6 (compound). */
    private static Map<Integer, Integer> divisions(List<PerformedNote> notes, List<Double> beats, TimeSignature time) {
        Map<Integer, List<Double>> fractions = new HashMap<>();
        for (PerformedNote note : notes) {
            double p = MeterEstimator.position(beats, note.start());
            int beat = (int) Math.floor(p);
            fractions.computeIfAbsent(beat, b -> new ArrayList<>()).add(p - beat);
        }
        Map<Integer, Integer> division = new HashMap<>();
        int plain = time.isCompound() ? 6 : 4;
        for (Map.Entry<Integer, List<Double>> entry : fractions.entrySet()) {
            division.put(entry.getKey(), time.isCompound() ? plain : choose(entry.getValue()));
        }
        return division;
    }

    private static int choose(List<Double> fractions) {
        int inside = 0;
        double tripletError = 0;
        double sixteenthError = 0;
        boolean allClose = true;
        for (double f : fractions) {
            if (f < 0.1 || f > 0.9) {
                continue; // on a beat: fits both grids
            }
            inside++;
            double third = Math.abs(f * 3 - Math.rint(f * 3)) / 3;
            double sixteenth = Math.abs(f * 4 - Math.rint(f * 4)) / 4;
            tripletError += third;
            sixteenthError += sixteenth;
            allClose &= third <= TRIPLET_TOLERANCE;
        }
        return inside >= 2 && allClose && tripletError < 0.4 * sixteenthError ? 3 : 4;
    }

    private static int divisionOf(int beat, Map<Integer, Integer> division, TimeSignature time) {
        return division.getOrDefault(beat, time.isCompound() ? 6 : 4);
    }

    static Rational snap(double position, Map<Integer, Integer> division, TimeSignature time) {
        int beat = (int) Math.floor(position);
        int parts = divisionOf(beat, division, time);
        long k = Math.round((position - beat) * parts);
        return Rational.of(beat).plus(Rational.of(k, parts));
    }

    private static Rational step(Rational at, Map<Integer, Integer> division, TimeSignature time) {
        int beat = (int) at.floor();
        return Rational.of(1, divisionOf(beat, division, time));
    }

    /** Holds each note on to the next onset after it when the gap is at most one grid step. */
    private static List<Placed> holdToNextOnset(List<Placed> placed, Map<Integer, Integer> division, TimeSignature time) {
        List<Rational> onsets = placed.stream().map(Placed::onset).distinct().sorted().toList();
        List<Placed> result = new ArrayList<>(placed.size());
        for (Placed p : placed) {
            int i = java.util.Collections.binarySearch(onsets, p.offset());
            int next = i >= 0 ? i : -i - 1;
            Rational offset = p.offset();
            if (next < onsets.size()) {
                Rational gap = onsets.get(next).minus(p.offset());
                if (gap.isPositive() && !gap.greaterThan(step(p.offset(), division, time)) && onsets.get(next).greaterThan(p.onset())) {
                    offset = onsets.get(next);
                }
            }
            result.add(new Placed(p.note(), p.onset(), offset));
        }
        return result;
    }
}
