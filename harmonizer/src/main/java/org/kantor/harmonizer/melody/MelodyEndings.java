package org.kantor.harmonizer.melody;

import java.util.List;
import org.kantor.core.KeySignature;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Rest;
import org.kantor.musicxml.ScoreDocument;

/**
 * How the melodies that continue and generate write end, read from the scores they give as a singer
 * reads them: does the tune close on a note of the tonic chord, struck on the last downbeat and held to
 * the final barline, reached by step; does any new measure stand silent; is there a final barline.
 */
public record MelodyEndings(int melodies, int cadences, int reachedByStep, int emptyMeasures, int finalBarlines) {

    public static final MelodyEndings NONE = new MelodyEndings(0, 0, 0, 0, 0);

    /** One result: the melody in part {@code part}, written from measure index {@code first} on. */
    public static MelodyEndings of(ScoreDocument doc, int part, int first) {
        Part melody = doc.score().parts().get(part);
        List<Measure> measures = melody.measures();
        int empty = 0;
        for (int m = first; m < measures.size(); m++) {
            if (measures.get(m).voices().stream().flatMap(v -> v.events().stream()).noneMatch(e -> e instanceof Note)) {
                empty++;
            }
        }
        Measure last = measures.get(measures.size() - 1);
        Note closing = closingNote(last);
        boolean cadence = closing != null && inTonicChord(last.key(), closing.pitch().midi());
        boolean step = cadence && stepBefore(melody, closing);
        return new MelodyEndings(1, cadence ? 1 : 0, step ? 1 : 0, empty, doc.endsWithFinalBarline() ? 1 : 0);
    }

    public MelodyEndings plus(MelodyEndings o) {
        return new MelodyEndings(melodies + o.melodies, cadences + o.cadences, reachedByStep + o.reachedByStep,
                emptyMeasures + o.emptyMeasures, finalBarlines + o.finalBarlines);
    }

    /** The note struck on the downbeat and held (tied) to the end of the measure, or null. */
    private static Note closingNote(Measure last) {
        Note first = null;
        for (var voice : last.voices()) {
            for (MusicEvent e : voice.events()) {
                if (e instanceof Rest) {
                    return null;
                }
                if (e instanceof Note n) {
                    if (first == null) {
                        if (!n.offset().isZero()) {
                            return null;
                        }
                        first = n;
                    } else if (n.pitch().midi() != first.pitch().midi() || !n.tie().stopsTie()) {
                        return null;
                    }
                }
            }
        }
        return first;
    }

    private static boolean inTonicChord(KeySignature key, int midi) {
        int tonic = key.tonicPitchClass();
        int pc = Math.floorMod(midi, 12);
        return pc == tonic || pc == (tonic + (key.isMinor() ? 3 : 4)) % 12;
    }

    private static boolean stepBefore(Part melody, Note closing) {
        List<Note> notes = melody.notes().stream().filter(n -> !n.tie().stopsTie()).toList();
        int i = notes.indexOf(closing);
        return i > 0 && Math.abs(notes.get(i - 1).pitch().midi() - closing.pitch().midi()) <= 2;
    }
}
