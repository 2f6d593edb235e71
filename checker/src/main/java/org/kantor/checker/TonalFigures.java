package org.kantor.checker;

import java.util.List;
import org.kantor.core.KeySignature;
import org.kantor.core.Pitch;

/**
 * How chromatic a piece of four-part writing is, counted the same way for Bach and for a harmonizer:
 * notes outside the key (a minor key's raised sixth and seventh count as in it), chromatic inflections
 * inside one voice (F-sharp then F), and whether the last bass note is the tonic.
 */
public record TonalFigures(int pieces, long notes, long outsideKey, long inflections, int tonicBassAtEnd) {

    public static final TonalFigures NONE = new TonalFigures(0, 0, 0, 0, 0);

    public static TonalFigures of(Chorale chorale) {
        KeySignature key = chorale.key();
        long notes = 0;
        long outside = 0;
        long inflections = 0;
        for (int v = 0; v < 4; v++) {
            List<SungNote> line = chorale.voice(v);
            for (int i = 0; i < line.size(); i++) {
                Pitch p = line.get(i).pitch();
                notes++;
                if (!inKey(key, p.midi())) {
                    outside++;
                }
                if (i > 0) {
                    Pitch before = line.get(i - 1).pitch();
                    if (before.step() == p.step() && before.alter() != p.alter()) {
                        inflections++;
                    }
                }
            }
        }
        List<SungNote> bass = chorale.voice(3);
        boolean tonicBass = !bass.isEmpty() && Math.floorMod(bass.get(bass.size() - 1).midi(), 12) == key.tonicPitchClass();
        return new TonalFigures(1, notes, outside, inflections, tonicBass ? 1 : 0);
    }

    /** In the scale of the key; in minor the raised sixth and seventh (melodic and harmonic minor) too. */
    static boolean inKey(KeySignature key, int midi) {
        if (key.isDiatonic(midi)) {
            return true;
        }
        int degree = Math.floorMod(midi - key.tonicPitchClass(), 12);
        return key.isMinor() && (degree == 9 || degree == 11);
    }

    public TonalFigures plus(TonalFigures o) {
        return new TonalFigures(pieces + o.pieces, notes + o.notes, outsideKey + o.outsideKey, inflections + o.inflections,
                tonicBassAtEnd + o.tonicBassAtEnd);
    }

    public double perThousand(long count) {
        return notes == 0 ? 0 : 1000.0 * count / notes;
    }

    /** Share of pieces whose last bass note is the tonic. */
    public double tonicBassShare() {
        return pieces == 0 ? 0 : (double) tonicBassAtEnd / pieces;
    }
}
