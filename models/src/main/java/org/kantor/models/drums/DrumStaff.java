package org.kantor.models.drums;

import java.util.ArrayList;
import java.util.List;
import org.kantor.core.Chord;
import org.kantor.core.Clef;
import org.kantor.core.ClefChange;
import org.kantor.core.Duration;
import org.kantor.core.Instrument;
import org.kantor.core.KeySignature;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.NoteType;
import org.kantor.core.Part;
import org.kantor.core.Pitch;
import org.kantor.core.Rational;
import org.kantor.core.Rest;
import org.kantor.core.Step;
import org.kantor.core.Tie;
import org.kantor.core.TimeSignature;
import org.kantor.core.Unpitched;
import org.kantor.core.Voice;

/**
 * A drum pattern as a drummer reads it: one five-line percussion staff, the hands in voice 1 (stems
 * up) and the bass drum in voice 2 (stems down), each drum on its conventional line or space (bass
 * drum F4, snare C5, toms E5 D5 A4, cymbals above the staff with x noteheads, the open hi-hat with a
 * circled x). Within each beat a stroke lasts until the next one of its voice or the end of the beat,
 * so the rhythms are the 16th, 8th, dotted-8th and quarter figures of drum charts, beamed by beat,
 * with no ties; empty beats are quarter or half rests, an empty bar a whole-bar rest.
 */
public final class DrumStaff {

    /** General MIDI percussion lives on channel 10. */
    public static final Instrument DRUM_SET = new Instrument("Drum Set", 0, 10, true);
    private static final int STEPS_PER_BEAT = 4;
    private static final Rational STEP = Rational.of(1, 4);

    private DrumStaff() {
    }

    /** Where a drum sits on the staff, how it is written, and which voice plays it. */
    record Placement(Pitch position, String notehead, boolean feet) {
    }

    static Placement placement(DrumClass drum) {
        return switch (drum) {
            case KICK -> new Placement(Pitch.of(Step.F, 0, 4), "normal", true);
            case SNARE -> new Placement(Pitch.of(Step.C, 0, 5), "normal", false);
            case CLOSED_HI_HAT -> new Placement(Pitch.of(Step.G, 0, 5), "x", false);
            case OPEN_HI_HAT -> new Placement(Pitch.of(Step.G, 0, 5), "circle-x", false);
            case LOW_TOM -> new Placement(Pitch.of(Step.A, 0, 4), "normal", false);
            case MID_TOM -> new Placement(Pitch.of(Step.D, 0, 5), "normal", false);
            case HIGH_TOM -> new Placement(Pitch.of(Step.E, 0, 5), "normal", false);
            case CRASH -> new Placement(Pitch.of(Step.A, 0, 5), "x", false);
            case RIDE -> new Placement(Pitch.of(Step.F, 0, 5), "x", false);
        };
    }

    /**
     * The drum part for a score whose measures are {@code host} (their numbers, lengths and meters are
     * kept): step 0 of the pattern is the first beat of measure {@code firstMeasure}; the measures
     * before it (a pickup) rest, and so does a shorter bar after it. Every full measure from there on
     * must be a bar of four quarter notes (4/4 or 2/2).
     */
    public static Part part(String id, List<Measure> host, int firstMeasure, DrumPattern pattern) {
        List<Measure> measures = new ArrayList<>();
        int step = 0;
        for (int m = 0; m < host.size(); m++) {
            Measure h = host.get(m);
            List<Voice> voices;
            if (m < firstMeasure || h.isIncomplete()) {
                // a pickup, or a short closing bar: the drums wait (the grid still moves on by its length)
                voices = List.of(new Voice("1", List.of(wholeBarRest(h.length()))));
            } else if (silentBar(pattern, step)) {
                // a bar the drums sit out is one whole-bar rest, not one for the hands and one for the feet
                voices = List.of(new Voice("1", List.of(wholeBarRest(h.length()))));
            } else {
                voices = List.of(new Voice("1", bar(pattern, step, false)), new Voice("2", bar(pattern, step, true)));
            }
            if (m >= firstMeasure) {
                step += (int) Math.round(h.length().times(4).toDouble());
            }
            List<ClefChange> clefs = m == 0 ? List.of(new ClefChange(Rational.ZERO, 1, Clef.PERCUSSION)) : List.of();
            measures.add(new Measure(h.number(), h.implicit(), h.length(), h.time(), KeySignature.C_MAJOR, voices, clefs, List.of()));
        }
        return new Part(id, "Drum Set", "D. Set", 1, DRUM_SET, measures);
    }

