package org.kantor.tools.drums;

import java.util.List;
import org.kantor.core.Measure;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.musicxml.ScoreFileException;

/**
 * Where the drum models' 16th-note grid lies in a score: from the first beat of the first full bar
 * (after a pickup), in 4/4 throughout (the Groove MIDI Dataset's meter) or 2/2, whose bar is the same.
 *
 * @param start the grid's step 0, in quarter notes from the start of the score
 */
public record DrumGrid(List<Measure> measures, int firstMeasure, Rational start) {

    /**
     * The grid of a score's measures; a meter other than 4/4 among the first {@code bars} full bars (all
     * of them when null) is refused with the measure that has it.
     */
    public static DrumGrid of(Score score, String file, Integer bars) throws ScoreFileException {
        if (score.parts().isEmpty() || score.parts().get(0).measures().isEmpty()) {
            throw new ScoreFileException(file, "the score has no measures to play drums to");
        }
        List<Measure> measures = score.parts().get(0).measures();
        int first = measures.size() > 1 && measures.get(0).isIncomplete() ? 1 : 0;
        int last = bars == null ? measures.size() : Math.min(measures.size(), first + bars);
        for (int i = first; i < last; i++) {
            Measure m = measures.get(i);
            if (!playable(m.time())) {
                int fullBars = i - first;
                throw new ScoreFileException(file, null, m.number(), "bar " + (i + 1) + " of the score is in " + m.time()
                        + "; the drum models play 4/4 (or 2/2, the same bar of four quarter notes) only, the meter of the performances"
                        + " they learned from"
                        + (fullBars > 0 ? "; --bars " + fullBars + " plays the bars before it" : ""));
            }
        }
        return new DrumGrid(measures, first, first == 1 ? measures.get(0).length() : Rational.ZERO);
    }

    /** 4/4, the Groove MIDI Dataset's meter, or cut time, whose bar holds the same four quarter notes. */
    static boolean playable(TimeSignature time) {
        return time.equals(TimeSignature.COMMON) || time.equals(TimeSignature.of(2, 2));
    }

    /** The nearest step of the grid to a position in quarter notes (negative in a pickup). */
    public int step(Rational onset) {
        return (int) Math.round(onset.minus(start).times(4).toDouble());
    }

    /** Steps from the grid's start to the end of the score. */
    public int steps() {
        Rational total = Rational.ZERO;
        for (Measure m : measures.subList(firstMeasure, measures.size())) {
            total = total.plus(m.length());
        }
        return Math.max(1, (int) Math.round(total.times(4).toDouble()));
    }

    /** A position on the grid, in quarter notes from the start of the score. */
    public Rational quarters(int step) {
        return start.plus(Rational.of(step, 4));
    }
}
