package org.kantor.musicxml;

import jakarta.xml.bind.JAXBElement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audiveris.proxymusic.Attributes;
import org.audiveris.proxymusic.Backup;
import org.audiveris.proxymusic.Credit;
import org.audiveris.proxymusic.Direction;
import org.audiveris.proxymusic.DirectionType;
import org.audiveris.proxymusic.Fermata;
import org.audiveris.proxymusic.Forward;
import org.audiveris.proxymusic.FormattedText;
import org.audiveris.proxymusic.MidiInstrument;
import org.audiveris.proxymusic.Notations;
import org.audiveris.proxymusic.ScoreInstrument;
import org.audiveris.proxymusic.ScorePart;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.Sound;
import org.audiveris.proxymusic.Syllabic;
import org.audiveris.proxymusic.TextElementData;
import org.audiveris.proxymusic.Tied;
import org.audiveris.proxymusic.TiedType;
import org.audiveris.proxymusic.TypedText;
import org.audiveris.proxymusic.YesNo;
import org.kantor.core.Chord;
import org.kantor.core.Clef;
import org.kantor.core.ClefChange;
import org.kantor.core.Duration;
import org.kantor.core.Instrument;
import org.kantor.core.KeySignature;
import org.kantor.core.Lyric;
import org.kantor.core.Measure;
import org.kantor.core.Mode;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.NoteType;
import org.kantor.core.Part;
import org.kantor.core.Pitch;
import org.kantor.core.Rational;
import org.kantor.core.Rest;
import org.kantor.core.Score;
import org.kantor.core.Step;
import org.kantor.core.Unpitched;
import org.kantor.core.TempoMark;
import org.kantor.core.Tie;
import org.kantor.core.TimeSignature;
import org.kantor.core.Tuplet;
import org.kantor.core.Voice;

/**
 * Builds the musician's view ({@link Score}) of a proxymusic tree: follows divisions, backup and
 * forward to place every note in time, collects chords, ties, fermatas and lyrics, and keeps the key,
 * meter and clefs in force measure by measure. It only reads the tree; it never changes it.
 */
final class ScoreViewBuilder {

    private final String fileName;

    ScoreViewBuilder(String fileName) {
        this.fileName = fileName;
    }

