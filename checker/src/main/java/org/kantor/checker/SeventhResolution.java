package org.kantor.checker;

import java.util.List;
import org.kantor.core.theory.IdentifiedChord;

/**
 * The seventh of a seventh chord resolves down by step: the voice that has the chordal seventh, when
 * the harmony changes, moves down a half or whole step. A voice that keeps the note into the next
 * chord (a suspension, or the same chord) is followed to its next move.
 */
final class SeventhResolution implements Rule {

    @Override
    public String id() {
        return "seventh-resolution";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.ERROR;
    }

    @Override
    public String definition() {
        return "The voice that has the seventh of a seventh chord does not move down by step (one or two semitones) when it next moves"
                + " to a note of another chord.";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        for (int v = 0; v < 4; v++) {
            List<SungNote> line = chorale.voice(v);
            for (int i = 0; i + 1 < line.size(); i++) {
                SungNote note = line.get(i);
                Sonority last = chorale.lastChordDuring(note);
                if (last == null || !last.chord().isSeventh(note.pitch())) {
                    continue;
                }
                IdentifiedChord seventhChord = last.chord();
                // follow the voice while it keeps the pitch, or moves within the same chord
                int j = i + 1;
                while (j < line.size() && line.get(j).onset().equals(line.get(j - 1).end()) && line.get(j).midi() == note.midi()) {
                    j++;
                }
                if (j >= line.size() || !line.get(j).onset().equals(line.get(j - 1).end())) {
                    continue;
                }
                SungNote next = line.get(j);
                Sonority then = chorale.at(next);
                if (then.chord() != null && then.chord().equals(seventhChord)) {
                    continue; // still the same harmony: the seventh moves within it, not yet a resolution
                }
                int step = next.midi() - note.midi();
                if (step != -1 && step != -2) {
                    findings.add(finding(chorale, then, List.of(v), "Seventh: the " + Chorale.VOICES[v] + "'s " + note.pitch() + " is the seventh of "
                            + last.numeral() + " (" + seventhChord.describe() + ") and moves to " + next.pitch() + "; it should resolve down by step.",
                            List.of(note, next)));
                }
            }
        }
    }
}
