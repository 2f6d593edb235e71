package org.kantor.harmonizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kantor.checker.MelodyLine;
import org.kantor.core.Chord;
import org.kantor.core.Clef;
import org.kantor.core.ClefChange;
import org.kantor.core.Instrument;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Rest;
import org.kantor.core.Score;
import org.kantor.core.Voice;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.core.timeline.TempoMap;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.core.timeline.TimelineToScore;
import org.kantor.models.harmony.PianoRoll;

/**
 * Writes sampled voices as choir parts in the measures of the original score: one note per run of
 * the same pitch, re-struck wherever the melody moves (the JSB rolls do not say held from repeated;
 * chorale texture re-strikes with the melody), fermatas where the melody has them, the voice's clef
 * (tenor in the octave treble clef) and a choir sound.
 */
final class ChoirParts {

    private static final int CHOIR_AAHS = 52;

    private ChoirParts() {
    }

    /**
     * @param roll {@code [step][voice]} sampled pitches (already moved back to the melody's key)
     * @param voices which voices to write, in score order
     * @param repeatSteps 16th-note steps where a voice that keeps its pitch strikes it again (elsewhere it holds)
     */
    static Score build(int[][] roll, List<Integer> voices, Set<Integer> repeatSteps, Set<Rational> fermatas,
                       List<MeasureLayout.Slot> slots, int firstChannel) {
        List<TimedNote> notes = new ArrayList<>();
        List<Timeline.PartInfo> infos = new ArrayList<>();
        for (int i = 0; i < voices.size(); i++) {
            int voice = voices.get(i);
            String name = capitalised(PianoRoll.VOICE_NAMES[voice]);
            infos.add(new Timeline.PartInfo(name, 1, new Instrument(name, CHOIR_AAHS, Math.min(16, firstChannel + i), false)));
            int t = 0;
            while (t < roll.length) {
                int pitch = roll[t][voice];
                if (pitch == PianoRoll.SILENT) {
                    t++;
                    continue;
                }
                int end = t + 1;
                while (end < roll.length && roll[end][voice] == pitch && !repeatSteps.contains(end)) {
                    end++;
                }
                notes.add(new TimedNote(pitch, MelodyLine.STEP.times(t), MelodyLine.STEP.times(end), 80, i, "1", 1, null));
                t = end;
            }
        }
        Timeline timeline = new Timeline(notes, TempoMap.constant(TempoMap.DEFAULT_TEMPO), List.of(), List.of(), infos, Rational.ZERO);
        Score score = TimelineToScore.convert(timeline, new TimelineToScore.Options(null, null, null), slots);
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < score.parts().size(); i++) {
            parts.add(finish(score.parts().get(i), voices.get(i), fermatas, slots));
        }
        return new Score(null, null, parts);
    }

    private static Part finish(Part part, int voice, Set<Rational> fermatas, List<MeasureLayout.Slot> slots) {
        Clef clef = switch (voice) {
            case 2 -> Clef.TREBLE_8VB;
            case 3 -> Clef.BASS;
            default -> Clef.TREBLE;
        };
        List<Measure> measures = new ArrayList<>();
        for (int m = 0; m < part.measures().size(); m++) {
            Measure measure = part.measures().get(m);
            Rational start = slots.get(m).start();
            List<Voice> voices = new ArrayList<>();
            for (Voice v : measure.voices()) {
                List<MusicEvent> events = new ArrayList<>();
                for (MusicEvent e : v.events()) {
                    events.add(fermatas.contains(start.plus(e.offset())) ? withFermata(e) : e);
                }
                voices.add(new Voice(v.id(), events));
            }
            List<ClefChange> clefs = m == 0 ? List.of(new ClefChange(Rational.ZERO, 1, clef)) : measure.clefs();
            measures.add(new Measure(measure.number(), measure.implicit(), measure.length(), measure.time(), measure.key(), voices, clefs, List.of()));
        }
        return new Part(part.id(), part.name(), part.abbreviation(), 1, part.instrument(), measures);
    }

    /**
     * Two one-voice scores on one staff: the upper as voice 1, the lower as voice 2 (stems up and down),
     * under a new name and clef.
     */
    static Score sharedStaff(Score upper, Score lower, String name, Clef clef) {
        Part top = upper.parts().get(0);
        Part bottom = lower.parts().get(0);
        List<Measure> measures = new ArrayList<>();
        for (int m = 0; m < top.measures().size(); m++) {
            Measure a = top.measures().get(m);
            List<Voice> voices = new ArrayList<>();
            a.voices().forEach(v -> voices.add(new Voice("1", v.events())));
            bottom.measures().get(m).voices().forEach(v -> voices.add(new Voice("2", v.events())));
            List<ClefChange> clefs = m == 0 ? List.of(new ClefChange(Rational.ZERO, 1, clef)) : a.clefs();
            measures.add(new Measure(a.number(), a.implicit(), a.length(), a.time(), a.key(), voices, clefs, a.tempos()));
        }
        Instrument sound = new Instrument(name, top.instrument().midiProgram(), top.instrument().midiChannel(), top.instrument().percussion());
        return new Score(upper.title(), upper.composer(), List.of(new Part(top.id(), name, null, 1, sound, measures)));
    }

    private static MusicEvent withFermata(MusicEvent e) {
        if (e instanceof Note n && !n.tie().stopsTie()) {
            return new Note(n.offset(), n.length(), n.duration(), n.pitch(), n.tie(), n.staff(), true, n.lyrics(), n.grace());
        }
        if (e instanceof Chord c) {
            List<Note> notes = new ArrayList<>();
            for (Note n : c.notes()) {
                notes.add((Note) withFermata(n));
            }
            return new Chord(notes);
        }
        if (e instanceof Rest r) {
            return new Rest(r.offset(), r.length(), r.duration(), r.staff(), true, r.wholeMeasure());
        }
        return e;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
