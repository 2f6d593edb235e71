package org.kantor.checker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.kantor.core.Chord;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Pitch;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.Voice;
import org.kantor.core.theory.IdentifiedChord;
import org.kantor.core.theory.Interval;
import org.kantor.checker.FourPartScore;
import org.kantor.checker.VoiceRange;

/**
 * Makes a known fault of a given rule in a correct chorale by changing the pitch of one note, the way a
 * student's slip would: a note moved to make parallel fifths, a tenor raised out of range, an alto
 * pushed above the soprano. Each recipe builds the fault from the rule's textbook definition, so the
 * checker's findings can be compared with what was injected.
 */
public final class ErrorInjector {

    /** One note of a voice given another pitch to make a fault of {@code rule}. */
    public record Injection(String rule, SungNote note, Pitch pitch) {
    }

    private static final VoiceRange[] RANGES = VoiceRange.BACH;

    private ErrorInjector() {
    }

    /**
     * A fault of the rule somewhere in the chorale (sites tried in a random order), or null when none can
     * be made. Sites where the untouched chorale already has a finding of the rule are left alone, so that
     * what is found there can only come from the injection.
     */
    public static Injection inject(Chorale c, String rule, Random random, List<Finding> existing) {
        List<Sonority> s = new ArrayList<>(c.sonorities());
        List<Integer> order = new ArrayList<>();
        for (int k = 1; k < s.size(); k++) {
            order.add(k);
        }
        Collections.shuffle(order, random);
        for (int k : order) {
            Injection found = switch (rule) {
                case "parallel-fifths" -> perfect(c, k, true, false, rule);
                case "parallel-octaves" -> perfect(c, k, false, false, rule);
                case "contrary-fifths" -> perfect(c, k, true, true, rule);
                case "contrary-octaves" -> perfect(c, k, false, true, rule);
                case "hidden-fifths" -> hidden(c, k, true, rule);
                case "hidden-octaves" -> hidden(c, k, false, rule);
                case "voice-crossing" -> crossing(c, k, rule);
                case "voice-overlap" -> overlap(c, k, rule);
                case "spacing" -> spacing(c, k, rule);
                case "range" -> range(c, k, rule);
                case "leading-tone" -> leadingTone(c, k, rule);
                case "seventh-resolution" -> seventh(c, k, rule);
                case "doubled-leading-tone" -> doubledLeadingTone(c, k, rule);
                case "augmented-second" -> melodic(c, k, true, rule);
                case "large-leap" -> melodic(c, k, false, rule);
                case "chromatic-clash" -> clash(c, k, rule);
                case "cross-relation" -> crossRelation(c, k, rule);
                case "chromatic-line" -> chromaticLine(c, k, rule);
                case "non-chord-tone" -> nonChordTone(c, k, rule);
                case "unprepared-seventh" -> unpreparedSeventh(c, k, rule);
                case "final-cadence" -> finalCadence(c, k, rule);
                default -> throw new IllegalArgumentException("unknown rule " + rule);
            };
            if (found != null && clean(found, existing)) {
                return found;
            }
        }
        return null;
    }

    /** Voice {@code lower} moved at sonority k to keep a perfect fifth/octave with voice {@code upper}, in parallel or contrary motion. */
    private static Injection perfect(Chorale c, int k, boolean fifth, boolean contrary, String rule) {
        Sonority before = c.sonorities().get(k - 1);
        Sonority at = c.sonorities().get(k);
        for (int upper = 0; upper < 4; upper++) {
            for (int lower = upper + 1; lower < 4; lower++) {
                Pitch a1 = before.pitch(upper);
                Pitch b1 = before.pitch(lower);
                Pitch a2 = at.pitch(upper);
                if (a1 == null || b1 == null || a2 == null || at.pitch(lower) == null || !at.strikes(lower) || a2.midi() == a1.midi()) {
                    continue;
                }
                Interval was = Interval.between(a1, b1);
                if (!(fifth ? was.isPerfectFifth() : was.isPerfectOctaveOrUnison()) || a1.midi() < b1.midi()) {
                    continue;
                }
                int wanted = Integer.signum(a2.midi() - a1.midi()) * (contrary ? -1 : 1);
                for (int octaves = 0; octaves <= 2; octaves++) {
                    if (!fifth && octaves == 0) {
                        continue;
                    }
                    Pitch b2 = new Interval(-(fifth ? 4 : 0) - 7 * octaves, -(fifth ? 7 : 0) - 12 * octaves).from(a2);
                    if (Integer.signum(b2.midi() - b1.midi()) == wanted && b2.midi() != at.pitch(lower).midi() && fits(lower, b2)
                            && below(at, lower, b2)) {
                        return new Injection(rule, at.notes()[lower], b2);
                    }
                }
            }
        }
        return null;
    }

