package org.kantor.checker;

import java.util.List;
import org.kantor.core.KeySignature;
import org.kantor.core.Mode;

/**
 * The key a chorale is in: its key signature read as major or as the relative minor, whichever tonic
 * the bass ends on (or, failing that, begins on); the signature's own mode otherwise. Chorales in the
 * church modes end elsewhere and keep the signature's reading.
 */
final class ChoraleKey {

    private ChoraleKey() {
    }

    static KeySignature estimate(KeySignature signature, List<List<SungNote>> voices) {
        KeySignature major = new KeySignature(signature.fifths(), Mode.MAJOR);
        KeySignature minor = new KeySignature(signature.fifths(), Mode.MINOR);
        List<SungNote> bass = voices.get(voices.size() - 1);
        if (bass.isEmpty()) {
            return signature.isMinor() ? minor : major;
        }
        for (SungNote n : List.of(bass.get(bass.size() - 1), bass.get(0))) {
            int pc = Math.floorMod(n.midi(), 12);
            if (pc == major.tonicPitchClass()) {
                return major;
            }
            if (pc == minor.tonicPitchClass()) {
                return minor;
            }
        }
        return signature.isMinor() ? minor : major;
    }
}
