package org.kantor.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A meter: one or more numerators over a beat type. {@code 3+2/8} is additive, with numerators [3, 2].
 * Knows its beats and its metric hierarchy, which drive how durations are split and how notes are beamed.
 */
public record TimeSignature(List<Integer> numerators, int beatType) {

    public static final TimeSignature COMMON = of(4, 4);

    public TimeSignature {
        numerators = List.copyOf(numerators);
        if (numerators.isEmpty() || numerators.stream().anyMatch(n -> n <= 0)) {
            throw new IllegalArgumentException("time signature numerators must be positive: " + numerators);
        }
        if (beatType <= 0 || Integer.bitCount(beatType) != 1) {
            throw new IllegalArgumentException("time signature denominator must be a power of two: " + beatType);
        }
    }

    public static TimeSignature of(int numerator, int beatType) {
        return new TimeSignature(List.of(numerator), beatType);
    }

    /** Parses "4/4", "6/8", "3+2/8", "C" (common time) and "C|" (cut time). */
    public static TimeSignature parse(String text) {
        String s = text.trim();
        if (s.equalsIgnoreCase("C")) {
            return COMMON;
        }
        if (s.equalsIgnoreCase("C|")) {
            return of(2, 2);
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a time signature: " + text + " (expected e.g. 3/4 or 6/8)");
        }
        List<Integer> nums = new ArrayList<>();
        try {
            for (String part : s.substring(0, slash).split("\\+")) {
                nums.add(Integer.parseInt(part.trim()));
            }
            return new TimeSignature(nums, Integer.parseInt(s.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a time signature: " + text + " (expected e.g. 3/4 or 6/8)", e);
        }
    }

    public int totalNumerator() {
        return numerators.stream().mapToInt(Integer::intValue).sum();
    }

    /** Length of one beat-type unit in quarter notes: an eighth is 1/2. */
    public Rational unit() {
        return Rational.of(4, beatType);
    }

    /** Length of a full measure in quarter notes: 6/8 is 3. */
    public Rational measureLength() {
        return unit().times(totalNumerator());
    }

    public boolean isAdditive() {
        return numerators.size() > 1;
    }

    /** 6/8, 9/8, 12/8, 6/4, 3/8 ...: beats are dotted values divided in three. */
    public boolean isCompound() {
        int n = totalNumerator();
        return !isAdditive() && n % 3 == 0 && (n > 3 || beatType >= 8);
    }

    /** Beat lengths in quarter notes, in order: 6/8 gives [3/2, 3/2]; 3+2/8 gives [3/2, 1]; 7/8 gives [1, 1, 3/2]. */
    public List<Rational> beats() {
        List<Rational> beats = new ArrayList<>();
        int n = totalNumerator();
        if (isAdditive()) {
            numerators.forEach(g -> beats.add(unit().times(g)));
        } else if (isCompound()) {
            for (int i = 0; i < n / 3; i++) {
                beats.add(unit().times(3));
            }
        } else if (beatType >= 8 && (n == 5 || n == 7)) {
            // irregular meters: conventional groupings 3+2 and 2+2+3
            int[] groups = n == 5 ? new int[] {3, 2} : new int[] {2, 2, 3};
            for (int g : groups) {
                beats.add(unit().times(g));
            }
        } else {
            for (int i = 0; i < n; i++) {
                beats.add(unit());
            }
        }
        return beats;
    }

    /** Start of each beat in quarter notes from the barline. */
    public List<Rational> beatStarts() {
        List<Rational> starts = new ArrayList<>();
        Rational at = Rational.ZERO;
        for (Rational b : beats()) {
            starts.add(at);
            at = at.plus(b);
        }
        return starts;
    }

    /** The beat (0-based) that contains an offset within the measure. */
    public int beatIndexAt(Rational offset) {
        List<Rational> starts = beatStarts();
        for (int i = starts.size() - 1; i >= 0; i--) {
            if (!offset.lessThan(starts.get(i))) {
                return i;
            }
        }
        return 0;
    }

    /** The length of the beat-type unit, used to number beats from 1 for a listener counting in the beat type. */
    public Rational beatUnitForCounting() {
        return isCompound() ? unit().times(3) : unit();
    }

    /**
     * Metric strength of a position in the measure: 0 the downbeat, 1 the middle of a four-beat bar,
     * 2 a beat, 3 the first division of a beat, 4 the next ... Lower is stronger.
     */
    public int levelAt(Rational offset) {
        if (offset.isZero()) {
            return 0;
        }
        List<Rational> starts = beatStarts();
        List<Rational> beats = beats();
        if (beats.size() == 4 && offset.equals(starts.get(2))) {
            return 1;
        }
        int beat = beatIndexAt(offset);
        Rational within = offset.minus(starts.get(beat));
        if (within.isZero()) {
            return 2;
        }
        Rational division = firstDivision(beats.get(beat));
        int level = 3;
        while (!within.isMultipleOf(division) && level < 40) {
            division = division.dividedBy(2);
            level++;
        }
        return level;
    }

    /** The earliest position strictly between {@code start} and {@code end} with the strongest level, or null. */
    public Rational strongestPositionInside(Rational start, Rational end) {
        Rational best = null;
        int bestLevel = Integer.MAX_VALUE;
        for (Rational candidate : candidatePositions(start, end)) {
            int level = levelAt(candidate);
            if (level < bestLevel) {
                best = candidate;
                bestLevel = level;
            }
        }
        return best;
    }

    private List<Rational> candidatePositions(Rational start, Rational end) {
        // every position of the finest division needed to express start and end is a candidate
        List<Rational> out = new ArrayList<>();
        List<Rational> starts = beatStarts();
        List<Rational> beats = beats();
        Rational fine = Rational.ONE;
        for (Rational b : beats) {
            fine = fine.min(firstDivision(b));
        }
        while ((!start.isMultipleOf(fine) || !end.isMultipleOf(fine)) && fine.numerator() > 0 && fine.denominator() < (1L << 20)) {
            fine = fine.dividedBy(2);
        }
        if (!start.isMultipleOf(fine) || !end.isMultipleOf(fine)) {
            // tuplet positions: use the exact boundaries of the beats only
            for (Rational s : starts) {
                if (s.greaterThan(start) && s.lessThan(end)) {
                    out.add(s);
                }
            }
            return out;
        }
        for (Rational p = start.plus(fine); p.lessThan(end); p = p.plus(fine)) {
            out.add(p);
        }
        return out;
    }

    private static Rational firstDivision(Rational beat) {
        // a dotted beat divides in three, a plain one in two
        Rational third = beat.dividedBy(3);
        return NoteType.ofQuarters(third) != null ? third : beat.dividedBy(2);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < numerators.size(); i++) {
            sb.append(i == 0 ? "" : "+").append(numerators.get(i));
        }
        return sb.append('/').append(beatType).toString();
    }
}
