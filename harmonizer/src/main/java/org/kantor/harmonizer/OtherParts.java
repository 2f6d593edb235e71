package org.kantor.harmonizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kantor.core.Part;
import org.kantor.core.Score;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;

/**
 * The parts of a score besides the melody and the voices a harmonization writes: an instrument that
 * doubles the melody (colla parte) sounds with any harmonization and stays; anything else (a piano
 * accompaniment, an obbligato horn) has its own harmony and would clash with the new voices, so it is
 * left out of the result.
 */
final class OtherParts {

    /** Share of an instrument's notes that must sound with the melody (same onset and pitch class) for it to count as doubling it. */
    static final double DOUBLING = 0.9;

    private OtherParts() {
    }

    /**
     * The indices of the parts that would clash, in increasing order.
     * @param keep parts that are the harmonization's own (the melody, the four voices)
     */
    static List<Integer> clashing(Score score, Set<Integer> keep, List<TimedNote> melody) {
        Set<String> melodyNotes = new HashSet<>();
        melody.forEach(n -> melodyNotes.add(key(n)));
        Timeline timeline = ScoreToTimeline.convert(score);
        List<Integer> clashing = new ArrayList<>();
        for (int p = 0; p < score.parts().size(); p++) {
            if (keep.contains(p)) {
                continue;
            }
            List<TimedNote> notes = timeline.notesOfPart(p);
            if (notes.isEmpty()) {
                continue;
            }
            long doubled = notes.stream().filter(n -> melodyNotes.contains(key(n))).count();
            if (doubled < DOUBLING * notes.size()) {
                clashing.add(p);
            }
        }
        return clashing;
    }

    /** "Horn 2 and Piano", for a message. */
    static String names(Score score, List<Integer> parts) {
        List<String> names = new ArrayList<>();
        for (int p : parts) {
            Part part = score.parts().get(p);
            names.add(part.name() == null || part.name().isBlank() ? "part " + (p + 1) : part.name());
        }
        return inWords(names);
    }

    /** "a", "a and b", "a, b and c". */
    static String inWords(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String key(TimedNote n) {
        return n.onset() + "/" + Math.floorMod(n.midi(), 12);
    }
}