    /** The bass moved into a perfect fifth/octave with a soprano that leaps the same way. */
    private static Injection hidden(Chorale c, int k, boolean fifth, String rule) {
        Sonority before = c.sonorities().get(k - 1);
        Sonority at = c.sonorities().get(k);
        Pitch a1 = before.pitch(0);
        Pitch b1 = before.pitch(3);
        Pitch a2 = at.pitch(0);
        if (a1 == null || b1 == null || a2 == null || at.pitch(3) == null || !at.strikes(3) || Math.abs(a2.midi() - a1.midi()) <= 2) {
            return null;
        }
        Interval was = Interval.between(a1, b1);
        if (fifth ? was.isPerfectFifth() : was.isPerfectOctaveOrUnison()) {
            return null;
        }
        for (int octaves = 1; octaves <= 3; octaves++) {
            Pitch b2 = new Interval(-(fifth ? 4 : 0) - 7 * octaves, -(fifth ? 7 : 0) - 12 * octaves).from(a2);
            if (Integer.signum(b2.midi() - b1.midi()) == Integer.signum(a2.midi() - a1.midi()) && b2.midi() != at.pitch(3).midi() && fits(3, b2)) {
                return new Injection(rule, at.notes()[3], b2);
            }
        }
        return null;
    }

    /** A lower voice raised a little above the voice next above it. */
    private static Injection crossing(Chorale c, int k, String rule) {
        Sonority at = c.sonorities().get(k);
        for (int upper = 0; upper < 3; upper++) {
            int lower = upper + 1;
            if (at.pitch(upper) == null || !at.strikes(lower)) {
                continue;
            }
            for (int up = 1; up <= 4; up++) {
                Pitch p = c.key().spell(at.pitch(upper).midi() + up);
                if (fits(lower, p) && Math.abs(p.alter()) <= 1) {
                    return new Injection(rule, at.notes()[lower], p);
                }
            }
        }
        return null;
    }

    /** A lower voice moved above where the voice next above it just was, still below it. */
    private static Injection overlap(Chorale c, int k, String rule) {
        Sonority before = c.sonorities().get(k - 1);
        Sonority at = c.sonorities().get(k);
        for (int upper = 0; upper < 3; upper++) {
            int lower = upper + 1;
            Pitch u1 = before.pitch(upper);
            Pitch u2 = at.pitch(upper);
            if (u1 == null || u2 == null || before.pitch(lower) == null || !at.strikes(lower)) {
                continue;
            }
            for (int midi = u1.midi() + 1; midi < u2.midi(); midi++) {
                Pitch p = c.key().spell(midi);
                if (fits(lower, p) && c.key().isDiatonic(midi) && midi != at.pitch(lower).midi() && below(at, lower, p)) {
                    return new Injection(rule, at.notes()[lower], p);
                }
            }
        }
        return null;
    }

    /** Alto (or tenor) dropped more than an octave below the voice above. */
    private static Injection spacing(Chorale c, int k, String rule) {
        Sonority at = c.sonorities().get(k);
        for (int upper = 0; upper < 2; upper++) {
            int lower = upper + 1;
            if (at.pitch(upper) == null || !at.strikes(lower)) {
                continue;
            }
            for (int gap = 13; gap <= 17; gap++) {
                int midi = at.pitch(upper).midi() - gap;
                Pitch p = c.key().spell(midi);
                if (fits(lower, p) && c.key().isDiatonic(midi) && below(at, lower, p)) {
                    return new Injection(rule, at.notes()[lower], p);
                }
            }
        }
        return null;
    }

