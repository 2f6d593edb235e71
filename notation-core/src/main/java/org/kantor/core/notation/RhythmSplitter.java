package org.kantor.core.notation;

import java.util.ArrayList;
import java.util.List;
import org.kantor.core.Duration;
import org.kantor.core.Rational;
import org.kantor.core.TimeSignature;

/**
 * Splits a span of a measure into written values tied together, following the conventions of
 * engraving guides (Gould, "Behind Bars"): a value may not hide a metric position stronger than the
 * one it starts on (in 4/4 a dotted quarter on beat 2 becomes quarter + eighth, showing the middle
 * of the bar), a value that crosses a beat must end on a beat unless it is a dotted value starting on
 * a beat (a dotted quarter on beat 1 stays), and in compound meters beats stay visible (a half note
 * at the start of 6/8 becomes dotted quarter + eighth). Rests are stricter: no dots in simple meters,
 * and a rest never hides a beat it does not start on.
 */
public final class RhythmSplitter {

    /** One written piece: where it starts and how it is written. */
    public record Piece(Rational start, Duration duration) {
        public Rational end() {
            return start.plus(duration.quarters());
        }
    }

    private static final int BEAT_LEVEL = 2;

    private final TimeSignature time;
    private final Rational measureLength;

    public RhythmSplitter(TimeSignature time, Rational measureLength) {
        this.time = time;
        this.measureLength = measureLength;
    }

    public RhythmSplitter(TimeSignature time) {
        this(time, time.measureLength());
    }

    /** Written pieces of a note sounding from {@code start} to {@code end} (offsets within the measure). */
    public List<Piece> splitNote(Rational start, Rational end) {
        List<Piece> out = new ArrayList<>();
        split(start, end, false, out);
        return out;
    }

    /** Written pieces of a silence from {@code start} to {@code end}. */
    public List<Piece> splitRest(Rational start, Rational end) {
        List<Piece> out = new ArrayList<>();
        split(start, end, true, out);
        return out;
    }

    private void split(Rational start, Rational end, boolean rest, List<Piece> out) {
        if (!end.greaterThan(start)) {
            return;
        }
        Duration single = acceptable(start, end, rest);
        if (single != null) {
            out.add(new Piece(start, single));
            return;
        }
        Rational at = time.strongestPositionInside(start, end);
        if (at == null) {
            Duration tuplet = Duration.fromQuartersWithTuplets(end.minus(start), 0);
            if (tuplet == null) {
                throw new IllegalArgumentException("cannot write a value of " + end.minus(start) + " quarter notes");
            }
            out.add(new Piece(start, tuplet));
            return;
        }
        split(start, at, rest, out);
        split(at, end, rest, out);
    }

    /** The single value for the span if convention allows one, else null. */
    private Duration acceptable(Rational start, Rational end, boolean rest) {
        int maxDots = rest && !time.isCompound() ? 0 : 1;
        Duration d = Duration.fromQuarters(end.minus(start), maxDots);
        if (d == null) {
            return null;
        }
        Rational inside = time.strongestPositionInside(start, end);
        if (inside == null) {
            return d;
        }
        int startLevel = time.levelAt(start);
        int insideLevel = time.levelAt(inside);
        if (rest ? insideLevel <= startLevel : insideLevel < startLevel) {
            return null;
        }
        if (insideLevel <= BEAT_LEVEL && !endsOnBeat(end)) {
            boolean dottedFromBeat = !time.isCompound() && d.dots() == 1 && startLevel <= BEAT_LEVEL
                    && time.levelAt(start.plus(d.type().quarters())) <= BEAT_LEVEL && !rest;
            if (!dottedFromBeat) {
                return null;
            }
        }
        return d;
    }

    private boolean endsOnBeat(Rational end) {
        return end.compareTo(measureLength) >= 0 || time.levelAt(end) <= BEAT_LEVEL;
    }
}
