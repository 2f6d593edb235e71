package org.kantor.core.theory;

import java.util.List;
import org.kantor.core.Pitch;

/**
 * A sonority read as a triad or seventh chord: its root (a written pitch class: letter and accidental),
 * quality, and inversion (which chord member is in the bass: 0 root, 1 third, 2 fifth, 3 seventh). The
 * notes must stack in thirds as written; the fifth may be left out, the third may not.
 */
public record IdentifiedChord(Pitch root, ChordQuality quality, int inversion) {

    /** The chord the pitches spell, or null when they are not a triad or seventh chord (a passing note sounds). */
    public static IdentifiedChord of(List<Pitch> pitches) {
        if (pitches.isEmpty()) {
            return null;
        }
        Pitch bass = pitches.get(0);
        for (Pitch p : pitches) {
            if (p.midi() < bass.midi()) {
                bass = p;
            }
        }
        for (Pitch root : pitches) {
            int[] member = {-1, -1, -1, -1}; // semitones above the root of the third, fifth, seventh; slot 0 unused
            boolean stacks = true;
            for (Pitch p : pitches) {
                int steps = Math.floorMod(p.diatonicIndex() - root.diatonicIndex(), 7);
                int semis = Math.floorMod(p.midi() - root.midi(), 12);
                if (steps == 0) {
                    stacks &= semis == 0;
                    continue;
                }
                if (steps % 2 == 1) {
                    stacks = false;
                    break;
                }
                int slot = steps / 2;
                stacks &= member[slot] < 0 || member[slot] == semis;
                member[slot] = semis;
            }
            if (!stacks || member[1] < 0) {
                continue;
            }
            ChordQuality quality = ChordQuality.of(member[1], member[2], member[3]);
            if (quality != null) {
                int inversion = Math.floorMod(bass.diatonicIndex() - root.diatonicIndex(), 7) / 2;
                return new IdentifiedChord(new Pitch(root.step(), root.alter(), 4), quality, inversion);
            }
        }
        return null;
    }

    /** Pitch class (0-11) of the root. */
    public int rootPitchClass() {
        return Math.floorMod(root.midi(), 12);
    }

    /** Whether a written pitch is this chord's seventh. */
    public boolean isSeventh(Pitch p) {
        return quality.isSeventhChord() && Math.floorMod(p.diatonicIndex() - root.diatonicIndex(), 7) == 6;
    }

    /** Whether a written pitch is this chord's third. */
    public boolean isThird(Pitch p) {
        return Math.floorMod(p.diatonicIndex() - root.diatonicIndex(), 7) == 2;
    }

    /** Root name and quality, e.g. "G dominant seventh". */
    public String describe() {
        return root.nameWithoutOctave() + " " + quality.description();
    }
}
