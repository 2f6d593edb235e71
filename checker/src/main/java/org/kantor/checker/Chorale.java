package org.kantor.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.kantor.core.Chord;
import org.kantor.core.KeySignature;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.Voice;
import org.kantor.core.theory.IdentifiedChord;
import org.kantor.core.theory.RomanNumeral;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.checker.FourPartScore;
import org.kantor.core.theory.ChoirVoices;
import org.kantor.musicxml.ScoreFileException;

/**
 * Four-part writing as the checker reads it: each voice's notes (ties joined), the sonorities where any
 * voice strikes, the chord each spells, and the key. Written on four staves or on two (see
 * {@link FourPartScore}).
 */
public final class Chorale {

    public static final String[] VOICES = ChoirVoices.NAMES;

    private final String file;
    private final FourPartScore.Source[] sources;
    private final List<MeasureLayout.Slot> measures;
    private final List<List<SungNote>> voices;
    private final KeySignature key;
    private final List<Sonority> sonorities;

    private Chorale(String file, FourPartScore.Source[] sources, List<MeasureLayout.Slot> measures, List<List<SungNote>> voices) {
        this.file = file;
        this.sources = sources;
        this.measures = measures;
        this.voices = voices;
        this.key = ChoraleKey.estimate(measures.get(0).key(), voices);
        this.sonorities = sonorities(voices, measures, key);
    }

    /** Reads the four voices of a score, or says what the score holds and what the checker needs. */
    public static Chorale of(Score score, String file) throws ScoreFileException {
        FourPartScore.Source[] sources = FourPartScore.locate(score, file);
        if (sources == null) {
            throw new ScoreFileException(file, (score.parts().stream().allMatch(p -> p.notes().isEmpty()) ? "the score has no notes"
                    : FourPartScore.describe(score)) + "; the checker needs four-part writing: soprano, alto, tenor and bass on four"
                    + " staves, or on two staves with two voices each");
        }
        List<MeasureLayout.Slot> measures = MeasureLayout.of(score);
        List<List<SungNote>> voices = new ArrayList<>();
        for (int v = 0; v < VOICES.length; v++) {
            voices.add(notesOf(score, sources[v], v, measures, file));
        }
        return new Chorale(file, sources, measures, voices);
    }

    private static List<SungNote> notesOf(Score score, FourPartScore.Source source, int voice, List<MeasureLayout.Slot> slots, String file)
            throws ScoreFileException {
        Part part = score.parts().get(source.part());
        List<SungNote> notes = new ArrayList<>();
        for (int m = 0; m < part.measures().size(); m++) {
            Measure measure = part.measures().get(m);
            Rational start = slots.get(m).start();
            List<Note> struck = new ArrayList<>();
            for (Voice v : measure.voices()) {
                if (source.voice() != null && !source.voice().equals(v.id())) {
                    continue;
                }
                for (MusicEvent e : v.events()) {
                    if (source.staff() > 0 && !org.kantor.checker.MelodyLine.onStaff(e, source.staff())) {
                        continue;
                    }
                    if (e instanceof Chord c) {
                        throw new ScoreFileException(file, null, measure.number(), "the " + VOICES[voice] + " has a chord ("
                                + c.notes().stream().map(n -> n.pitch().toString()).reduce((a, b) -> a + " " + b).orElse("") + ") at beat "
                                + beatText(slots.get(m), c.offset()) + "; the checker reads one note per voice: write two voices on a staff"
                                + " as voice 1 and voice 2");
                    }
                    if (e instanceof Note n && !n.grace()) {
                        struck.add(n);
                    }
                }
            }
            struck.sort((a, b) -> a.offset().compareTo(b.offset()));
            for (Note n : struck) {
                Rational onset = start.plus(n.offset());
                SungNote last = notes.isEmpty() ? null : notes.get(notes.size() - 1);
                if (last != null && onset.lessThan(last.end())) {
                    throw new ScoreFileException(file, null, measure.number(), "the " + VOICES[voice] + " sings two notes at once at beat "
                            + beatText(slots.get(m), n.offset()) + "; the checker reads one note per voice at a time");
                }
                if (n.tie().stopsTie() && last != null && last.end().equals(onset) && last.midi() == n.pitch().midi()) {
                    notes.set(notes.size() - 1, last.until(onset.plus(n.length())));
                } else {
                    notes.add(new SungNote(voice, n.pitch(), onset, onset.plus(n.length()), m, n.offset(), n.fermata()));
                }
            }
        }
        return notes;
    }