    Score build(ScorePartwise tree) throws ScoreFileException {
        Map<String, ScorePart> partInfo = new LinkedHashMap<>();
        if (tree.getPartList() != null) {
            for (Object o : tree.getPartList().getPartGroupOrScorePart()) {
                if (o instanceof ScorePart sp) {
                    partInfo.put(sp.getId(), sp);
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        for (ScorePartwise.Part p : tree.getPart()) {
            String id = idOf(p.getId());
            parts.add(part(p, id, partInfo.get(id), parts.size()));
        }
        return new Score(title(tree), composer(tree), parts);
    }

    private static String idOf(Object id) {
        if (id instanceof ScorePart sp) {
            return sp.getId();
        }
        return id == null ? "" : id.toString();
    }

    private static String title(ScorePartwise tree) {
        if (tree.getWork() != null && notBlank(tree.getWork().getWorkTitle())) {
            return tree.getWork().getWorkTitle().trim();
        }
        if (notBlank(tree.getMovementTitle())) {
            return tree.getMovementTitle().trim();
        }
        String credit = creditOfType(tree, "title");
        if (credit != null) {
            return credit;
        }
        return null;
    }

    private static String composer(ScorePartwise tree) {
        if (tree.getIdentification() != null) {
            for (TypedText t : tree.getIdentification().getCreator()) {
                if ("composer".equalsIgnoreCase(t.getType()) && notBlank(t.getValue())) {
                    return t.getValue().trim();
                }
            }
        }
        return creditOfType(tree, "composer");
    }

    private static String creditOfType(ScorePartwise tree, String type) {
        for (Credit c : tree.getCredit()) {
            boolean matches = false;
            StringBuilder words = new StringBuilder();
            for (JAXBElement<?> e : c.getCreditTypeOrLinkOrBookmark()) {
                if (e.getName().getLocalPart().equals("credit-type") && type.equals(e.getValue())) {
                    matches = true;
                } else if (e.getValue() instanceof FormattedText ft && e.getName().getLocalPart().equals("credit-words")) {
                    words.append(ft.getValue() == null ? "" : ft.getValue());
                }
            }
            if (matches && !words.toString().isBlank()) {
                return words.toString().trim().replaceAll("\\s+", " ");
            }
        }
        return null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Everything the walk through one part keeps track of between measures. */
    private static final class PartState {
        Rational divisions = Rational.ONE;
        KeySignature key = KeySignature.C_MAJOR;
        TimeSignature time = TimeSignature.COMMON;
        int staves = 1;
        /** The percussion key of each score-instrument that has a {@code <midi-unpitched>}, for unpitched notes. */
        Map<Object, Integer> unpitchedKeys = Map.of();
        Integer defaultUnpitchedKey;
    }

    private Part part(ScorePartwise.Part p, String id, ScorePart info, int index) throws ScoreFileException {
        PartState state = new PartState();
        readUnpitchedKeys(info, state);
        List<Measure> measures = new ArrayList<>();
        for (ScorePartwise.Part.Measure m : p.getMeasure()) {
            try {
                measures.add(measure(m, state));
            } catch (ScoreFileException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ScoreFileException(fileName, null, m.getNumber(), "part " + id + ": cannot make sense of this measure ("
                        + MxlArchive.describe(e) + ")", e);
            }
        }
        String name = info != null && info.getPartName() != null ? info.getPartName().getValue() : null;
        String abbreviation = info != null && info.getPartAbbreviation() != null ? info.getPartAbbreviation().getValue() : null;
        return new Part(id, name == null ? "" : name.trim(), abbreviation, state.staves, instrument(info, name, index), measures);
    }

    private static void readUnpitchedKeys(ScorePart info, PartState state) {
        if (info == null) {
            return;
        }
        Map<Object, Integer> keys = new HashMap<>();
        for (Object o : info.getMidiDeviceAndMidiInstrument()) {
            if (o instanceof MidiInstrument mi && mi.getMidiUnpitched() != null && mi.getId() != null) {
                int key = Math.max(0, Math.min(127, mi.getMidiUnpitched() - 1));
                keys.put(mi.getId(), key);
                if (state.defaultUnpitchedKey == null) {
                    state.defaultUnpitchedKey = key;
                }
            }
        }
        state.unpitchedKeys = keys;
    }

    /** An unpitched note's drum: its {@code <instrument>}'s key, else the part's first, else a snare (38). */
    private static Unpitched unpitched(org.audiveris.proxymusic.Note n, PartState state) {
        Integer key = null;
        for (var instrument : n.getInstrument()) {
            key = state.unpitchedKeys.get(instrument.getId());
            if (key != null) {
                break;
            }
        }
        if (key == null) {
            key = state.defaultUnpitchedKey != null ? state.defaultUnpitchedKey : 38;
        }
        String notehead = n.getNotehead() != null && n.getNotehead().getValue() != null ? n.getNotehead().getValue().value() : null;
        return new Unpitched(key, notehead);
    }

    private static Instrument instrument(ScorePart info, String partName, int index) {
        String name = partName == null || partName.isBlank() ? "Part " + (index + 1) : partName.trim();
        int program = 0;
        int channel = index >= 9 ? index + 2 : index + 1;
        boolean percussion = false;
        if (info != null) {
            for (ScoreInstrument si : info.getScoreInstrument()) {
                if (notBlank(si.getInstrumentName())) {
                    name = si.getInstrumentName().trim();
                    break;
                }
            }
            for (Object o : info.getMidiDeviceAndMidiInstrument()) {
                if (o instanceof MidiInstrument mi) {
                    if (mi.getMidiProgram() != null) {
                        program = mi.getMidiProgram() - 1;
                    }
                    if (mi.getMidiChannel() != null) {
                        channel = mi.getMidiChannel();
                    }
                    percussion = mi.getMidiUnpitched() != null || channel == 10;
                    break;
                }
            }
        }
        return new Instrument(name, program, Math.min(16, channel), percussion);
    }

    private Measure measure(ScorePartwise.Part.Measure m, PartState state) throws ScoreFileException {
        Rational cursor = Rational.ZERO;
        Rational reached = Rational.ZERO;
        Map<String, List<MusicEvent>> voices = new LinkedHashMap<>();
        Map<String, Note> lastNoteOfVoice = new HashMap<>();
        List<ClefChange> clefs = new ArrayList<>();
        List<TempoMark> tempos = new ArrayList<>();
        KeySignature keyAtStart = null;
        TimeSignature timeAtStart = null;
        for (Object o : m.getNoteOrBackupOrForward()) {
            if (o instanceof Attributes a) {
                attributes(a, state, cursor, clefs, m.getNumber());
                if (cursor.isZero()) {
                    keyAtStart = state.key;
                    timeAtStart = state.time;
                }
            } else if (o instanceof org.audiveris.proxymusic.Note n) {
                Note note = note(n, cursor, state, m.getNumber());
                String voice = n.getVoice() == null || n.getVoice().isBlank() ? "1" : n.getVoice().trim();
                List<MusicEvent> events = voices.computeIfAbsent(voice, k -> new ArrayList<>());
                if (note == null) {
                    // a rest
                    Rest rest = rest(n, cursor, state, m.getNumber());
                    events.add(rest);
                    cursor = cursor.plus(rest.length());
                    lastNoteOfVoice.remove(voice);
                } else if (n.getChord() != null && lastNoteOfVoice.containsKey(voice) && !events.isEmpty()) {
                    Note previous = lastNoteOfVoice.get(voice);
                    note = new Note(previous.offset(), note.length(), note.duration(), note.pitch(), note.tie(), note.staff(),
                            note.fermata(), note.lyrics(), note.grace(), note.unpitched());
                    MusicEvent last = events.remove(events.size() - 1);
                    List<Note> chordNotes = new ArrayList<>(last instanceof Chord c ? c.notes() : List.of((Note) last));
                    chordNotes.add(note);
                    events.add(new Chord(chordNotes));
                } else {
                    if (n.getChord() != null) {
                        // a chord note with nothing to attach to: the previous note advanced the cursor
                        cursor = cursor.minus(note.length()).max(Rational.ZERO);
                        note = new Note(cursor, note.length(), note.duration(), note.pitch(), note.tie(), note.staff(),
                                note.fermata(), note.lyrics(), note.grace(), note.unpitched());
                    }
                    events.add(note);
                    lastNoteOfVoice.put(voice, note);
                    cursor = cursor.plus(note.length());
                }
            } else if (o instanceof Backup b) {
                cursor = cursor.minus(length(b.getDuration(), state, m.getNumber())).max(Rational.ZERO);
            } else if (o instanceof Forward f) {
                cursor = cursor.plus(length(f.getDuration(), state, m.getNumber()));
            } else if (o instanceof Direction d) {
                tempo(d, cursor, state, tempos);
            } else if (o instanceof Sound s && s.getTempo() != null && s.getTempo().signum() > 0) {
                tempos.add(new TempoMark(cursor, s.getTempo().doubleValue(), null));
            }
            reached = reached.max(cursor);
        }
        if (reached.isZero()) {
            reached = state.time.measureLength();
        }
        List<Voice> voiceList = new ArrayList<>();
        voices.forEach((id, events) -> {
            events.sort((x, y) -> x.offset().compareTo(y.offset()));
            voiceList.add(new Voice(id, events));
        });
        boolean implicit = m.getImplicit() == YesNo.YES;
        return new Measure(m.getNumber() == null ? "" : m.getNumber(), implicit, reached,
                timeAtStart != null ? timeAtStart : state.time, keyAtStart != null ? keyAtStart : state.key, voiceList, clefs, tempos);
    }

    private void attributes(Attributes a, PartState state, Rational cursor, List<ClefChange> clefs, String measure) throws ScoreFileException {
        if (a.getDivisions() != null) {
            Rational d = rational(a.getDivisions(), measure);
            if (!d.isPositive()) {
                throw new ScoreFileException(fileName, null, measure, "<divisions> must be a positive number, not " + a.getDivisions());
            }
            state.divisions = d;
        }
        if (!a.getKey().isEmpty() && a.getKey().get(0).getFifths() != null) {
            var k = a.getKey().get(0);
            int fifths = k.getFifths().intValue();
            if (fifths >= -7 && fifths <= 7) {
                state.key = new KeySignature(fifths, Mode.parse(k.getMode()));
            }
        }
        if (!a.getTime().isEmpty()) {
            TimeSignature t = time(a.getTime().get(0));
            if (t != null) {
                state.time = t;
            }
        }
        if (a.getStaves() != null && a.getStaves().signum() > 0) {
            state.staves = Math.min(a.getStaves().intValue(), 64);
        }
        for (org.audiveris.proxymusic.Clef c : a.getClef()) {
            int staff = c.getNumber() == null ? 1 : c.getNumber().intValue();
            String sign = c.getSign() == null ? "G" : c.getSign().value();
            int line = c.getLine() == null ? 0 : c.getLine().intValue();
            int octave = c.getClefOctaveChange() == null ? 0 : c.getClefOctaveChange().intValue();
            clefs.add(new ClefChange(cursor, staff, new Clef(sign, line, octave)));
        }
    }

    /** A time signature from beats/beat-type pairs; "3+2" over 8 is additive; mixed denominators use the smallest unit. */
    private static TimeSignature time(org.audiveris.proxymusic.Time t) {
        List<String> beats = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (JAXBElement<String> e : t.getTimeSignature()) {
            String v = e.getValue() == null ? "" : e.getValue().trim();
            if (e.getName().getLocalPart().equals("beats")) {
                beats.add(v);
            } else if (e.getName().getLocalPart().equals("beat-type")) {
                try {
                    types.add(Integer.parseInt(v));
                } catch (NumberFormatException ex) {
                    return null;
                }
            }
        }
        if (beats.isEmpty() || types.isEmpty() || beats.size() != types.size()) {
            return null;
        }
        try {
            int unit = types.stream().mapToInt(Integer::intValue).max().orElse(4);
            List<Integer> numerators = new ArrayList<>();
            for (int i = 0; i < beats.size(); i++) {
                for (String piece : beats.get(i).split("\\+")) {
                    numerators.add(Integer.parseInt(piece.trim()) * (unit / types.get(i)));
                }
            }
            return new TimeSignature(numerators, unit);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void tempo(Direction d, Rational cursor, PartState state, List<TempoMark> tempos) {
        Rational at = cursor;
        if (d.getOffset() != null && d.getOffset().getValue() != null) {
            try {
                at = cursor.plus(rational(d.getOffset().getValue(), null).dividedBy(state.divisions)).max(Rational.ZERO);
            } catch (ScoreFileException | ArithmeticException e) {
                at = cursor;
            }
        }
        String text = null;
        Double fromMetronome = null;
        for (DirectionType dt : d.getDirectionType()) {
            for (Object w : dt.getWordsOrSymbol()) {
                if (w instanceof FormattedText ft && notBlank(ft.getValue()) && text == null) {
                    text = ft.getValue().trim();
                }
            }
            var metronome = dt.getMetronome();
            if (metronome != null && metronome.getBeatUnit() != null && metronome.getPerMinute() != null) {
                fromMetronome = metronomeToQuarters(metronome.getBeatUnit(), metronome.getBeatUnitDot().size(), metronome.getPerMinute().getValue());
            }
        }
        if (d.getSound() != null && d.getSound().getTempo() != null && d.getSound().getTempo().signum() > 0) {
            tempos.add(new TempoMark(at, d.getSound().getTempo().doubleValue(), text));
        } else if (fromMetronome != null) {
            tempos.add(new TempoMark(at, fromMetronome, text));
        }
    }

    private static Double metronomeToQuarters(String beatUnit, int dots, String perMinute) {
        try {
            double bpm = Double.parseDouble(perMinute.trim().replaceAll("[^0-9.].*$", ""));
            Rational unit = Duration.dotted(NoteType.fromMusicXml(beatUnit.trim()), Math.min(dots, 2)).quarters();
            return bpm > 0 ? bpm * unit.toDouble() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Note note(org.audiveris.proxymusic.Note n, Rational cursor, PartState state, String measure) throws ScoreFileException {
        if (n.getRest() != null) {
            return null;
        }
        Pitch pitch;
        Unpitched unpitched = null;
        if (n.getPitch() != null) {
            var p = n.getPitch();
            if (p.getStep() == null) {
                throw new ScoreFileException(fileName, null, measure, "a note's <pitch> has no <step>");
            }
            int alter = p.getAlter() == null ? 0 : p.getAlter().setScale(0, java.math.RoundingMode.HALF_EVEN).intValue();
            if (p.getOctave() < 0 || p.getOctave() > 9) {
                throw new ScoreFileException(fileName, null, measure, "a note has octave " + p.getOctave() + "; octaves run from 0 to 9");
            }
            pitch = new Pitch(Step.valueOf(p.getStep().name()), Math.max(-3, Math.min(3, alter)), p.getOctave());
        } else if (n.getUnpitched() != null) {
            var u = n.getUnpitched();
            Step step = u.getDisplayStep() == null ? Step.E : Step.valueOf(u.getDisplayStep().name());
            pitch = new Pitch(step, 0, u.getDisplayOctave() == null ? 4 : u.getDisplayOctave());
            unpitched = unpitched(n, state);
        } else {
            throw new ScoreFileException(fileName, null, measure, "a <note> has neither <pitch>, <unpitched> nor <rest>");
        }
        boolean grace = n.getGrace() != null;
        Rational length = grace ? Rational.ZERO : length(n.getDuration(), state, measure);
        Duration written = written(n, length, measure);
        int staff = n.getStaff() == null ? 1 : Math.max(1, n.getStaff().intValue());
        return new Note(cursor, length, written, pitch, tie(n), staff, fermata(n), lyrics(n), grace, unpitched);
    }

    private Rest rest(org.audiveris.proxymusic.Note n, Rational cursor, PartState state, String measure) throws ScoreFileException {
        Rational length = length(n.getDuration(), state, measure);
        boolean whole = n.getRest().getMeasure() == YesNo.YES || n.getType() == null && length.equals(state.time.measureLength());
        Duration written = whole && n.getType() == null ? Duration.of(NoteType.WHOLE) : written(n, length, measure);
        int staff = n.getStaff() == null ? 1 : Math.max(1, n.getStaff().intValue());
        return new Rest(cursor, length, written, staff, fermata(n), whole);
    }

    private Duration written(org.audiveris.proxymusic.Note n, Rational length, String measure) throws ScoreFileException {
        Tuplet tuplet = null;
        if (n.getTimeModification() != null) {
            BigInteger actual = n.getTimeModification().getActualNotes();
            BigInteger normal = n.getTimeModification().getNormalNotes();
            if (actual != null && normal != null && actual.signum() > 0 && normal.signum() > 0 && actual.bitLength() < 16 && normal.bitLength() < 16) {
                tuplet = new Tuplet(actual.intValue(), normal.intValue());
            }
        }
        if (n.getType() != null && n.getType().getValue() != null) {
            try {
                return new Duration(NoteType.fromMusicXml(n.getType().getValue().trim()), Math.min(n.getDot().size(), 4), tuplet);
            } catch (IllegalArgumentException e) {
                throw new ScoreFileException(fileName, null, measure, "unknown note type \"" + n.getType().getValue() + "\"");
            }
        }
        // no <type>: infer the written value from the sounding length
        Duration inferred = length.isPositive() ? Duration.fromQuartersWithTuplets(length, 2) : null;
        return inferred != null ? inferred : Duration.of(NoteType.QUARTER);
    }

    private Rational length(BigDecimal duration, PartState state, String measure) throws ScoreFileException {
        if (duration == null) {
            throw new ScoreFileException(fileName, null, measure, "a note or backup has no <duration>");
        }
        Rational d = rational(duration, measure);
        if (d.isNegative()) {
            throw new ScoreFileException(fileName, null, measure, "a <duration> is negative (" + duration + ")");
        }
        Rational quarters = d.dividedBy(state.divisions);
        if (quarters.compareTo(LONGEST_DURATION) > 0) {
            // a note or move of millions of quarter notes would make every tool that lays out time run out of memory
            throw new ScoreFileException(fileName, null, measure, "a <duration> of " + duration + " is " + Math.round(quarters.toDouble())
                    + " quarter notes, longer than any measure holds (at most " + LONGEST_DURATION + ")");
        }
        return quarters;
    }

    /** The longest note, backup or forward accepted, in quarter notes: longer than any real measure (a long cadenza included). */
    static final Rational LONGEST_DURATION = Rational.of(1024);

    private Rational rational(BigDecimal value, String measure) throws ScoreFileException {
        try {
            BigDecimal v = value.stripTrailingZeros();
            if (v.scale() <= 0) {
                return Rational.of(v.longValueExact());
            }
            if (v.scale() > 9) {
                v = v.setScale(9, java.math.RoundingMode.HALF_EVEN);
            }
            return Rational.of(v.unscaledValue().longValueExact(), BigInteger.TEN.pow(v.scale()).longValueExact());
        } catch (ArithmeticException e) {
            throw new ScoreFileException(fileName, null, measure, "the number " + value + " is out of range");
        }
    }

    private static Tie tie(org.audiveris.proxymusic.Note n) {
        boolean stop = false;
        boolean start = false;
        for (org.audiveris.proxymusic.Tie t : n.getTie()) {
            if (t.getType() == org.audiveris.proxymusic.StartStop.START) {
                start = true;
            } else if (t.getType() == org.audiveris.proxymusic.StartStop.STOP) {
                stop = true;
            }
        }
        for (Notations notations : n.getNotations()) {
            for (Object o : notations.getTiedOrSlurOrTuplet()) {
                if (o instanceof Tied tied) {
                    if (tied.getType() == TiedType.START) {
                        start = true;
                    } else if (tied.getType() == TiedType.STOP) {
                        stop = true;
                    } else if (tied.getType() == TiedType.CONTINUE) {
                        start = true;
                        stop = true;
                    }
                }
            }
        }
        return Tie.of(stop, start);
    }

    private static boolean fermata(org.audiveris.proxymusic.Note n) {
        for (Notations notations : n.getNotations()) {
            for (Object o : notations.getTiedOrSlurOrTuplet()) {
                if (o instanceof Fermata) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Lyric> lyrics(org.audiveris.proxymusic.Note n) {
        if (n.getLyric().isEmpty()) {
            return List.of();
        }
        List<Lyric> out = new ArrayList<>();
        for (org.audiveris.proxymusic.Lyric l : n.getLyric()) {
            StringBuilder text = new StringBuilder();
            String syllabic = null;
            for (Object o : l.getElisionAndSyllabicAndText()) {
                Object v = o instanceof JAXBElement<?> e ? e.getValue() : o;
                if (v instanceof TextElementData t && t.getValue() != null) {
                    text.append(text.length() > 0 ? " " : "").append(t.getValue());
                } else if (v instanceof Syllabic s && syllabic == null) {
                    syllabic = s.value();
                }
            }
            if (text.length() > 0) {
                out.add(new Lyric(l.getNumber() == null ? "1" : l.getNumber(), text.toString(), syllabic == null ? "single" : syllabic));
            }
        }
        return out;
    }
}
