package org.kantor.harmonizer;

import java.util.List;
import org.kantor.core.KeySignature;
import org.kantor.core.Mode;
import org.kantor.core.timeline.TimedNote;

/**
 * The tonic a harmonization should close on: where the melody ends on a note of the tonic triad of its key
 * signature (major, or the relative minor), the bass sounds that tonic under the last note, so that the
 * piece ends on a cadence rather than on whatever chord the sampler drew. A melody ending elsewhere (a
 * modal tune closing on its second degree) is left to the model.
 */
final class FinalTonic {

    private FinalTonic() {
    }

    /**
     * The pitch class (0-11) the bass should have under the melody's first note: the tonic of the key the ending
     * names, where the first note is in its triad too (chorales open on the tonic chord); -1 for none.
     */
    static int opening(KeySignature signature, List<TimedNote> melody) {
        int tonic = of(signature, melody);
        if (tonic < 0) {
            return -1;
        }
        int first = Math.floorMod(melody.get(0).midi() - tonic, 12);
        boolean minor = tonic == new KeySignature(signature.fifths(), Mode.MINOR).tonicPitchClass();
        return first == 0 || first == 7 || first == (minor ? 3 : 4) ? tonic : -1;
    }

    /** The pitch class (0-11) the bass should have under the melody's last note, or -1 for none. */
    static int of(KeySignature signature, List<TimedNote> melody) {
        if (melody.isEmpty()) {
            return -1;
        }
        int major = new KeySignature(signature.fifths(), Mode.MAJOR).tonicPitchClass();
        int minor = new KeySignature(signature.fifths(), Mode.MINOR).tonicPitchClass();
        int last = Math.floorMod(melody.get(melody.size() - 1).midi(), 12);
        int first = Math.floorMod(melody.get(0).midi(), 12);
        boolean inMajor = last == major || last == (major + 4) % 12 || last == (major + 7) % 12;
        // a minor tune may close on the major chord (the Picardy third)
        boolean inMinor = last == minor || last == (minor + 3) % 12 || last == (minor + 4) % 12 || last == (minor + 7) % 12;
        boolean readAsMinor = signature.isMinor() || signature.mode() != Mode.MAJOR && first == minor;
        if (inMinor && (readAsMinor || !inMajor)) {
            return minor;
        }
        return inMajor ? major : -1;
    }
}
