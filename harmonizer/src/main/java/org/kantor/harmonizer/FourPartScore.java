package org.kantor.harmonizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kantor.core.Part;
import org.kantor.core.Score;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.musicxml.ScoreFileException;

/**
 * A four-part score whose soprano, alto, tenor and bass each have a part of their own: found by the
 * parts' names (Soprano/Sopran/S., Alto/Alt/A., Tenor/T., Bass/Bass/B.), or, without such names,
 * when exactly four parts have notes (top to bottom). Other parts (a doubling horn) are left alone.
 */
record FourPartScore(int[] partOfVoice, MelodyLine[] lines) {

    private static final String[][] NAMES = {
        {"soprano", "sopran", "s", "sop", "cantus", "discant"},
        {"alto", "alt", "a", "contralto"},
        {"tenor", "t", "ten"},
        {"bass", "bas", "b", "basso"},
    };

    /** The four voices, or null when the score has only one part with notes (a melody). */
    static FourPartScore find(Score score, String file) throws ScoreFileException {
        List<Integer> withNotes = new ArrayList<>();
        for (int p = 0; p < score.parts().size(); p++) {
            if (!score.parts().get(p).notes().isEmpty()) {
                withNotes.add(p);
            }
        }
        if (withNotes.size() <= 1) {
            return null;
        }
        int[] parts = byName(score, withNotes);
        if (parts == null && withNotes.size() == PianoRoll.VOICES) {
            parts = withNotes.stream().mapToInt(Integer::intValue).toArray();
        }
        if (parts == null) {
            List<String> names = new ArrayList<>();
            withNotes.forEach(p -> names.add(MelodyLine.partName(score.parts().get(p), p)));
            throw new ScoreFileException(file, "found " + withNotes.size() + " parts with notes (" + String.join(", ", names)
                    + "); harmonize takes a melody in one part, or a four-part score with parts named Soprano, Alto, Tenor and Bass");
        }
        MelodyLine[] lines = new MelodyLine[PianoRoll.VOICES];
        for (int v = 0; v < PianoRoll.VOICES; v++) {
            Part part = score.parts().get(parts[v]);
            if (part.staves() > 1) {
                throw new ScoreFileException(file, "the " + PianoRoll.VOICE_NAMES[v] + " part (" + MelodyLine.partName(part, parts[v])
                        + ") has " + part.staves() + " staves; harmonize reads four-part scores with one part per voice");
            }
            lines[v] = MelodyLine.ofPart(score, parts[v], file);
        }
        return new FourPartScore(parts, lines);
    }

    private static int[] byName(Score score, List<Integer> withNotes) {
        int[] parts = {-1, -1, -1, -1};
        for (int p : withNotes) {
            String name = score.parts().get(p).name();
            if (name == null) {
                continue;
            }
            String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            for (int v = 0; v < PianoRoll.VOICES; v++) {
                if (parts[v] < 0 && List.of(NAMES[v]).contains(key)) {
                    parts[v] = p;
                }
            }
        }
        for (int p : parts) {
            if (p < 0) {
                return null;
            }
        }
        return parts;
    }

    /** 16th-note steps the score lasts. */
    int steps() {
        return lines[0].steps();
    }
}
