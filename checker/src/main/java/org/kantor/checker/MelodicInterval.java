package org.kantor.checker;

import java.util.List;
import org.kantor.core.theory.Interval;

/**
 * Awkward melodic intervals within a voice, from one note to the next without a rest between:
 * the augmented second (as written: F to G-sharp, not F to A-flat), and leaps larger than an octave.
 */
final class MelodicInterval implements Rule {

    private final boolean augmentedSecond;

    MelodicInterval(boolean augmentedSecond) {
        this.augmentedSecond = augmentedSecond;
    }

    @Override
    public String id() {
        return augmentedSecond ? "augmented-second" : "large-leap";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.ERROR;
    }

    @Override
    public String definition() {
        return augmentedSecond ? "A voice moves by an augmented second (one letter name, three semitones, e.g. F to G-sharp)."
                : "A voice leaps more than an octave from one note to the next.";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        for (int v = 0; v < 4; v++) {
            List<SungNote> line = chorale.voice(v);
            for (int i = 1; i < line.size(); i++) {
                SungNote from = line.get(i - 1);
                SungNote to = line.get(i);
                if (!from.end().equals(to.onset())) {
                    continue;
                }
                Interval leap = Interval.melodic(from.pitch(), to.pitch());
                boolean fault = augmentedSecond ? leap.isAugmentedSecond() : Math.abs(leap.semitones()) > 12;
                if (fault) {
                    String message = augmentedSecond
                            ? "Augmented second in the " + Chorale.VOICES[v] + ": " + from.pitch() + " to " + to.pitch()
                                    + ". Hard to sing; in minor, raise the sixth degree too or move another way."
                            : "Leap larger than an octave in the " + Chorale.VOICES[v] + ": " + from.pitch() + " to " + to.pitch() + " ("
                                    + Interval.between(from.pitch(), to.pitch()).name() + "). Keep leaps within an octave.";
                    findings.add(finding(chorale, chorale.at(to), List.of(v), message, List.of(from, to)));
                }
            }
        }
    }
}
