package org.kantor.harmonizer;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.kantor.checker.MelodyLine;
import org.kantor.core.Score;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.musicxml.ScoreFileException;

/**
 * The tune a pianist's right hand carries: in the upper staff of a part that plays chords, the highest
 * note struck at each moment, held until the next one (a lower note struck under a held melody note is
 * accompaniment, not tune). What a musician means by "the top line of the piano part".
 */
final class TopLine {

    private TopLine() {
    }

    /** Whether the part needs its top line taken: it has two staves, or sounds two notes at once (chords, two voices). */
    static boolean needed(Score score, int part) {
        if (score.parts().get(part).staves() > 1) {
            return true;
        }
        List<TimedNote> notes = new ArrayList<>(ScoreToTimeline.convert(score).notesOfPart(part));
        notes.sort((a, b) -> a.onset().compareTo(b.onset()));
        org.kantor.core.Rational sounding = null;
        for (TimedNote n : notes) {
            if (sounding != null && n.onset().lessThan(sounding)) {
                return true;
            }
            sounding = sounding == null || n.offset().greaterThan(sounding) ? n.offset() : sounding;
        }
        return false;
    }

    /** The top line as the notes of a one-part score (part 0, voice 1, staff 1). */
    static List<TimedNote> of(Score score, int part, String file) throws ScoreFileException {
        int staff = score.parts().get(part).staves() > 1 ? 1 : 0;
        TreeMap<org.kantor.core.Rational, TimedNote> highest = new TreeMap<>();
        for (TimedNote n : ScoreToTimeline.convert(score).notesOfPart(part)) {
            if (staff == 0 || n.staff() == staff) {
                highest.merge(n.onset(), n, (a, b) -> a.midi() >= b.midi() ? a : b);
            }
        }
        List<TimedNote> line = new ArrayList<>();
        for (TimedNote n : highest.values()) {
            TimedNote held = line.isEmpty() ? null : line.get(line.size() - 1);
            if (held != null && held.offset().greaterThan(n.onset())) {
                if (held.midi() > n.midi()) {
                    continue; // struck under the tune's held note
                }
                line.set(line.size() - 1, cut(held, n.onset()));
            }
            line.add(new TimedNote(n.midi(), n.onset(), n.offset(), n.velocity(), 0, "1", 1, n.spelling()));
        }
        List<MeasureLayout.Slot> slots = MeasureLayout.of(score);
        for (TimedNote n : line) {
            if (!n.onset().isMultipleOf(MelodyLine.STEP) || !n.offset().isMultipleOf(MelodyLine.STEP)) {
                throw new ScoreFileException(file, null, measureAt(slots, n), "the top line of " + MelodyLine.partName(score.parts().get(part), part)
                        + " has a note off the 16th-note grid the harmonizer works on (a tuplet or a 32nd); choose another part or"
                        + " write that rhythm with 16ths or longer values");
            }
        }
        return line;
    }

    private static TimedNote cut(TimedNote n, org.kantor.core.Rational end) {
        return new TimedNote(n.midi(), n.onset(), end, n.velocity(), 0, "1", 1, n.spelling());
    }

    private static String measureAt(List<MeasureLayout.Slot> slots, TimedNote n) {
        String number = slots.isEmpty() ? null : slots.get(0).number();
        for (MeasureLayout.Slot s : slots) {
            if (!s.start().greaterThan(n.onset())) {
                number = s.number();
            }
        }
        return number;
    }
}
