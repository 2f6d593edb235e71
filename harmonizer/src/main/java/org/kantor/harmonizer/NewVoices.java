package org.kantor.harmonizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kantor.checker.MelodyLine;
import org.kantor.core.Clef;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * Adds the voices sampled around a melody to the melody's score, on four staves (a choir part per
 * voice, above and below the melody) or on two (the melody's partner voice joins the melody's staff,
 * the other two voices share a new staff), leaving the melody's notes as they were.
 */
record NewVoices(int[][] roll, Set<Integer> repeatSteps, Set<Rational> fermatas, List<MeasureLayout.Slot> slots) {

    /** One part per new voice: those above the melody before its part, those below after it. */
    void onFourStaves(ScoreDocument doc, int melodyPart, int given) throws ScoreFileException {
        List<Integer> above = new ArrayList<>();
        List<Integer> below = new ArrayList<>();
        for (int v = 0; v < PianoRoll.VOICES; v++) {
            if (v < given) {
                above.add(v);
            } else if (v > given) {
                below.add(v);
            }
        }
        int position = melodyPart;
        if (!above.isEmpty()) {
            doc.addParts(ChoirParts.build(roll, above, repeatSteps, fermatas, slots, 2), position);
            position += above.size();
        }
        if (!below.isEmpty()) {
            doc.addParts(ChoirParts.build(roll, below, repeatSteps, fermatas, slots, 2 + above.size()), position + 1);
        }
    }

    /**
     * Hymnal layout: soprano and alto on a treble staff, tenor and bass on a bass staff. The melody's
     * partner (alto for a soprano melody) becomes a second voice of the melody's staff; the other pair
     * gets a new part above or below it.
     */
    void onTwoStaves(ScoreDocument doc, MelodyLine melody, int given) throws ScoreFileException {
        int partner = given ^ 1;
        int melodyStaff = melody.notes().isEmpty() ? 1 : Math.max(1, melody.notes().get(0).staff());
        int last = slots.size() - 1;
        doc.replaceVoice(melody.partIndex(), melodyStaff, unusedVoiceNumber(doc, melody.partIndex()),
                ChoirParts.build(roll, List.of(partner), repeatSteps, fermatas, slots, 2), 0, last, partner < given);

        boolean lowerPair = given < 2;
        int upper = lowerPair ? 2 : 0;
        Score pair = ChoirParts.sharedStaff(ChoirParts.build(roll, List.of(upper), repeatSteps, fermatas, slots, 3),
                ChoirParts.build(roll, List.of(upper + 1), repeatSteps, fermatas, slots, 3),
                lowerPair ? "Tenor, Bass" : "Soprano, Alto", lowerPair ? Clef.BASS : Clef.TREBLE);
        doc.addParts(pair, lowerPair ? melody.partIndex() + 1 : melody.partIndex());
    }

    /** The lowest voice number the part does not use yet, for the voice that joins it. */
    private static String unusedVoiceNumber(ScoreDocument doc, int part) {
        Set<String> used = new HashSet<>();
        doc.score().parts().get(part).measures().forEach(m -> m.voices().forEach(v -> used.add(v.id())));
        int n = 1;
        while (used.contains(Integer.toString(n))) {
            n++;
        }
        return Integer.toString(n);
    }
}
