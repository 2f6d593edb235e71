package org.kantor.musicxml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.audiveris.proxymusic.Attributes;
import org.audiveris.proxymusic.Backup;
import org.audiveris.proxymusic.Direction;
import org.audiveris.proxymusic.FiguredBass;
import org.audiveris.proxymusic.Forward;
import org.audiveris.proxymusic.Harmony;
import org.audiveris.proxymusic.Notations;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.StartStop;
import org.audiveris.proxymusic.Tied;
import org.kantor.core.Part;
import org.kantor.core.Score;

/**
 * Replaces the notes of a run of measures of one part with notes a tool wrote, keeping everything
 * else of the part: its other measures note for note, and in the replaced measures its attributes,
 * directions and barlines. Ties from or into the replaced run are cut, since the notes they joined
 * are gone. Where the new notes need finer divisions than the part uses, every duration of the part
 * is scaled up (the music it encodes does not change).
 */
final class MeasureReplacement {

    private MeasureReplacement() {
    }

    /**
     * @param replacement a one-part score with as many measures as the part, laid out the same way
     * @param first index (0-based) of the first measure to replace
     * @param last index of the last measure to replace, inclusive
     */
    /** @return the tree objects changed: the part if all its durations had to be scaled, else the measures touched */
    static List<Object> replace(ScorePartwise.Part target, Score replacement, int first, int last) {
        ScorePartwise generated = new ScoreTreeBuilder().build(replacement);
        ScorePartwise.Part source = generated.getPart().get(0);
        long targetDivisions = divisionsAt(target, first);
        long sourceDivisions = divisionsAt(source, first);
        long common = ScoreTreeBuilder.lcm(targetDivisions, sourceDivisions);
        List<Object> changed = new ArrayList<>();
        if (common != targetDivisions) {
            scale(target, common / targetDivisions);
            changed.add(target);
        }
        long sourceFactor = common / sourceDivisions;
        boolean[] cut = cutTiesAround(target, first, last);
        if (changed.isEmpty()) {
            for (int m = first - (cut[0] ? 1 : 0); m <= last + (cut[1] ? 1 : 0); m++) {
                changed.add(target.getMeasure().get(m));
            }
        }
        for (int m = first; m <= last; m++) {
            List<Object> kept = target.getMeasure().get(m).getNoteOrBackupOrForward();
            int insertAt = -1;
            for (int i = kept.size() - 1; i >= 0; i--) {
                Object o = kept.get(i);
                if (o instanceof org.audiveris.proxymusic.Note || o instanceof Backup || o instanceof Forward) {
                    kept.remove(i);
                    insertAt = i;
                }
            }
            if (insertAt < 0) {
                insertAt = firstNonAttributes(kept);
            }
            List<Object> notes = new ArrayList<>();
            for (Object o : source.getMeasure().get(m).getNoteOrBackupOrForward()) {
                if (o instanceof org.audiveris.proxymusic.Note || o instanceof Backup || o instanceof Forward) {
                    scaleOne(o, sourceFactor);
                    notes.add(o);
                }
            }
            kept.addAll(Math.min(insertAt, kept.size()), notes);
        }
        return changed;
    }

    /** Checks that a replacement fits the part before anything is changed. */
    static void check(ScorePartwise.Part target, Part replacement, int first, int last) {
        if (first < 0 || last >= target.getMeasure().size() || first > last) {
            throw new IllegalArgumentException("measures " + (first + 1) + "-" + (last + 1) + " are not in the part");
        }
        if (replacement.measures().size() != target.getMeasure().size()) {
            throw new IllegalArgumentException("the replacement has " + replacement.measures().size() + " measures, the part "
                    + target.getMeasure().size());
        }
    }

    private static int firstNonAttributes(List<Object> content) {
        int i = 0;
        while (i < content.size() && (content.get(i) instanceof Attributes || content.get(i) instanceof org.audiveris.proxymusic.Print)) {
            i++;
        }
        return i;
    }

    /** A tie into the replaced run or out of it would join a kept note to a new one of maybe another pitch. */
    private static boolean[] cutTiesAround(ScorePartwise.Part part, int first, int last) {
        boolean[] cut = new boolean[2];
        if (first > 0) {
            for (org.audiveris.proxymusic.Note n : notes(part.getMeasure().get(first - 1))) {
                cut[0] |= removeTies(n, StartStop.START);
            }
        }
        if (last + 1 < part.getMeasure().size()) {
            for (org.audiveris.proxymusic.Note n : notes(part.getMeasure().get(last + 1))) {
                cut[1] |= removeTies(n, StartStop.STOP);
            }
        }
        return cut;
    }

    private static List<org.audiveris.proxymusic.Note> notes(ScorePartwise.Part.Measure measure) {
        List<org.audiveris.proxymusic.Note> notes = new ArrayList<>();
        for (Object o : measure.getNoteOrBackupOrForward()) {
            if (o instanceof org.audiveris.proxymusic.Note n) {
                notes.add(n);
            }
        }
        return notes;
    }

    private static boolean removeTies(org.audiveris.proxymusic.Note n, StartStop type) {
        boolean removed = n.getTie().removeIf(t -> t.getType() == type);
        for (Notations notations : n.getNotations()) {
            removed |= notations.getTiedOrSlurOrTuplet().removeIf(o -> o instanceof Tied t && t.getType() != null
                    && t.getType().name().equals(type.name()));
        }
        n.getNotations().removeIf(notations -> notations.getTiedOrSlurOrTuplet().isEmpty() && notations.getFootnote() == null
                && notations.getLevel() == null);
        return removed;
    }

    /** The divisions per quarter in force at the start of a measure. */
    private static long divisionsAt(ScorePartwise.Part part, int measure) {
        long divisions = 1;
        for (int m = 0; m <= measure && m < part.getMeasure().size(); m++) {
            for (Object o : part.getMeasure().get(m).getNoteOrBackupOrForward()) {
                if (o instanceof Attributes a && a.getDivisions() != null) {
                    divisions = a.getDivisions().longValueExact();
                }
            }
        }
        return divisions;
    }

    private static void scale(ScorePartwise.Part part, long factor) {
        for (ScorePartwise.Part.Measure m : part.getMeasure()) {
            for (Object o : m.getNoteOrBackupOrForward()) {
                scaleOne(o, factor);
            }
        }
    }

    private static void scaleOne(Object o, long factor) {
        if (factor == 1) {
            return;
        }
        BigDecimal f = BigDecimal.valueOf(factor);
        if (o instanceof org.audiveris.proxymusic.Note n && n.getDuration() != null) {
            n.setDuration(n.getDuration().multiply(f));
        } else if (o instanceof Backup b && b.getDuration() != null) {
            b.setDuration(b.getDuration().multiply(f));
        } else if (o instanceof Forward w && w.getDuration() != null) {
            w.setDuration(w.getDuration().multiply(f));
        } else if (o instanceof Attributes a && a.getDivisions() != null) {
            a.setDivisions(a.getDivisions().multiply(f));
        } else if (o instanceof Direction d && d.getOffset() != null && d.getOffset().getValue() != null) {
            d.getOffset().setValue(d.getOffset().getValue().multiply(f));
        } else if (o instanceof Harmony h && h.getOffset() != null && h.getOffset().getValue() != null) {
            h.getOffset().setValue(h.getOffset().getValue().multiply(f));
        } else if (o instanceof FiguredBass fb && fb.getDuration() != null) {
            fb.setDuration(fb.getDuration().multiply(f));
        }
    }
}