    /** One voice of one bar of four quarter notes starting at {@code from}. */
    private static List<MusicEvent> bar(DrumPattern pattern, int from, boolean feet) {
        List<List<Note>> strokes = new ArrayList<>();
        boolean any = false;
        for (int s = 0; s < DrumPattern.STEPS_PER_BAR; s++) {
            List<Note> here = strokesAt(pattern, from + s, feet);
            strokes.add(here);
            any |= !here.isEmpty();
        }
        if (!any) {
            return List.of(wholeBarRest(TimeSignature.COMMON.measureLength()));
        }
        List<MusicEvent> events = new ArrayList<>();
        int beats = DrumPattern.STEPS_PER_BAR / STEPS_PER_BEAT;
        for (int beat = 0; beat < beats; beat++) {
            int start = beat * STEPS_PER_BEAT;
            if (emptyBeat(strokes, beat)) {
                // two silent beats from the first or third beat are one half rest
                boolean half = beat % 2 == 0 && beat + 1 < beats && emptyBeat(strokes, beat + 1);
                events.add(Rest.of(STEP.times(start), Duration.of(half ? NoteType.HALF : NoteType.QUARTER)));
                if (half) {
                    beat++;
                }
                continue;
            }
            int s = start;
            while (strokes.get(s).isEmpty()) {
                s++;
            }
            if (s > start) {
                events.add(Rest.of(STEP.times(start), steps(s - start)));
            }
            while (s < start + STEPS_PER_BEAT) {
                int next = s + 1;
                while (next < start + STEPS_PER_BEAT && strokes.get(next).isEmpty()) {
                    next++;
                }
                events.add(stroke(strokes.get(s), STEP.times(s), steps(next - s)));
                s = next;
            }
        }
        return events;
    }

    private static boolean silentBar(DrumPattern pattern, int from) {
        for (int s = from; s < Math.min(pattern.steps(), from + DrumPattern.STEPS_PER_BAR); s++) {
            for (int d = 0; d < DrumPattern.DRUMS; d++) {
                if (pattern.hit(s, d)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean emptyBeat(List<List<Note>> strokes, int beat) {
        for (int s = beat * STEPS_PER_BEAT; s < (beat + 1) * STEPS_PER_BEAT; s++) {
            if (!strokes.get(s).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The notes struck at a step in one voice (offsets and durations are filled in later); an open hi-hat hides a closed one. */
    private static List<Note> strokesAt(DrumPattern pattern, int step, boolean feet) {
        List<Note> out = new ArrayList<>();
        if (step >= pattern.steps()) {
            return out;
        }
        for (DrumClass d : DrumClass.values()) {
            Placement p = placement(d);
            if (p.feet() != feet || !pattern.hit(step, d)) {
                continue;
            }
            if (d == DrumClass.CLOSED_HI_HAT && pattern.hit(step, DrumClass.OPEN_HI_HAT)) {
                continue;
            }
            out.add(new Note(Rational.ZERO, Rational.ZERO, Duration.of(NoteType.QUARTER), p.position(), Tie.NONE, 1, false,
                    List.of(), false, new Unpitched(d.key(), p.notehead())));
        }
        return out;
    }

    private static MusicEvent stroke(List<Note> notes, Rational offset, Duration duration) {
        List<Note> placed = new ArrayList<>();
        for (Note n : notes) {
            placed.add(new Note(offset, duration.quarters(), duration, n.pitch(), Tie.NONE, 1, false, List.of(), false, n.unpitched()));
        }
        return placed.size() == 1 ? placed.get(0) : new Chord(placed);
    }

    /** 1 to 4 steps of 16ths: a 16th, an 8th, a dotted 8th or a quarter. */
    private static Duration steps(int count) {
        return switch (count) {
            case 1 -> Duration.of(NoteType.SIXTEENTH);
            case 2 -> Duration.of(NoteType.EIGHTH);
            case 3 -> Duration.dotted(NoteType.EIGHTH, 1);
            case 4 -> Duration.of(NoteType.QUARTER);
            default -> throw new IllegalArgumentException("a stroke within one beat lasts 1 to 4 16ths, not " + count);
        };
    }

    private static Rest wholeBarRest(Rational length) {
        return new Rest(Rational.ZERO, length, Duration.of(NoteType.WHOLE), 1, false, true);
    }

    /**
     * The hits of a drum part on the 16th-note grid from the first beat of measure {@code firstMeasure}:
     * each note's drum from its percussion key (keys outside the kit are left out), at a default velocity.
     */
    public static DrumPattern pattern(Part part, int firstMeasure, float velocity) {
        Rational start = Rational.ZERO;
        List<int[]> hits = new ArrayList<>();
        Rational end = Rational.ZERO;
        for (int m = 0; m < part.measures().size(); m++) {
            Measure measure = part.measures().get(m);
            if (m >= firstMeasure) {
                for (Note n : measure.notes()) {
                    DrumClass d = n.unpitched() == null ? null : DrumClass.of(n.unpitched().midiKey());
                    if (d != null && !n.grace() && !n.tie().stopsTie()) {
                        Rational at = start.plus(n.offset()).times(4);
                        hits.add(new int[] {(int) Math.round(at.toDouble()), d.ordinal()});
                    }
                }
                start = start.plus(measure.length());
                end = start;
            }
        }
        DrumPattern pattern = new DrumPattern(Math.max(1, (int) Math.round(end.times(4).toDouble())));
        for (int[] h : hits) {
            if (h[0] < pattern.steps()) {
                pattern.strike(h[0], h[1], velocity, 0f);
            }
        }
        return pattern;
    }
}
