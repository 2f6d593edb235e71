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
    /** Half the width of the band around a 16th position (in beats) that counts as on it. */
    private static final double SIXTEENTH_BAND = 0.05;
    /** How many times denser onsets must be near the 16ths than between the grid lines for the piece to have 16ths. */
    private static final double SIXTEENTH_EVIDENCE = 1.5;

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
        List<Double> all = new ArrayList<>();
        for (PerformedNote note : notes) {
            double p = MeterEstimator.position(beats, note.start());
            int beat = (int) Math.floor(p);
            fractions.computeIfAbsent(beat, b -> new ArrayList<>()).add(p - beat);
            all.add(p - beat);
        }
        Map<Integer, Integer> division = new HashMap<>();
        int plain = time.isCompound() ? 6 : sixteenthsHeard(all) ? 4 : 2;
        for (Map.Entry<Integer, List<Double>> entry : fractions.entrySet()) {
            division.put(entry.getKey(), time.isCompound() ? plain : choose(entry.getValue(), plain));
        }
        return division;
    }

    /**
     * Whether the piece has 16ths at all: onsets cluster at a quarter and three quarters of the beat well above the
     * density between the grid lines. Where they do not, what lands near a 16th is an eighth or a beat played late or
     * early (a slow attack, a rubato), and writing it as a 16th would fill the page with tied 16ths and 16th rests.
     */
    static boolean sixteenthsHeard(List<Double> fractions) {
        int near = 0;
        int between = 0;
        for (double f : fractions) {
            double toSixteenth = Math.min(Math.abs(f - 0.25), Math.abs(f - 0.75));
            double toEighth = Math.min(Math.min(Math.abs(f), Math.abs(f - 1)), Math.abs(f - 0.5));
            if (toSixteenth <= SIXTEENTH_BAND) {
                near++;
            } else if (toEighth > SIXTEENTH_BAND) {
                between++; // off the 16th grid: where only timing spreads onsets
            }
        }
        double nearDensity = near / (4 * SIXTEENTH_BAND);
        double betweenDensity = between / (1 - 8 * SIXTEENTH_BAND);
        return near >= 4 && nearDensity > SIXTEENTH_EVIDENCE * betweenDensity;
    }

    private static int choose(List<Double> fractions, int plain) {
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
        return inside >= 2 && allClose && tripletError < 0.4 * sixteenthError ? 3 : plain;
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
