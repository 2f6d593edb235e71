package org.kantor.musicxml;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audiveris.proxymusic.Attributes;
import org.audiveris.proxymusic.Backup;
import org.audiveris.proxymusic.Forward;
import org.audiveris.proxymusic.MidiInstrument;
import org.audiveris.proxymusic.Note;
import org.audiveris.proxymusic.ScorePart;
import org.audiveris.proxymusic.ScorePartwise;
import org.kantor.core.Pitch;
import org.kantor.core.Rational;
import org.kantor.core.Step;

/**
 * Adds a performance to the notes of one part without changing how they are written: each note's
 * loudness as MusicXML's {@code dynamics} attribute (percent of the forte velocity 90) and its
 * distance from the written time as {@code attack} and {@code release} (in divisions; the same for
 * both, so that the note keeps its length). Notation programs use these for playback.
 */
public final class NotePerformance {

    /** The velocity forte stands for in MusicXML's dynamics attribute. */
    private static final double FORTE_VELOCITY = 90;

    /** How one note is played: MIDI velocity (1-127) and a shift in quarter notes (negative: early). */
    public record Played(int velocity, double shiftQuarters) {
    }

    /** Says how to play the note sounding {@code midiKey} written at {@code onset} quarters from the start; null leaves it. */
    public interface Performer {
        Played play(Rational onset, int midiKey);
    }

    private NotePerformance() {
    }

    /** Applies the performance to part {@code partIndex} of the document; returns how many notes got one. */
    public static int apply(ScoreDocument doc, int partIndex, Performer performer) throws ScoreFileException {
        ScorePartwise tree = doc.tree();
        if (partIndex < 0 || partIndex >= tree.getPart().size()) {
            throw new ScoreFileException(doc.name(), "the score has no part " + (partIndex + 1));
        }
        List<Note> changed = mark(tree.getPart().get(partIndex), performer);
        for (Note n : changed) {
            if (doc.nodeOf(n) == null) {
                // JAXB cannot merge a note into XML it was never read from: mark a new part before it is added
                throw new IllegalStateException("part " + (partIndex + 1) + " was added without its performance; see ScoreDocument.addParts");
            }
        }
        doc.treeChanged(new ArrayList<>(changed));
        return changed.size();
    }

    /**
     * Sets the performance on the notes of a part's tree, and returns the notes it set: for a part read from a
     * file (then merge them with {@link ScoreDocument#treeChanged(List)}) or one about to be added.
     */
    public static List<Note> mark(ScorePartwise.Part part, Performer performer) {
        Map<Object, Integer> keys = unpitchedKeys(part.getId());
        List<Note> changed = new ArrayList<>();
        Rational measureStart = Rational.ZERO;
        long divisions = 1;
        for (ScorePartwise.Part.Measure m : part.getMeasure()) {
            long cursor = 0;
            long reached = 0;
            long lastOnset = 0;
            for (Object o : m.getNoteOrBackupOrForward()) {
                if (o instanceof Attributes a && a.getDivisions() != null) {
                    divisions = Math.max(1, a.getDivisions().longValue());
                } else if (o instanceof Backup b && b.getDuration() != null) {
                    cursor = Math.max(0, cursor - b.getDuration().longValue());
                } else if (o instanceof Forward f && f.getDuration() != null) {
                    cursor += f.getDuration().longValue();
                    reached = Math.max(reached, cursor);
                } else if (o instanceof Note n) {
                    long duration = n.getDuration() == null ? 0 : n.getDuration().longValue();
                    long onset = n.getChord() != null ? lastOnset : cursor;
                    if (n.getChord() == null) {
                        lastOnset = cursor;
                        cursor += duration;
                        reached = Math.max(reached, cursor);
                    }
                    Integer key = midiKey(n, keys);
                    if (key == null || n.getGrace() != null || startsWithTieStop(n)) {
                        continue;
                    }
                    Played p = performer.play(measureStart.plus(Rational.of(onset, divisions)), key);
                    if (p != null) {
                        n.setDynamics(BigDecimal.valueOf(Math.max(1, Math.min(127, p.velocity())) * 100 / FORTE_VELOCITY)
                                .setScale(2, RoundingMode.HALF_EVEN));
                        BigDecimal shift = BigDecimal.valueOf(p.shiftQuarters() * divisions).setScale(2, RoundingMode.HALF_EVEN);
                        n.setAttack(shift);
                        n.setRelease(shift);
                        changed.add(n);
                    }
                }
            }
            measureStart = measureStart.plus(Rational.of(reached, divisions));
        }
        return changed;
    }

    private static boolean startsWithTieStop(Note n) {
        return n.getTie().stream().anyMatch(t -> t.getType() == org.audiveris.proxymusic.StartStop.STOP)
                && n.getTie().stream().noneMatch(t -> t.getType() == org.audiveris.proxymusic.StartStop.START);
    }

    private static Integer midiKey(Note n, Map<Object, Integer> keys) {
        if (n.getPitch() != null && n.getPitch().getStep() != null) {
            int alter = n.getPitch().getAlter() == null ? 0 : n.getPitch().getAlter().intValue();
            return new Pitch(Step.valueOf(n.getPitch().getStep().name()), Math.max(-3, Math.min(3, alter)), n.getPitch().getOctave()).midi();
        }
        if (n.getUnpitched() != null) {
            for (var instrument : n.getInstrument()) {
                Integer key = keys.get(instrument.getId());
                if (key != null) {
                    return key;
                }
            }
            return keys.isEmpty() ? null : keys.values().iterator().next();
        }
        return null;
    }

    /** The percussion key of each score-instrument of the part, from its {@code <midi-unpitched>} (counted from 1). */
    private static Map<Object, Integer> unpitchedKeys(Object partId) {
        Map<Object, Integer> keys = new HashMap<>();
        if (partId instanceof ScorePart sp) {
            for (Object o : sp.getMidiDeviceAndMidiInstrument()) {
                if (o instanceof MidiInstrument mi && mi.getMidiUnpitched() != null && mi.getId() != null) {
                    keys.put(mi.getId(), mi.getMidiUnpitched() - 1);
                }
            }
        }
        return keys;
    }
}