    /** A note pushed just outside its voice's range. */
    private static Injection range(Chorale c, int k, String rule) {
        Sonority at = c.sonorities().get(k);
        for (int v = 0; v < 4; v++) {
            if (!at.strikes(v)) {
                continue;
            }
            for (int d = 1; d <= 3; d++) {
                for (int midi : new int[] {RANGES[v].high() + d, RANGES[v].low() - d}) {
                    if (c.key().isDiatonic(midi) && Math.abs(midi - at.pitch(v).midi()) <= 7) {
                        return new Injection(rule, at.notes()[v], c.key().spell(midi));
                    }
                }
            }
        }
        return null;
    }

    /** One of two voices on the same letter (an octave or unison doubling) given another accidental. */
    private static Injection clash(Chorale c, int k, String rule) {
        Sonority at = c.sonorities().get(k);
        for (int v = 0; v < 4; v++) {
            if (!at.strikes(v)) {
                continue;
            }
            for (int w = 0; w < 4; w++) {
                if (w != v && at.pitch(w) != null && at.pitch(w).step() == at.pitch(v).step() && at.pitch(w).alter() == at.pitch(v).alter()) {
                    return new Injection(rule, at.notes()[v], inflected(at.pitch(v)));
                }
            }
        }
        return null;
    }

    /** A struck note on the letter another voice sounded in the chord before, given another accidental. */
    private static Injection crossRelation(Chorale c, int k, String rule) {
        Sonority before = c.sonorities().get(k - 1);
        Sonority at = c.sonorities().get(k);
        for (int v = 0; v < 4; v++) {
            if (!at.strikes(v) || (before.pitch(v) != null && before.pitch(v).step() == at.pitch(v).step())) {
                continue;
            }
            for (int w = 0; w < 4; w++) {
                if (w != v && before.pitch(w) != null && before.pitch(w).step() == at.pitch(v).step()
                        && before.pitch(w).alter() == at.pitch(v).alter() && !sameLetterElsewhere(at, v)) {
                    return new Injection(rule, at.notes()[v], inflected(at.pitch(v)));
                }
            }
        }
        return null;
    }

    /** Whether another voice sounds the letter of voice {@code v} in this sonority (an inflection there would clash as well). */
    private static boolean sameLetterElsewhere(Sonority at, int v) {
        for (int w = 0; w < 4; w++) {
            if (w != v && at.pitch(w) != null && at.pitch(w).step() == at.pitch(v).step()) {
                return true;
            }
        }
        return false;
    }

    /** The same letter a chromatic semitone away: raised when natural or flat, lowered when sharp. */
    private static Pitch inflected(Pitch p) {
        return Pitch.of(p.step(), p.alter() <= 0 ? p.alter() + 1 : p.alter() - 1, p.octave());
    }

    /** An outer voice's leading tone that rose to the tonic sent to another note of the tonic chord instead. */
    private static Injection leadingTone(Chorale c, int k, String rule) {
        Sonority at = c.sonorities().get(k);
        KeyDegrees key = KeyDegrees.of(c.key());
        for (int v : new int[] {0, 3}) {
            SungNote next = at.notes()[v];
            if (!at.strikes(v) || at.numeral() == null || !at.numeral().isTonic() || !key.isTonic(next.pitch())) {
                continue;
            }
            SungNote note = c.previous(next);
            if (note == null || !key.isLeadingTone(note.pitch()) || next.midi() - note.midi() != 1) {
                continue;
            }
            Sonority last = c.lastChordDuring(note);
            if (last == null || !last.numeral().isDominant()) {
                continue;
            }
            for (Interval move : new Interval[] {new Interval(-3, -5), new Interval(2, 4), new Interval(-5, -8)}) {
                Pitch p = move.from(next.pitch());
                if (fits(v, p) && stillChord(at, v, p, at.chord())) {
                    return new Injection(rule, next, p);
                }
            }
        }
        return null;
    }

