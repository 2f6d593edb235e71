package org.kantor.core.timeline;

import java.util.ArrayList;
import java.util.List;
import org.kantor.core.KeySignature;
import org.kantor.core.Rational;
import org.kantor.core.TimeSignature;

/** The measures a timeline falls into: a pickup if there is one, then full measures of the meter in force. */
public final class MeasureLayout {

    /** One measure's place on the timeline. */
    public record Slot(String number, boolean implicit, Rational start, Rational length, TimeSignature time, KeySignature key) {
        public Rational end() {
            return start.plus(length);
        }
    }

    private MeasureLayout() {
    }

    /** The measures of an existing score, as its first part has them: numbers as printed, pickups, lengths. */
    public static List<Slot> of(org.kantor.core.Score score) {
        List<Slot> slots = new ArrayList<>();
        Rational at = Rational.ZERO;
        if (!score.parts().isEmpty()) {
            for (org.kantor.core.Measure m : score.parts().get(0).measures()) {
                slots.add(new Slot(m.number(), m.implicit(), at, m.length(), m.time(), m.key()));
                at = at.plus(m.length());
            }
        }
        return slots;
    }

    public static List<Slot> of(Timeline timeline) {
        List<Slot> slots = new ArrayList<>();
        Rational end = timeline.end();
        Rational at = Rational.ZERO;
        int number = 1;
        if (timeline.pickup().isPositive()) {
            slots.add(new Slot("0", true, at, timeline.pickup(), timeline.meterAt(at), timeline.keyAt(at)));
            at = timeline.pickup();
        }
        do {
            TimeSignature time = timeline.meterAt(at);
            Rational length = time.measureLength();
            // a meter change that falls inside this measure starts a new one there
            for (Timeline.MeterChange change : timeline.meters()) {
                if (change.at().greaterThan(at) && change.at().lessThan(at.plus(length))) {
                    length = change.at().minus(at);
                    break;
                }
            }
            boolean incomplete = length.lessThan(time.measureLength());
            slots.add(new Slot(Integer.toString(number), incomplete && !slots.isEmpty(), at, length, time, timeline.keyAt(at)));
            number++;
            at = at.plus(length);
        } while (at.lessThan(end));
        return slots;
    }
}
