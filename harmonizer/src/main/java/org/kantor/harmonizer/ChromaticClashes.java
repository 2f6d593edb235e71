package org.kantor.harmonizer;

import java.util.List;
import org.kantor.core.KeySignature;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.checker.MelodyLine;
import org.kantor.models.harmony.PianoRoll;

/**
 * Which simultaneous pitches would be written on one letter with two accidentals (C-sharp against C):
 * the checker's chromatic clash, which a musician hears as a wrong note and Bach almost never writes.
 * The sampler leaves such pitches out, as it leaves out parallel fifths. Pitches are spelled in the key
 * of each step's measure, as the notation of the result spells them (the sampler's octave transposition
 * changes no letter).
 */
final class ChromaticClashes {

    private final KeySignature[] keys;
    /** [step][voice]: how the kept notes are written, where that is known (a melody's A-sharp is not the key's B-flat). */
    private final org.kantor.core.Pitch[][] written;

    private ChromaticClashes(KeySignature[] keys) {
        this.keys = keys;
        this.written = new org.kantor.core.Pitch[keys.length][PianoRoll.VOICES];
    }

    /** Remembers how a kept voice's notes are written, so that a clash with them is judged on their own spelling. */
    ChromaticClashes writtenAs(int voice, List<org.kantor.core.timeline.TimedNote> notes) {
        for (org.kantor.core.timeline.TimedNote n : notes) {
            if (n.spelling() == null) {
                continue;
            }
            int from = (int) n.onset().dividedBy(MelodyLine.STEP).floor();
            int to = Math.min(keys.length, (int) n.offset().dividedBy(MelodyLine.STEP).floor());
            for (int t = Math.max(0, from); t < to; t++) {
                written[t][voice] = n.spelling();
            }
        }
        return this;
    }

    static ChromaticClashes of(List<MeasureLayout.Slot> measures, int steps) {
        KeySignature[] keys = new KeySignature[steps];
        KeySignature last = measures.isEmpty() ? KeySignature.C_MAJOR : measures.get(0).key();
        for (MeasureLayout.Slot m : measures) {
            long from = m.start().dividedBy(MelodyLine.STEP).floor();
            long to = Math.min(steps, m.end().dividedBy(MelodyLine.STEP).floor());
            for (long t = Math.max(0, from); t < to; t++) {
                keys[(int) t] = m.key();
            }
            last = m.key();
        }
        for (int t = 0; t < steps; t++) {
            if (keys[t] == null) {
                keys[t] = last;
            }
        }
        return new ChromaticClashes(keys);
    }

    /** Whether {@code pitch} in {@code voice} at {@code step} clashes with a pitch another voice sounds there. */
    boolean clashes(int[][] roll, int step, int voice, int pitch) {
        for (int other = 0; other < PianoRoll.VOICES; other++) {
            int sounding = roll[step][other];
            if (other != voice && sounding != PianoRoll.SILENT && clash(step, pitch, sounding, spelled(step, other, sounding))) {
                return true;
            }
        }
        return false;
    }

    /** {@code a} spelled in the key against {@code b}, written {@code bWritten}. */
    private boolean clash(int step, int a, int b, org.kantor.core.Pitch bWritten) {
        int interval = Math.floorMod(a - b, 12);
        if (interval != 1 && interval != 11) {
            return false;
        }
        return keys[step].spell(a).step() == bWritten.step();
    }

    /** How a voice's pitch is written: as the score writes it where the voice is kept, else as the key spells it. */
    private org.kantor.core.Pitch spelled(int step, int voice, int midi) {
        org.kantor.core.Pitch w = written[step][voice];
        return w != null && Math.floorMod(w.midi() - midi, 12) == 0 ? w : keys[step].spell(midi);
    }
}
