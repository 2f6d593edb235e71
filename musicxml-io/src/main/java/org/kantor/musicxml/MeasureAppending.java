package org.kantor.musicxml;

import java.util.ArrayList;
import java.util.List;
import org.audiveris.proxymusic.Attributes;
import org.audiveris.proxymusic.BarStyle;
import org.audiveris.proxymusic.Barline;
import org.audiveris.proxymusic.RightLeftMiddle;
import org.audiveris.proxymusic.ScorePartwise;
import org.kantor.core.Duration;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.NoteType;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Rest;
import org.kantor.core.Score;
import org.kantor.core.Voice;

/**
 * Adds empty measures (a whole-measure rest on every staff) after the last measure of every part, in
 * the meter and key in force there, for a tool to fill. A closing barline moves to the new end, and the new end
 * gets one where the old end had a repeat or a plain barline.
 */
final class MeasureAppending {

    private MeasureAppending() {
    }

    /** @return the parts changed (all of them) */
    static List<Object> append(ScorePartwise tree, Score view, int count) {
        List<Object> changed = new ArrayList<>();
        for (int p = 0; p < tree.getPart().size(); p++) {
            ScorePartwise.Part target = tree.getPart().get(p);
            Part part = view.parts().get(p);
            Measure last = part.measures().get(part.measures().size() - 1);
            List<Measure> empty = new ArrayList<>();
            int number = nextNumber(part);
            Rational length = last.time().measureLength();
            for (int i = 0; i < count; i++) {
                List<Voice> voices = new ArrayList<>();
                for (int staff = 1; staff <= part.staves(); staff++) {
                    List<MusicEvent> rest = List.of(new Rest(Rational.ZERO, length, Duration.of(NoteType.WHOLE), staff, false, true));
                    voices.add(new Voice(Integer.toString((staff - 1) * 4 + 1), rest));
                }
                empty.add(new Measure(Integer.toString(number + i), false, length, last.time(), last.key(), voices, List.of(), List.of()));
            }
            Part emptyPart = new Part(part.id(), part.name(), part.abbreviation(), part.staves(), part.instrument(), empty);
            ScorePartwise.Part built = new ScoreTreeBuilder().build(new Score(view.title(), view.composer(), List.of(emptyPart)))
                    .getPart().get(0);
            List<ScorePartwise.Part.Measure> added = built.getMeasure();
            keepOnlyDivisions(added.get(0));
            ScorePartwise.Part.Measure oldLast = target.getMeasure().get(target.getMeasure().size() - 1);
            moveClosingBarline(oldLast, added.get(added.size() - 1));
            target.getMeasure().addAll(added);
            // what is appended ends the piece now, even where the old end was a repeat or a plain barline
            FinalBarline.end(target);
            changed.add(target);
        }
        return changed;
    }

    /** One more than the last measure's printed number, or the measure count when numbers are not plain. */
    private static int nextNumber(Part part) {
        String n = part.measures().get(part.measures().size() - 1).number();
        try {
            return Integer.parseInt(n.trim()) + 1;
        } catch (NumberFormatException e) {
            return part.measures().size() + 1;
        }
    }

    /** The new measures state their own divisions; key, time and clef go on as before. */
    private static void keepOnlyDivisions(ScorePartwise.Part.Measure first) {
        for (Object o : first.getNoteOrBackupOrForward()) {
            if (o instanceof Attributes a) {
                a.getKey().clear();
                a.getTime().clear();
                a.getClef().clear();
                a.setStaves(null);
            }
        }
    }

    private static void moveClosingBarline(ScorePartwise.Part.Measure from, ScorePartwise.Part.Measure to) {
        List<Object> content = from.getNoteOrBackupOrForward();
        for (int i = content.size() - 1; i >= 0; i--) {
            if (content.get(i) instanceof Barline b && (b.getLocation() == null || b.getLocation() == RightLeftMiddle.RIGHT)
                    && b.getRepeat() == null && b.getBarStyle() != null && b.getBarStyle().getValue() == BarStyle.LIGHT_HEAVY) {
                content.remove(i);
                to.getNoteOrBackupOrForward().add(b);
            }
        }
    }
}
