package org.kantor.checker;

import org.kantor.core.KeySignature;
import org.kantor.core.Pitch;
import org.kantor.core.Step;

/** The tonic and leading tone of a key, as written pitches (the leading tone of a minor key is the raised seventh). */
record KeyDegrees(Step tonicStep, int tonicPitchClass) {

    static KeyDegrees of(KeySignature key) {
        return new KeyDegrees(key.tonic(4).step(), key.tonicPitchClass());
    }

    boolean isLeadingTone(Pitch p) {
        return p.step() == tonicStep.plus(-1) && Math.floorMod(p.midi(), 12) == Math.floorMod(tonicPitchClass - 1, 12);
    }

    boolean isTonic(Pitch p) {
        return p.step() == tonicStep && Math.floorMod(p.midi(), 12) == tonicPitchClass;
    }
}
