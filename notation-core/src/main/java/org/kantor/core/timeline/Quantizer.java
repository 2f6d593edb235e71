package org.kantor.core.timeline;

import java.util.ArrayList;
import java.util.List;
import org.kantor.core.Rational;

/** Snaps onsets and offsets to a grid (a 16th is 1/4 of a quarter); no note is shorter than one step. */
public final class Quantizer {

    private Quantizer() {
    }

    public static Timeline toGrid(Timeline timeline, Rational step) {
        List<TimedNote> out = new ArrayList<>();
        for (TimedNote n : timeline.notes()) {
            Rational onset = snap(n.onset(), step);
            Rational offset = snap(n.offset(), step);
            if (!offset.greaterThan(onset)) {
                offset = onset.plus(step);
            }
            out.add(n.withTimes(onset, offset));
        }
        return timeline.withNotes(out);
    }

    /** The grid position nearest to {@code value}; halfway rounds up. */
    public static Rational snap(Rational value, Rational step) {
        Rational steps = value.dividedBy(step);
        long whole = steps.floor();
        Rational fraction = steps.minus(Rational.of(whole));
        if (!fraction.lessThan(Rational.of(1, 2))) {
            whole++;
        }
        return step.times(whole);
    }
}