    /** A seventh that resolved down by step sent up a step instead. */
    private static Injection seventh(Chorale c, int k, String rule) {
        Sonority at = c.sonorities().get(k);
        for (int v = 0; v < 4; v++) {
            SungNote next = at.notes()[v];
            if (!at.strikes(v)) {
                continue;
            }
            SungNote note = c.previous(next);
            if (note == null) {
                continue;
            }
            Sonority last = c.lastChordDuring(note);
            int step = next.midi() - note.midi();
            if (last == null || !last.chord().isSeventh(note.pitch()) || (step != -1 && step != -2) || last.chord().equals(at.chord())) {
                continue;
            }
            // another note of the chord it resolves to, not a step down: the harmony stays what it was
            for (int move : new int[] {2, 1, 3, 4, -3, -4, 5, -5}) {
                Pitch p = c.key().spell(note.midi() + move);
                if (fits(v, p) && p.midi() != next.midi() && at.chord() != null && stillChord(at, v, p, at.chord())) {
                    return new Injection(rule, next, p);
                }
            }
        }
        return null;
    }

    /** A second voice given the leading tone in a dominant chord. */
    private static Injection doubledLeadingTone(Chorale c, int k, String rule) {
        Sonority at = c.sonorities().get(k);
        KeyDegrees key = KeyDegrees.of(c.key());
        if (at.numeral() == null || !at.numeral().isDominant() || !at.full()) {
            return null;
        }
        Pitch leading = null;
        for (int v = 0; v < 4; v++) {
            if (key.isLeadingTone(at.pitch(v))) {
                leading = at.pitch(v);
            }
        }
        if (leading == null) {
            return null;
        }
        for (int v = 0; v < 4; v++) {
            if (!at.strikes(v) || key.isLeadingTone(at.pitch(v))) {
                continue;
            }
            for (int octave = 2; octave <= 5; octave++) {
                Pitch p = new Pitch(leading.step(), leading.alter(), octave);
                if (fits(v, p) && Math.abs(p.midi() - at.pitch(v).midi()) <= 5 && below(at, v, p) && above(at, v, p)
                        && stillChord(at, v, p, at.chord())) {
                    return new Injection(rule, at.notes()[v], p);
                }
            }
        }
        return null;
    }

    /** A step turned into an augmented second, or a note thrown more than an octave away from the one before. */
    private static Injection melodic(Chorale c, int k, boolean augmentedSecond, String rule) {
        Sonority at = c.sonorities().get(k);
        for (int v = 0; v < 4; v++) {
            SungNote next = at.notes()[v];
            SungNote note = at.strikes(v) ? c.previous(next) : null;
            if (note == null) {
                continue;
            }
            int direction = next.midi() >= note.midi() ? 1 : -1;
            List<Pitch> options = new ArrayList<>();
            if (augmentedSecond) {
                if (Math.abs(next.midi() - note.midi()) <= 2) {
                    options.add(new Interval(direction, 3 * direction).from(note.pitch()));
                }
            } else {
                for (int leap = 14; leap <= 17; leap++) {
                    options.add(c.key().spell(note.midi() + direction * leap));
                    options.add(c.key().spell(note.midi() - direction * leap));
                }
            }
            for (Pitch p : options) {
                if (Math.abs(p.alter()) <= 1 && (augmentedSecond ? fits(v, p) : p.midi() >= 28 && p.midi() <= 96)) {
                    return new Injection(rule, next, p);
                }
            }
        }
        return null;
    }

