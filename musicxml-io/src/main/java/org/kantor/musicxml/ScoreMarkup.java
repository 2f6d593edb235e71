package org.kantor.musicxml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.audiveris.proxymusic.AboveBelow;
import org.audiveris.proxymusic.Attributes;
import org.audiveris.proxymusic.Backup;
import org.audiveris.proxymusic.Direction;
import org.audiveris.proxymusic.DirectionType;
import org.audiveris.proxymusic.FormattedTextId;
import org.audiveris.proxymusic.Forward;
import org.audiveris.proxymusic.Note;
import org.audiveris.proxymusic.ObjectFactory;
import org.audiveris.proxymusic.Offset;
import org.audiveris.proxymusic.ScorePartwise;
import org.kantor.core.Rational;

/**
 * Marks a score for a reader without changing its music: colours notes and adds short texts at given
 * positions. Only the measures marked are merged back into the file; everything else keeps its text.
 * Positions are a part, a measure (index from 0), a staff (from 1; 0 any) and a voice (null any), and an
 * offset in quarter notes from the start of the measure.
 */
public final class ScoreMarkup {

    private static final ObjectFactory FACTORY = new ObjectFactory();

    private final ScoreDocument doc;
    private final Set<Object> changed = new LinkedHashSet<>();

    public ScoreMarkup(ScoreDocument doc) {
        this.doc = doc;
    }

    /** Colours the note that starts at the offset (e.g. "#D00000"); returns whether there was one. */
    public boolean colorNote(int part, int measure, int staff, String voice, Rational offset, String color) {
        ScorePartwise.Part.Measure m = measure(part, measure);
        long divisions = MeasureReplacement.divisionsAt(doc.tree().getPart().get(part), measure);
        for (Placed p : notes(m)) {
            Note n = p.note;
            if (n.getRest() == null && p.start.compareTo(at(offset, divisions)) == 0 && fits(n, staff, voice)) {
                n.setColor(color);
                changed.add(m);
                return true;
            }
        }
        return false;
    }

    /** Adds a short text above or below the staff at the offset, in the given colour (null: black). */
    public void addText(int part, int measure, int staff, Rational offset, String text, boolean above, String color) {
        ScorePartwise.Part.Measure m = measure(part, measure);
        long divisions = MeasureReplacement.divisionsAt(doc.tree().getPart().get(part), measure);
        BigDecimal target = at(offset, divisions);
        // anchor on the last note that starts at or before the position; a direction takes the cursor's place
        Placed anchor = null;
        for (Placed p : notes(m)) {
            if (p.note.getChord() == null && p.start.compareTo(target) <= 0 && (anchor == null || p.start.compareTo(anchor.start) >= 0)) {
                anchor = p;
            }
        }
        Direction d = FACTORY.createDirection();
        d.setPlacement(above ? AboveBelow.ABOVE : AboveBelow.BELOW);
        DirectionType type = FACTORY.createDirectionType();
        FormattedTextId words = FACTORY.createFormattedTextId();
        words.setValue(text);
        words.setFontSize("8");
        if (color != null) {
            words.setColor(color);
        }
        type.getWordsOrSymbol().add(words);
        d.getDirectionType().add(type);
        if (staff > 0 && partHasStaves(part)) {
            d.setStaff(BigInteger.valueOf(staff));
        }
        List<Object> content = m.getNoteOrBackupOrForward();
        BigDecimal from = anchor == null ? BigDecimal.ZERO : anchor.start;
        if (target.compareTo(from) > 0) {
            Offset o = FACTORY.createOffset();
            o.setValue(target.subtract(from));
            d.setOffset(o);
        }
        int index = anchor == null ? firstAfterAttributes(content) : content.indexOf(anchor.note);
        content.add(index, d);
        changed.add(m);
    }

    /** Puts a rehearsal mark (boxed, above the staff) at the start of a measure. */
    public void addRehearsalMark(int part, int measure, String text) {
        ScorePartwise.Part.Measure m = measure(part, measure);
        Direction d = FACTORY.createDirection();
        d.setPlacement(AboveBelow.ABOVE);
        DirectionType type = FACTORY.createDirectionType();
        org.audiveris.proxymusic.FormattedTextId mark = FACTORY.createFormattedTextId();
        mark.setValue(text);
        mark.setEnclosure(org.audiveris.proxymusic.EnclosureShape.RECTANGLE);
        type.getRehearsal().add(mark);
        d.getDirectionType().add(type);
        List<Object> content = m.getNoteOrBackupOrForward();
        content.add(firstAfterAttributes(content), d);
        changed.add(m);
    }

    /** Merges the marked measures into the file. */
    public void finish() throws ScoreFileException {
        doc.treeChanged(new ArrayList<>(changed));
        changed.clear();
    }

    private ScorePartwise.Part.Measure measure(int part, int measure) {
        return doc.tree().getPart().get(part).getMeasure().get(measure);
    }

    private boolean partHasStaves(int part) {
        return doc.score().parts().get(part).staves() > 1;
    }

    private static boolean fits(Note n, int staff, String voice) {
        int s = n.getStaff() == null ? 1 : n.getStaff().intValue();
        String v = n.getVoice() == null ? "1" : n.getVoice();
        return (staff == 0 || s == staff) && (voice == null || voice.equals(v));
    }

    private static BigDecimal at(Rational offset, long divisions) {
        Rational d = offset.times(divisions);
        return BigDecimal.valueOf(d.numerator()).divide(BigDecimal.valueOf(d.denominator()), java.math.MathContext.DECIMAL64);
    }

    private static int firstAfterAttributes(List<Object> content) {
        int i = 0;
        while (i < content.size() && (content.get(i) instanceof Attributes || content.get(i) instanceof org.audiveris.proxymusic.Print)) {
            i++;
        }
        return i;
    }

    private record Placed(Note note, BigDecimal start) {
    }

    /** The measure's notes with where each starts, in divisions from the barline. */
    private static List<Placed> notes(ScorePartwise.Part.Measure m) {
        List<Placed> placed = new ArrayList<>();
        BigDecimal cursor = BigDecimal.ZERO;
        BigDecimal lastStart = BigDecimal.ZERO;
        for (Object o : m.getNoteOrBackupOrForward()) {
            if (o instanceof Note n) {
                BigDecimal start = n.getChord() != null ? lastStart : cursor;
                placed.add(new Placed(n, start));
                if (n.getChord() == null && n.getGrace() == null && n.getDuration() != null) {
                    lastStart = cursor;
                    cursor = cursor.add(n.getDuration());
                }
            } else if (o instanceof Backup b) {
                cursor = cursor.subtract(b.getDuration());
            } else if (o instanceof Forward f) {
                cursor = cursor.add(f.getDuration());
            }
        }
        return placed;
    }
}
