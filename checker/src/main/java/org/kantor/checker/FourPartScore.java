package org.kantor.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kantor.core.Chord;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Score;
import org.kantor.core.Voice;
import org.kantor.core.theory.ChoirVoices;
import org.kantor.musicxml.ScoreFileException;

/**
 * Where soprano, alto, tenor and bass are written in a score: on four staves, one part per voice (found
 * by the parts' names, Soprano/Sopran/S., Alto/Alt/A., Tenor/T., Bass/B., or when exactly four parts
 * have notes, top to bottom; other parts such as a doubling horn are left alone), or on two staves with
 * two voices each (two parts, or one part with two staves; the higher voice of a staff is the upper one).
 */
public record FourPartScore(Source[] sources, MelodyLine[] lines) {

    /**
     * Where one voice is written: a part, and for a voice that shares its staff, the staff (from 1) and
     * the MusicXML voice number; {@code staff} 0 and {@code voice} null mean the whole part.
     */
    public record Source(int part, int staff, String voice, boolean upper) {
        /** Whether the voice has its staff to itself. */
        public boolean ownsPart() {
            return voice == null;
        }
    }

    private static final String[][] NAMES = {
        {"soprano", "sopran", "s", "sop", "cantus", "discant"},
        {"alto", "alt", "a", "contralto"},
        {"tenor", "t", "ten"},
        {"bass", "bas", "b", "basso"},
    };

    /** The four voices, or null when the score has only one part with notes (a melody). */
    public static FourPartScore find(Score score, String file) throws ScoreFileException {
        Source[] sources = locate(score, file);
        if (sources == null) {
            return null;
        }
        MelodyLine[] lines = new MelodyLine[ChoirVoices.COUNT];
        for (int v = 0; v < ChoirVoices.COUNT; v++) {
            Source s = sources[v];
            lines[v] = MelodyLine.ofVoice(score, s.part(), s.staff(), s.voice(), file);
        }
        return new FourPartScore(sources, lines);
    }

    /**
     * Where soprano, alto, tenor and bass are written, or null when the score has a single line (a melody).
     *
     * @throws ScoreFileException saying what the score holds when it is neither
     */
    public static Source[] locate(Score score, String file) throws ScoreFileException {
        List<Integer> withNotes = new ArrayList<>();
        for (int p = 0; p < score.parts().size(); p++) {
            if (!score.parts().get(p).notes().isEmpty()) {
                withNotes.add(p);
            }
        }
        // one part is a melody unless it is a grand staff with four voices
        if (withNotes.isEmpty() || withNotes.size() == 1 && lines(score.parts().get(withNotes.get(0))).size() != ChoirVoices.COUNT) {
            return null;
        }
        Source[] sources = byName(score, withNotes);
        if (sources == null) {
            sources = byStaves(score, withNotes);
        }
        if (sources == null) {
            throw new ScoreFileException(file, describe(score) + "; four-part writing needs soprano, alto, tenor and bass"
                    + " on four staves (one part each, e.g. named Soprano, Alto, Tenor, Bass) or on two staves with two voices each"
                    + " (voice 1 and voice 2, not chords)");
        }
        for (int v = 0; v < ChoirVoices.COUNT; v++) {
            Part part = score.parts().get(sources[v].part());
            if (sources[v].ownsPart() && part.staves() > 1) {
                throw new ScoreFileException(file, "the " + ChoirVoices.NAMES[v] + " part (" + MelodyLine.partName(part, sources[v].part())
                        + ") has " + part.staves() + " staves; write one voice per staff, or two voices per staff on two staves");
            }
        }
        return sources;
    }

