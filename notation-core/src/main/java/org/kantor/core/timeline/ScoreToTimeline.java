package org.kantor.core.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kantor.core.Measure;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TempoMark;

/** Turns written notes into sounding notes: tied notes become one note, grace notes are left out. */
public final class ScoreToTimeline {

    public static final int DEFAULT_VELOCITY = 80;

    private ScoreToTimeline() {
    }

    public static Timeline convert(Score score) {
        List<TimedNote> notes = new ArrayList<>();
        List<Timeline.MeterChange> meters = new ArrayList<>();
        List<Timeline.KeyChange> keys = new ArrayList<>();
        List<TempoMap.Change> tempos = new ArrayList<>();
        List<Timeline.PartInfo> parts = new ArrayList<>();
        List<Rational> measureStarts = measureStarts(score);

        for (int p = 0; p < score.parts().size(); p++) {
            Part part = score.parts().get(p);
            parts.add(new Timeline.PartInfo(part.name(), part.staves(), part.instrument()));
            // a tie continues the last note of the same pitch in the same part that is still open
            Map<Integer, Integer> openTies = new HashMap<>();
            for (int m = 0; m < part.measures().size(); m++) {
                Measure measure = part.measures().get(m);
                Rational start = m < measureStarts.size() ? measureStarts.get(m) : measureStarts.get(measureStarts.size() - 1);
                if (p == 0) {
                    addMeterAndKey(measure, start, meters, keys);
                }
                for (TempoMark t : measure.tempos()) {
                    tempos.add(new TempoMap.Change(start.plus(t.offset()), t.quarterNotesPerMinute()));
                }
                for (var voice : measure.voices()) {
                    for (Note n : voice.notes()) {
                        if (n.grace() || !n.length().isPositive()) {
                            continue;
                        }
                        Rational onset = start.plus(n.offset());
                        Rational offset = onset.plus(n.length());
                        Integer open = openTies.get(n.midiKey());
                        if (n.tie().stopsTie() && open != null && notes.get(open).offset().equals(onset)) {
                            notes.set(open, notes.get(open).withTimes(notes.get(open).onset(), offset));
                        } else {
                            notes.add(new TimedNote(n.midiKey(), onset, offset, DEFAULT_VELOCITY, p, voice.id(), n.staff(), n.pitch()));
                            open = notes.size() - 1;
                        }
                        if (n.tie().startsTie()) {
                            openTies.put(n.midiKey(), open);
                        } else {
                            openTies.remove(n.midiKey());
                        }
                    }
                }
            }
        }
        Rational pickup = Rational.ZERO;
        if (!score.parts().isEmpty() && !score.parts().get(0).measures().isEmpty()) {
            Measure first = score.parts().get(0).measures().get(0);
            if (first.isIncomplete()) {
                pickup = first.length();
            }
        }
        return new Timeline(notes, new TempoMap(tempos), meters, keys, parts, pickup);
    }

    /** Start of every measure in quarter notes, following the first part. */
    public static List<Rational> measureStarts(Score score) {
        List<Rational> starts = new ArrayList<>();
        Rational at = Rational.ZERO;
        if (!score.parts().isEmpty()) {
            for (Measure m : score.parts().get(0).measures()) {
                starts.add(at);
                at = at.plus(m.length());
            }
        }
        if (starts.isEmpty()) {
            starts.add(Rational.ZERO);
        }
        return starts;
    }

    private static void addMeterAndKey(Measure measure, Rational start, List<Timeline.MeterChange> meters, List<Timeline.KeyChange> keys) {
        if (meters.isEmpty() || !meters.get(meters.size() - 1).time().equals(measure.time())) {
            meters.add(new Timeline.MeterChange(start, measure.time()));
        }
        if (keys.isEmpty() || !keys.get(keys.size() - 1).key().equals(measure.key())) {
            keys.add(new Timeline.KeyChange(start, measure.key()));
        }
    }
}
