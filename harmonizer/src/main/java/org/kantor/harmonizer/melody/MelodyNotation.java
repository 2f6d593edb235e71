package org.kantor.harmonizer.melody;

import java.util.ArrayList;
import java.util.List;
import org.kantor.core.Instrument;
import org.kantor.core.KeySignature;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.core.timeline.TempoMap;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.core.timeline.TimelineToScore;
import org.kantor.checker.MelodyLine;
import org.kantor.models.melody.Melody;
import org.kantor.models.melody.MelodyVocabulary;

/** From melody tokens to notes on the timeline and to a one-part score laid out in given measures. */
public final class MelodyNotation {

    private MelodyNotation() {
    }

    /** The notes of {@code tokens}, the first step at {@code start} (quarter notes). */
    public static List<TimedNote> notes(int[] tokens, Rational start) {
        List<TimedNote> notes = new ArrayList<>();
        int pitch = -1;
        int onset = 0;
        for (int s = 0; s <= tokens.length; s++) {
            int t = s < tokens.length ? tokens[s] : MelodyVocabulary.REST;
            if (t == MelodyVocabulary.HOLD) {
                continue;
            }
            if (pitch >= 0) {
                notes.add(new TimedNote(pitch, start.plus(MelodyLine.STEP.times(onset)), start.plus(MelodyLine.STEP.times(s)), 80, 0, "1", 1, null));
            }
            pitch = MelodyVocabulary.isNote(t) ? MelodyVocabulary.pitch(t) : -1;
            onset = s;
        }
        return notes;
    }

    /** One part holding {@code notes}, notated in the measures {@code slots}, rests elsewhere. */
    public static Score onePart(List<TimedNote> notes, List<MeasureLayout.Slot> slots, String name, Instrument instrument) {
        Timeline timeline = new Timeline(notes, TempoMap.constant(TempoMap.DEFAULT_TEMPO), List.of(), List.of(),
                List.of(new Timeline.PartInfo(name, 1, instrument)), Rational.ZERO);
        return TimelineToScore.convert(timeline, new TimelineToScore.Options(null, null, null), slots);
    }

    /** {@code count} full measures of one meter and key from {@code start} on, numbered from {@code firstNumber}. */
    public static List<MeasureLayout.Slot> measures(Rational start, int count, TimeSignature time, KeySignature key, int firstNumber) {
        List<MeasureLayout.Slot> slots = new ArrayList<>();
        Rational at = start;
        for (int i = 0; i < count; i++) {
            slots.add(new MeasureLayout.Slot(Integer.toString(firstNumber + i), false, at, time.measureLength(), time, key));
            at = at.plus(time.measureLength());
        }
        return slots;
    }

    /** Steps' positions in the measure for {@code measures} full measures of {@code time}. */
    public static int[] positions(TimeSignature time, int measures) {
        int per = Melody.stepsPerMeasure(time);
        int[] p = new int[per * measures];
        for (int i = 0; i < p.length; i++) {
            p[i] = i % per;
        }
        return p;
    }
}
