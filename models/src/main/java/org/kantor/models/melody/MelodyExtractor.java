package org.kantor.models.melody;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.kantor.core.KeySignature;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;

/**
 * Reads the melody of one part of a score as {@link Melody} tokens: the top line where the part has
 * chords, on a 16th-note grid. A melody is cut where the music cannot be written on that grid
 * (triplets, 32nds), where a pitch leaves the model's range, where meter or key change, and where
 * the part rests for two measures or more; pieces shorter than two measures are dropped.
 */
public final class MelodyExtractor {

    private static final Rational SIXTEENTH = Rational.of(1, 4);
    private static final int MIN_MEASURES = 2;
    private static final int MAX_REST_MEASURES = 2;

    private MelodyExtractor() {
    }

    /** The top line of a part as sounding notes (the highest of each chord, cut where the next one starts). */
    public static List<TimedNote> topLine(Timeline timeline, int part) {
        TreeMap<Rational, TimedNote> highest = new TreeMap<>();
        for (TimedNote n : timeline.notesOfPart(part)) {
            if (!n.length().isPositive()) {
                continue;
            }
            TimedNote old = highest.get(n.onset());
            if (old == null || n.midi() > old.midi()) {
                highest.put(n.onset(), n);
            }
        }
        List<TimedNote> line = new ArrayList<>(highest.values());
        for (int i = 0; i + 1 < line.size(); i++) {
            TimedNote n = line.get(i);
            Rational next = line.get(i + 1).onset();
            if (n.offset().greaterThan(next)) {
                line.set(i, n.withTimes(n.onset(), next));
            }
        }
        return line;
    }

    public static List<Melody> extract(Score score, int part, String source) {
        Timeline timeline = ScoreToTimeline.convert(score);
        List<MeasureLayout.Slot> slots = MeasureLayout.of(score);
        List<TimedNote> line = topLine(timeline, part);
        List<Melody> melodies = new ArrayList<>();
        Run run = null;
        int noteIndex = 0;
        for (int m = 0; m < slots.size(); m++) {
            MeasureLayout.Slot slot = slots.get(m);
            int first = noteIndex;
            while (noteIndex < line.size() && line.get(noteIndex).onset().lessThan(slot.end())) {
                noteIndex++;
            }
            List<TimedNote> inside = line.subList(first, noteIndex);
            int[] tokens = measureTokens(slot, inside, line, first);
            boolean fits = tokens != null;
            if (run != null && (!fits || !slot.time().equals(run.meter) || !slot.key().equals(run.key)
                    || (run.restMeasures >= MAX_REST_MEASURES))) {
                run.close(melodies, source);
                run = null;
            }
            if (!fits) {
                continue;
            }
            boolean silent = inside.isEmpty() && !sounding(line, first, slot.start());
            if (run == null) {
                if (silent) {
                    continue;
                }
                run = new Run(slot.time(), slot.key(), slot.number());
            }
            run.add(tokens, positionOffset(slot, m), silent);
        }
        if (run != null) {
            run.close(melodies, source);
        }
        return melodies;
    }

    /** A pickup's steps sit at the end of its measure. */
    private static int positionOffset(MeasureLayout.Slot slot, int index) {
        int nominal = Melody.stepsPerMeasure(slot.time());
        int actual = Math.toIntExact(slot.length().times(4).floor());
        return index == 0 && actual < nominal ? nominal - actual : 0;
    }

    /** Whether the note before {@code index} still sounds at {@code at}. */
    private static boolean sounding(List<TimedNote> line, int index, Rational at) {
        return index > 0 && line.get(index - 1).offset().greaterThan(at);
    }

    /** The measure's tokens, or null when it does not fit the grid or the range. */
    private static int[] measureTokens(MeasureLayout.Slot slot, List<TimedNote> inside, List<TimedNote> line, int first) {
        if (!slot.start().isMultipleOf(SIXTEENTH) || !slot.length().isMultipleOf(SIXTEENTH) || !slot.length().isPositive()) {
            return null;
        }
        int steps = Math.toIntExact(slot.length().times(4).floor());
        int[] tokens = new int[steps];
        for (TimedNote n : inside) {
            if (!n.onset().isMultipleOf(SIXTEENTH) || !MelodyVocabulary.inRange(n.midi())) {
                return null;
            }
            // an offset between grid lines would change the rhythm; a note shorter than a 16th cannot be written
            if (!n.offset().isMultipleOf(SIXTEENTH) && n.offset().lessThan(slot.end())) {
                return null;
            }
        }
        Rational soundingUntil = first > 0 ? line.get(first - 1).offset() : Rational.ZERO;
        // a rest begins on the downbeat only if the note before ended exactly there
        boolean inRest = first == 0 || soundingUntil.lessThan(slot.start());
        int next = 0;
        for (int s = 0; s < steps; s++) {
            Rational at = slot.start().plus(SIXTEENTH.times(s));
            if (next < inside.size() && inside.get(next).onset().equals(at)) {
                TimedNote n = inside.get(next++);
                tokens[s] = MelodyVocabulary.note(n.midi());
                soundingUntil = n.offset();
                inRest = false;
            } else if (!soundingUntil.greaterThan(at) && !inRest) {
                tokens[s] = MelodyVocabulary.REST;
                inRest = true;
            } else {
                tokens[s] = MelodyVocabulary.HOLD;
            }
        }
        return tokens;
    }

    /** Measures gathered into one melody. */
    private static final class Run {
        final TimeSignature meter;
        final KeySignature key;
        final String firstMeasure;
        final List<int[]> tokens = new ArrayList<>();
        final List<Integer> offsets = new ArrayList<>();
        /** Silent measures at the end of the run so far. */
        int restMeasures;

        Run(TimeSignature meter, KeySignature key, String firstMeasure) {
            this.meter = meter;
            this.key = key;
            this.firstMeasure = firstMeasure;
        }

        void add(int[] measure, int offset, boolean silent) {
            tokens.add(measure);
            offsets.add(offset);
            restMeasures = silent ? restMeasures + 1 : 0;
        }

        void close(List<Melody> out, String source) {
            int keep = tokens.size() - restMeasures;
            if (keep < MIN_MEASURES) {
                return;
            }
            int total = 0;
            for (int i = 0; i < keep; i++) {
                total += tokens.get(i).length;
            }
            int[] t = new int[total];
            int[] p = new int[total];
            int at = 0;
            for (int i = 0; i < keep; i++) {
                int[] m = tokens.get(i);
                for (int s = 0; s < m.length; s++) {
                    t[at] = m[s];
                    p[at++] = offsets.get(i) + s;
                }
            }
            if (t[0] == MelodyVocabulary.HOLD) {
                t[0] = MelodyVocabulary.REST;
            }
            out.add(new Melody(t, p, meter, key, source + " m. " + firstMeasure));
        }
    }
}