    private static List<Sonority> sonorities(List<List<SungNote>> voices, List<MeasureLayout.Slot> measures, KeySignature key) {
        TreeSet<Rational> onsets = new TreeSet<>();
        voices.forEach(line -> line.forEach(n -> onsets.add(n.onset())));
        int[] next = new int[voices.size()];
        List<Sonority> result = new ArrayList<>();
        int measure = 0;
        for (Rational t : onsets) {
            SungNote[] sounding = new SungNote[voices.size()];
            for (int v = 0; v < voices.size(); v++) {
                List<SungNote> line = voices.get(v);
                while (next[v] < line.size() && !line.get(next[v]).end().greaterThan(t)) {
                    next[v]++;
                }
                if (next[v] < line.size() && !line.get(next[v]).onset().greaterThan(t)) {
                    sounding[v] = line.get(next[v]);
                }
            }
            while (measure + 1 < measures.size() && !measures.get(measure + 1).start().greaterThan(t)) {
                measure++;
            }
            List<org.kantor.core.Pitch> pitches = new ArrayList<>();
            for (SungNote n : sounding) {
                if (n != null) {
                    pitches.add(n.pitch());
                }
            }
            IdentifiedChord chord = IdentifiedChord.of(pitches);
            RomanNumeral numeral = chord == null ? null : RomanNumeral.of(chord, key);
            result.add(new Sonority(result.size(), t, measure, sounding, chord, numeral));
        }
        return result;
    }

    /** The beat a musician counts, from 1 in the meter's beat unit (a pickup counts from the end of its measure). */
    public static double beat(MeasureLayout.Slot measure, Rational offset) {
        Rational missing = measure.time().measureLength().minus(measure.length());
        Rational counted = missing.isPositive() && measure.start().equals(Rational.ZERO) ? offset.plus(missing) : offset;
        return 1 + counted.dividedBy(measure.time().beatUnitForCounting()).toDouble();
    }

    static String beatText(MeasureLayout.Slot measure, Rational offset) {
        return org.kantor.checker.MelodyLine.beatText(beat(measure, offset));
    }

    public String file() {
        return file;
    }

    public KeySignature key() {
        return key;
    }

    public List<Sonority> sonorities() {
        return sonorities;
    }

    /** The notes of a voice (0 soprano .. 3 bass), in order. */
    public List<SungNote> voice(int v) {
        return voices.get(v);
    }

    public FourPartScore.Source source(int v) {
        return sources[v];
    }

    public List<MeasureLayout.Slot> measures() {
        return measures;
    }

    /** The sonority where a note starts. */
    public Sonority at(SungNote note) {
        int lo = 0;
        int hi = sonorities.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sonorities.get(mid).onset().lessThan(note.onset())) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return sonorities.get(lo);
    }

    /** The last sonority with a recognised chord while the note sounds: the harmony the note leaves, or null. */
    public Sonority lastChordDuring(SungNote note) {
        Sonority found = null;
        for (int k = at(note).index(); k < sonorities.size(); k++) {
            Sonority s = sonorities.get(k);
            if (!s.onset().lessThan(note.end())) {
                break;
            }
            if (s.numeral() != null) {
                found = s;
            }
        }
        return found;
    }

    /** The note the same voice sings just before this one, with no rest between; null after a rest or at the start. */
    public SungNote previous(SungNote note) {
        List<SungNote> line = voices.get(note.voice());
        int i = line.indexOf(note);
        return i > 0 && line.get(i - 1).end().equals(note.onset()) ? line.get(i - 1) : null;
    }

    /** The note the same voice sings next, with no rest between; null before a rest or at the end. */
    public SungNote next(SungNote note) {
        List<SungNote> line = voices.get(note.voice());
        int i = line.indexOf(note);
        return i >= 0 && i + 1 < line.size() && line.get(i + 1).onset().equals(note.end()) ? line.get(i + 1) : null;
    }

    /** The number of notes sung, all voices together: the denominator of rates per note. */
    public int noteCount() {
        return voices.stream().mapToInt(List::size).sum();
    }
}
