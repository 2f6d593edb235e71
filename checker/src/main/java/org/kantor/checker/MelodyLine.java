package org.kantor.checker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kantor.core.Chord;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Rest;
import org.kantor.core.Score;
import org.kantor.core.Voice;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.musicxml.ScoreFileException;

/**
 * The melody a harmonization starts from: the one part of the score that has notes, checked to be a
 * single line on the 16th-note grid, with where its fermatas fall. Anything that cannot be honoured
 * is refused with the measure and what to do about it.
 */
public record MelodyLine(int partIndex, List<TimedNote> notes, Set<Rational> fermataOnsets, Rational length) {

    /** The grid the harmony model works on: a 16th note. */
    public static final Rational STEP = Rational.of(1, 4);

    public static MelodyLine of(Score score, String file) throws ScoreFileException {
        List<Integer> withNotes = new ArrayList<>();
        for (int p = 0; p < score.parts().size(); p++) {
            if (!score.parts().get(p).notes().isEmpty()) {
                withNotes.add(p);
            }
        }
        if (withNotes.isEmpty()) {
            throw new ScoreFileException(file, "the score has no notes to harmonize");
        }
        if (withNotes.size() > 1) {
            List<String> names = new ArrayList<>();
            withNotes.forEach(p -> names.add(partName(score.parts().get(p), p)));
            throw new ScoreFileException(file, "found " + withNotes.size() + " parts with notes (" + String.join(", ", names)
                    + "); name the part to harmonize (harmonize --part NAME, e.g. --part \"" + names.get(0)
                    + "\"), or save the melody on its own");
        }
        return ofPart(score, withNotes.get(0), file);
    }

    /** One part of a score as a melodic line, with the same checks. */
    public static MelodyLine ofPart(Score score, int partIndex, String file) throws ScoreFileException {
        return ofVoice(score, partIndex, 0, null, file);
    }

    /**
     * One voice of one staff of a part as a melodic line (staff 0 and voice null: the whole part), with
     * the same checks.
     */
    public static MelodyLine ofVoice(Score score, int partIndex, int staff, String voice, String file) throws ScoreFileException {
        Part part = score.parts().get(partIndex);
        List<Rational> starts = ScoreToTimeline.measureStarts(score);
        Set<Rational> fermatas = new HashSet<>();
        for (int m = 0; m < part.measures().size(); m++) {
            Measure measure = part.measures().get(m);
            List<Voice> voices = measure.voices().stream().filter(v -> voice == null || v.id().equals(voice)).toList();
            checkSingleLine(measure, voices, staff, file);
            for (Voice v : voices) {
                for (MusicEvent e : v.events()) {
                    if (!onStaff(e, staff)) {
                        continue;
                    }
                    if (e instanceof Note n && n.grace()) {
                        continue;
                    }
                    Rational onset = starts.get(m).plus(e.offset());
                    if (!onset.isMultipleOf(STEP) || !e.length().isMultipleOf(STEP) || e.duration().tuplet() != null) {
                        throw new ScoreFileException(file, null, measure.number(), "a " + e.duration() + " at beat "
                                + beat(measure, e.offset()) + " does not fit the 16th-note grid the harmonizer works on"
                                + " (shorter than a 16th, or a tuplet); write that rhythm with 16ths or longer values");
                    }
                    if (e.fermata()) {
                        fermatas.add(onset);
                    }
                }
            }
        }
        List<TimedNote> notes = ScoreToTimeline.convert(score).notesOfPart(partIndex).stream()
                .filter(n -> (voice == null || voice.equals(n.voice())) && (staff == 0 || n.staff() == staff)).toList();
        return new MelodyLine(partIndex, notes, fermatas, score.lengthInQuarters());
    }

    /** Whether an event is on the staff (0: any staff). */
    public static boolean onStaff(MusicEvent e, int staff) {
        if (staff == 0) {
            return true;
        }
        if (e instanceof Note n) {
            return n.staff() == staff;
        }
        if (e instanceof Rest r) {
            return r.staff() == staff;
        }
        return e instanceof Chord c && !c.notes().isEmpty() && c.notes().get(0).staff() == staff;
    }

    private static void checkSingleLine(Measure measure, List<Voice> voices, int staff, String file) throws ScoreFileException {
        List<MusicEvent> sounding = new ArrayList<>();
        for (Voice v : voices) {
            for (MusicEvent e : v.events()) {
                if (!onStaff(e, staff)) {
                    continue;
                }
                if (e instanceof Chord c) {
                    throw new ScoreFileException(file, null, measure.number(), "the melody has a chord (" + c.notes().stream()
                            .map(n -> n.pitch().toString()).reduce((a, b) -> a + " " + b).orElse("") + ") at beat " + beat(measure, c.offset())
                            + "; harmonize needs a single melodic line: keep one note of the chord");
                }
                if (e instanceof Note n && !n.grace()) {
                    sounding.add(e);
                }
            }
        }
        sounding.sort((a, b) -> a.offset().compareTo(b.offset()));
        for (int i = 1; i < sounding.size(); i++) {
            if (sounding.get(i).offset().lessThan(sounding.get(i - 1).end())) {
                throw new ScoreFileException(file, null, measure.number(), "the melody has two notes sounding at once at beat "
                        + beat(measure, sounding.get(i).offset()) + " (two voices?); harmonize needs a single melodic line");
            }
        }
    }

    /** The beat number a musician would count (from 1, in the meter's beat unit), e.g. "2" or "2.5". */
    public static String beat(Measure measure, Rational offset) {
        return beatText(1 + offset.dividedBy(measure.time().beatUnitForCounting()).toDouble());
    }

    /** A beat as a musician writes it: "3" on the beat, "2.5" between beats. */
    public static String beatText(double beat) {
        return Math.abs(beat - Math.rint(beat)) < 1e-9 ? Long.toString(Math.round(beat))
                : String.format(java.util.Locale.ROOT, "%.2f", beat).replaceAll("0+$", "");
    }

    public static String partName(Part p, int index) {
        return p.name() == null || p.name().isBlank() ? "part " + (index + 1) : p.name();
    }

    /** Number of 16th-note steps the piece lasts. */
    public int steps() {
        return (int) length.dividedBy(STEP).floor();
    }
}
