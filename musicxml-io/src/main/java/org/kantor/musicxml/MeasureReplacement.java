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
        ScorePartwise.Part source = new ScoreTreeBuilder().build(replacement).getPart().get(0);
        List<Object> changed = new ArrayList<>();
        long sourceFactor = alignDivisions(target, source, first, changed);
        boolean[] cut = cutTiesAround(target, first, last, n -> true);
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

    /**
     * Writes one voice of one staff anew in measures {@code first..last}, keeping the other voices (and
     * everything else) where they are: the old voice's notes, if any, become forwards of the same
     * length, so nothing else moves in time; the new notes follow a backup to the start of the measure.
     * Two voices then share the staff, so stems are set: the new voice's up when it is the upper one,
     * the other voices' the other way.
     *
     * @param replacement a one-part, one-voice score laid out like the part
     * @param staff the staff (from 1) of the voice
     * @param voice the MusicXML voice number to replace, or to add when the part does not use it
     * @return the tree objects changed
     */
    static List<Object> replaceVoice(ScorePartwise.Part target, Score replacement, int first, int last, int staff,
                                     String voice, boolean upper) {
        ScorePartwise.Part source = new ScoreTreeBuilder().build(replacement).getPart().get(0);
        List<Object> changed = new ArrayList<>();
        long sourceFactor = alignDivisions(target, source, first, changed);
        boolean twoStaves = staff > 1 || target.getMeasure().stream().anyMatch(m -> notes(m).stream()
                .anyMatch(n -> n.getStaff() != null && n.getStaff().intValue() > 1));
        java.util.function.Predicate<org.audiveris.proxymusic.Note> onStaff = n -> (n.getStaff() == null ? 1 : n.getStaff().intValue()) == staff;
        java.util.function.Predicate<org.audiveris.proxymusic.Note> ofVoice = n -> onStaff.test(n) && voice.equals(voiceOf(n));
        boolean[] cut = cutTiesAround(target, first, last, ofVoice);
        if (changed.isEmpty()) {
            for (int m = first - (cut[0] ? 1 : 0); m <= last + (cut[1] ? 1 : 0); m++) {
                changed.add(target.getMeasure().get(m));
            }
        }
        for (int m = first; m <= last; m++) {
            List<Object> content = target.getMeasure().get(m).getNoteOrBackupOrForward();
            for (int i = 0; i < content.size(); i++) {
                if (content.get(i) instanceof org.audiveris.proxymusic.Note n && ofVoice.test(n)) {
                    if (n.getChord() == null && n.getGrace() == null && n.getDuration() != null) {
                        Forward gap = new Forward();
                        gap.setDuration(n.getDuration());
                        content.set(i, gap);
                    } else {
                        content.remove(i--);
                    }
                }
            }
            foldMoves(content);
            // the new voice goes before the closing barline
            int insertAt = content.size();
            while (insertAt > 0 && content.get(insertAt - 1) instanceof org.audiveris.proxymusic.Barline) {
                insertAt--;
            }
            List<Object> added = new ArrayList<>();
            BigDecimal end = cursorAtEnd(content);
            if (end.signum() > 0) {
                Backup back = new Backup();
                back.setDuration(end);
                added.add(back);
            }
            for (Object o : source.getMeasure().get(m).getNoteOrBackupOrForward()) {
                if (o instanceof org.audiveris.proxymusic.Note n) {
                    scaleOne(n, sourceFactor);
                    n.setVoice(voice);
                    n.setStaff(twoStaves ? java.math.BigInteger.valueOf(staff) : null);
                    added.add(n);
                } else if (o instanceof Forward f) {
                    scaleOne(f, sourceFactor);
                    f.setVoice(voice);
                    added.add(f);
                }
            }
            content.addAll(insertAt, added);
            for (org.audiveris.proxymusic.Note n : notes(target.getMeasure().get(m))) {
                if (onStaff.test(n) && n.getRest() == null) {
                    boolean above = voice.equals(voiceOf(n)) == upper;
                    org.audiveris.proxymusic.Stem stem = new org.audiveris.proxymusic.Stem();
                    stem.setValue(above ? org.audiveris.proxymusic.StemValue.UP : org.audiveris.proxymusic.StemValue.DOWN);
                    n.setStem(stem);
                    pointFermatas(n, above);
                }
            }
        }
        return changed;
    }

    /** A fermata goes above the upper voice of a staff and, upside down, below the lower one. */
    private static void pointFermatas(org.audiveris.proxymusic.Note n, boolean above) {
        for (Notations notations : n.getNotations()) {
            for (Object mark : notations.getTiedOrSlurOrTuplet()) {
                if (mark instanceof org.audiveris.proxymusic.Fermata f) {
                    f.setType(above ? org.audiveris.proxymusic.UprightInverted.UPRIGHT : org.audiveris.proxymusic.UprightInverted.INVERTED);
                }
            }
        }
    }

    private static String voiceOf(org.audiveris.proxymusic.Note n) {
        return n.getVoice() == null ? "1" : n.getVoice();
    }

    /**
     * Scales the part's durations when the new notes need finer divisions than it uses (adding the part
     * to {@code changed}); returns the factor the new notes' durations must be scaled by.
     */
    private static long alignDivisions(ScorePartwise.Part target, ScorePartwise.Part source, int first, List<Object> changed) {
        long targetDivisions = divisionsAt(target, first);
        long sourceDivisions = divisionsAt(source, first);
        long common = ScoreTreeBuilder.lcm(targetDivisions, sourceDivisions);
        if (common != targetDivisions) {
            scale(target, common / targetDivisions);
            changed.add(target);
        }
        return common / sourceDivisions;
    }

    /** Folds runs of backups and forwards into one move (or none), as a forward in place of a removed voice leaves them. */
    private static void foldMoves(List<Object> content) {
        for (int i = 0; i < content.size(); i++) {
            if (!(content.get(i) instanceof Backup || content.get(i) instanceof Forward)) {
                continue;
            }
            int j = i;
            BigDecimal net = BigDecimal.ZERO;
            while (j < content.size() && (content.get(j) instanceof Backup || content.get(j) instanceof Forward)) {
                net = content.get(j) instanceof Backup b ? net.subtract(b.getDuration()) : net.add(((Forward) content.get(j)).getDuration());
                j++;
            }
            if (j - i == 1) {
                continue;
            }
            content.subList(i, j).clear();
            if (net.signum() > 0) {
                Forward f = new Forward();
                f.setDuration(net);
                content.add(i, f);
            } else if (net.signum() < 0) {
                Backup b = new Backup();
                b.setDuration(net.negate());
                content.add(i, b);
            } else {
                i--;
            }
        }
    }

    /** Where the cursor stands after a measure's content, in divisions. */
    private static BigDecimal cursorAtEnd(List<Object> content) {
        BigDecimal at = BigDecimal.ZERO;
        for (Object o : content) {
            at = advance(o, at);
        }
        return at;
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
    private static boolean[] cutTiesAround(ScorePartwise.Part part, int first, int last,
                                           java.util.function.Predicate<org.audiveris.proxymusic.Note> affected) {
        boolean[] cut = new boolean[2];
        // only ties that cross the barline into or out of the run: a tie inside a kept measure stays
        if (first > 0) {
            for (org.audiveris.proxymusic.Note n : notesAtBarline(part.getMeasure().get(first - 1), false)) {
                cut[0] |= affected.test(n) && removeTies(n, StartStop.START);
            }
        }
        if (last + 1 < part.getMeasure().size()) {
            for (org.audiveris.proxymusic.Note n : notesAtBarline(part.getMeasure().get(last + 1), true)) {
                cut[1] |= affected.test(n) && removeTies(n, StartStop.STOP);
            }
        }
        return cut;
    }

    /** The notes of a measure that start on its downbeat ({@code atStart}) or end on its closing barline. */
    private static List<org.audiveris.proxymusic.Note> notesAtBarline(ScorePartwise.Part.Measure measure, boolean atStart) {
        List<Object> content = measure.getNoteOrBackupOrForward();
        BigDecimal end = BigDecimal.ZERO;
        BigDecimal at = BigDecimal.ZERO;
        for (Object o : content) {
            at = advance(o, at);
            end = end.max(at);
        }
        List<org.audiveris.proxymusic.Note> out = new ArrayList<>();
        at = BigDecimal.ZERO;
        BigDecimal chordStart = BigDecimal.ZERO;
        for (Object o : content) {
            if (o instanceof org.audiveris.proxymusic.Note n) {
                BigDecimal start = n.getChord() != null ? chordStart : at;
                BigDecimal length = n.getDuration() == null ? BigDecimal.ZERO : n.getDuration();
                if (atStart ? start.signum() == 0 : start.add(length).compareTo(end) == 0) {
                    out.add(n);
                }
                chordStart = start;
            }
            at = advance(o, at);
        }
        return out;
    }

    private static BigDecimal advance(Object o, BigDecimal at) {
        if (o instanceof org.audiveris.proxymusic.Note n && n.getChord() == null && n.getDuration() != null) {
            return at.add(n.getDuration());
        } else if (o instanceof Backup b) {
            return at.subtract(b.getDuration());
        } else if (o instanceof Forward f) {
            return at.add(f.getDuration());
        }
        return at;
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
    static long divisionsAt(ScorePartwise.Part part, int measure) {
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