    /**
     * A line that steps by a whole tone and then a semitone (A, ?, G, F-sharp) given the chromatic note in
     * between (A, G-sharp, G, F-sharp); or two semitone steps (F-sharp, F, E) followed by a third (E-flat).
     */
    private static Injection chromaticLine(Chorale c, int k, String rule) {
        Sonority at = c.sonorities().get(k);
        for (int v = 0; v < 4; v++) {
            SungNote second = at.strikes(v) ? at.notes()[v] : null;
            SungNote first = second == null ? null : c.previous(second);
            SungNote third = second == null ? null : c.next(second);
            SungNote fourth = third == null ? null : c.next(third);
            if (first == null || third == null || fourth == null) {
                continue;
            }
            int d = Integer.signum(third.midi() - first.midi());
            if (d != 0 && third.midi() - first.midi() == 2 * d && fourth.midi() - third.midi() == d) {
                Pitch p = d < 0 ? new Pitch(third.pitch().step(), third.pitch().alter() + 1, third.pitch().octave())
                        : new Pitch(first.pitch().step(), first.pitch().alter() + 1, first.pitch().octave());
                if (p.midi() == first.midi() + d && p.midi() != second.midi() && fits(v, p) && below(at, v, p) && above(at, v, p)) {
                    return new Injection(rule, second, p);
                }
            }
            d = Integer.signum(second.midi() - first.midi());
            if (d != 0 && second.midi() - first.midi() == d && third.midi() - second.midi() == d && fourth.midi() != third.midi() + d) {
                Pitch p = new Pitch(third.pitch().step(), third.pitch().alter() + d, third.pitch().octave());
                Sonority then = c.at(fourth);
                if (fits(v, p) && below(then, v, p) && above(then, v, p)) {
                    return new Injection(rule, fourth, p);
                }
            }
        }
        return null;
    }

    /** A note struck alone while the others hold a chord, replaced by a neighbour of it in the key outside that chord, reached and left by leaps. */
    private static Injection nonChordTone(Chorale c, int k, String rule) {
        Sonority at = c.sonorities().get(k);
        if (!at.full()) {
            return null;
        }
        for (int v = 0; v < 4; v++) {
            SungNote note = NonChordTone.movesAlone(c, at, v) ? at.notes()[v] : null;
            SungNote before = note == null ? null : c.previous(note);
            SungNote next = note == null ? null : c.next(note);
            if (before == null || next == null) {
                continue;
            }
            for (int semitones : new int[] {1, 2, -1, -2, 3, -3}) {
                Pitch p = c.key().spell(note.midi() + semitones);
                Sonority changed = with(c, at, v, p);
                SungNote moved = changed.notes()[v];
                if (fits(v, p) && below(at, v, p) && above(at, v, p) && !NonChordTone.resolves(before, moved, next)
                        && changed.chord() == null && NonChordTone.theOneOutside(changed) == v) {
                    return new Injection(rule, note, p);
                }
            }
        }
        return null;
    }

    /** An inner voice's root or fifth of a root-position triad other than V, replaced by the chord's seventh leapt to and resolved down by step. */
    private static Injection unpreparedSeventh(Chorale c, int k, String rule) {
        Sonority at = c.sonorities().get(k);
        if (!at.full() || at.chord() == null || at.chord().quality().isSeventhChord() || at.numeral() == null || at.numeral().isDominant()) {
            return null;
        }
        Pitch root = at.chord().root();
        org.kantor.core.Step seventhStep = root.step().plus(6);
        for (int v = 1; v <= 2; v++) {
            SungNote note = at.strikes(v) ? at.notes()[v] : null;
            SungNote before = note == null ? null : c.previous(note);
            SungNote next = note == null ? null : c.next(note);
            if (before == null || next == null || at.chord().isThird(note.pitch())) {
                continue;
            }
            for (int octave = 2; octave <= 5; octave++) {
                Pitch p = new Pitch(seventhStep, c.key().alterationOf(seventhStep), octave);
                Sonority changed = with(c, at, v, p);
                int resolution = next.midi() - p.midi();
                if (fits(v, p) && below(at, v, p) && above(at, v, p) && Math.abs(p.midi() - before.midi()) > 2 && (resolution == -1 || resolution == -2)
                        && changed.chord() != null && changed.chord().isSeventh(p) && changed.numeral() != null
                        && !changed.numeral().isDominant()) {
                    return new Injection(rule, note, p);
                }
            }
        }
        return null;
    }

    /** The bass of the last chord moved from the root to the chord's third: a tonic six chord, no ending. */
    private static Injection finalCadence(Chorale c, int k, String rule) {
        if (k != c.sonorities().size() - 1) {
            return null;
        }
        Sonority end = c.sonorities().get(k);
        SungNote bass = end.notes()[3];
        if (end.chord() == null || bass == null || !end.strikes(3)) {
            return null;
        }
        for (int v = 0; v < 3; v++) {
            Pitch third = end.pitch(v);
            if (third == null || !end.chord().isThird(third)) {
                continue;
            }
            for (int octave = 1; octave <= 4; octave++) {
                Pitch p = new Pitch(third.step(), third.alter(), octave);
                if (fits(3, p) && Math.abs(p.midi() - bass.midi()) <= 5 && below(end, 3, p)) {
                    return new Injection(rule, bass, p);
                }
            }
        }
        return null;
    }

