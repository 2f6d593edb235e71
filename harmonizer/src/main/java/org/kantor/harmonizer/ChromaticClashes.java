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

    private ChromaticClashes(KeySignature[] keys) {
        this.keys = keys;
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
            if (other != voice && sounding != PianoRoll.SILENT && clash(step, pitch, sounding)) {
                return true;
            }
        }
        return false;
    }

    boolean clash(int step, int a, int b) {
        int interval = Math.floorMod(a - b, 12);
        if (interval != 1 && interval != 11) {
            return false;
        }
        KeySignature key = keys[step];
        return key.spell(a).step() == key.spell(b).step();
    }
}