    /** The (staff, voice) pairs a part writes notes in, in order of appearance. */
    private static List<Source> lines(Part part) {
        Map<String, Source> found = new LinkedHashMap<>();
        for (Measure m : part.measures()) {
            for (Voice v : m.voices()) {
                for (MusicEvent e : v.events()) {
                    Note first = e instanceof Chord c ? c.notes().get(0) : e instanceof Note n && !n.grace() ? n : null;
                    if (first != null) {
                        found.putIfAbsent(first.staff() + "/" + v.id(), new Source(-1, first.staff(), v.id(), false));
                    }
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Four parts named for the four voices. */
    private static Source[] byName(Score score, List<Integer> withNotes) {
        Source[] sources = new Source[ChoirVoices.COUNT];
        for (int p : withNotes) {
            String name = score.parts().get(p).name();
            if (name == null) {
                continue;
            }
            String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            for (int v = 0; v < ChoirVoices.COUNT; v++) {
                if (sources[v] == null && List.of(NAMES[v]).contains(key)) {
                    sources[v] = new Source(p, 0, null, false);
                }
            }
        }
        for (Source s : sources) {
            if (s == null) {
                return null;
            }
        }
        return sources;
    }

    /**
     * Exactly four lines on the staves that have notes: four single-line parts, or two staves with two
     * voices each; top to bottom by staff, and within a staff the higher-sounding voice first.
     */
    private static Source[] byStaves(Score score, List<Integer> withNotes) {
        List<Source> found = new ArrayList<>();
        List<Double> meanPitch = new ArrayList<>();
        for (int p : withNotes) {
            Part part = score.parts().get(p);
            List<Source> partLines = lines(part);
            Map<Integer, List<Source>> byStaff = new LinkedHashMap<>();
            for (Source s : partLines) {
                byStaff.computeIfAbsent(s.staff(), k -> new ArrayList<>()).add(s);
            }
            List<Integer> staves = new ArrayList<>(byStaff.keySet());
            staves.sort(Comparator.naturalOrder());
            for (int staff : staves) {
                List<Source> onStaff = byStaff.get(staff);
                if (onStaff.size() > 2) {
                    return null;
                }
                onStaff.sort(Comparator.comparingDouble((Source s) -> -meanPitch(part, s)));
                for (int i = 0; i < onStaff.size(); i++) {
                    Source s = onStaff.get(i);
                    boolean alone = partLines.size() == 1;
                    found.add(alone ? new Source(p, 0, null, false) : new Source(p, s.staff(), s.voice(), i == 0));
                    meanPitch.add(meanPitch(part, s));
                }
            }
        }
        if (found.size() != ChoirVoices.COUNT) {
            return null;
        }
        return found.toArray(new Source[0]);
    }

    private static double meanPitch(Part part, Source line) {
        double sum = 0;
        int n = 0;
        for (Measure m : part.measures()) {
            Voice v = m.voice(line.voice());
            if (v == null) {
                continue;
            }
            for (Note note : v.notes()) {
                if (note.staff() == line.staff() && !note.grace()) {
                    sum += note.pitch().midi();
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** What the score holds, for a message: parts with notes, their staves and voices, and chords if any. */
    public static String describe(Score score) {
        List<String> parts = new ArrayList<>();
        int lines = 0;
        boolean chords = false;
        int withNotes = 0;
        for (int p = 0; p < score.parts().size(); p++) {
            Part part = score.parts().get(p);
            if (part.notes().isEmpty()) {
                continue;
            }
            withNotes++;
            int partLines = lines(part).size();
            lines += partLines;
            chords |= part.measures().stream().flatMap(m -> m.voices().stream()).flatMap(v -> v.events().stream())
                    .anyMatch(e -> e instanceof Chord);
            parts.add(MelodyLine.partName(part, p) + (partLines > 1 ? " (" + partLines + " voices)" : ""));
        }
        return "found " + withNotes + (withNotes == 1 ? " part" : " parts") + " with notes (" + String.join(", ", parts) + "), "
                + lines + (lines == 1 ? " voice" : " voices") + " in all" + (chords ? ", with chords" : "");
    }

    /** 16th-note steps the score lasts. */
    public int steps() {
        return lines[0].steps();
    }
}