    /** The sonority with one voice on another pitch, its chord and numeral read again. */
    private static Sonority with(Chorale c, Sonority at, int voice, Pitch p) {
        SungNote[] notes = at.notes().clone();
        SungNote n = notes[voice];
        notes[voice] = new SungNote(voice, p, n.onset(), n.end(), n.measure(), n.offset(), n.fermata());
        List<Pitch> pitches = new ArrayList<>();
        for (SungNote x : notes) {
            if (x != null) {
                pitches.add(x.pitch());
            }
        }
        IdentifiedChord chord = IdentifiedChord.of(pitches);
        return new Sonority(at.index(), at.onset(), at.measure(), notes, chord, chord == null ? null : org.kantor.core.theory.RomanNumeral.of(chord, c.key()));
    }

    private static boolean clean(Injection injection, List<Finding> existing) {
        SungNote n = injection.note();
        for (Finding f : existing) {
            if (f.rule().equals(injection.rule()) && !f.at().onset().lessThan(n.onset()) && !f.at().onset().greaterThan(n.end())) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(int voice, Pitch p) {
        return RANGES[voice].contains(p.midi()) && Math.abs(p.alter()) <= 2;
    }

    /** Not above the voice next above it. */
    private static boolean below(Sonority at, int voice, Pitch p) {
        return voice == 0 || at.pitch(voice - 1) == null || p.midi() <= at.pitch(voice - 1).midi();
    }

    /** Not below the voice next below it. */
    private static boolean above(Sonority at, int voice, Pitch p) {
        return voice == 3 || at.pitch(voice + 1) == null || p.midi() >= at.pitch(voice + 1).midi();
    }

    /** Whether the sonority still spells the same chord with the voice on another pitch. */
    private static boolean stillChord(Sonority at, int voice, Pitch p, IdentifiedChord chord) {
        List<Pitch> pitches = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            Pitch q = v == voice ? p : at.pitch(v);
            if (q != null) {
                pitches.add(q);
            }
        }
        IdentifiedChord now = IdentifiedChord.of(pitches);
        return now != null && chord != null && now.root().equals(chord.root()) && now.quality() == chord.quality();
    }

    /** The score with the injected note (all its tied pieces) at its new pitch. */
    public static Score apply(Score score, Chorale chorale, Injection injection) {
        FourPartScore.Source source = chorale.source(injection.note().voice());
        SungNote target = injection.note();
        List<Part> parts = new ArrayList<>(score.parts());
        Part part = parts.get(source.part());
        List<Measure> measures = new ArrayList<>(part.measures());
        for (int m = target.measure(); m < measures.size(); m++) {
            Rational start = chorale.measures().get(m).start();
            if (!start.lessThan(target.end())) {
                break;
            }
            Measure measure = measures.get(m);
            List<Voice> voices = new ArrayList<>();
            for (Voice v : measure.voices()) {
                boolean ours = source.voice() == null || source.voice().equals(v.id());
                List<MusicEvent> events = new ArrayList<>();
                for (MusicEvent e : v.events()) {
                    Rational onset = start.plus(e.offset());
                    boolean inside = ours && e instanceof Note n && !n.grace() && !(e instanceof Chord)
                            && (source.staff() == 0 || n.staff() == source.staff())
                            && !onset.lessThan(target.onset()) && onset.lessThan(target.end());
                    events.add(inside ? ((Note) e).withPitch(injection.pitch()) : e);
                }
                voices.add(new Voice(v.id(), events));
            }
            measures.set(m, new Measure(measure.number(), measure.implicit(), measure.length(), measure.time(), measure.key(), voices,
                    measure.clefs(), measure.tempos()));
        }
        parts.set(source.part(), new Part(part.id(), part.name(), part.abbreviation(), part.staves(), part.instrument(), measures));
        return new Score(score.title(), score.composer(), parts);
    }
}
