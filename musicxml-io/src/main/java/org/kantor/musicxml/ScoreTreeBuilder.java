package org.kantor.musicxml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.audiveris.proxymusic.AccidentalValue;
import org.audiveris.proxymusic.Attributes;
import org.audiveris.proxymusic.Backup;
import org.audiveris.proxymusic.BeamValue;
import org.audiveris.proxymusic.ClefSign;
import org.audiveris.proxymusic.Direction;
import org.audiveris.proxymusic.DirectionType;
import org.audiveris.proxymusic.Encoding;
import org.audiveris.proxymusic.Fermata;
import org.audiveris.proxymusic.Forward;
import org.audiveris.proxymusic.Identification;
import org.audiveris.proxymusic.Metronome;
import org.audiveris.proxymusic.MidiInstrument;
import org.audiveris.proxymusic.Notations;
import org.audiveris.proxymusic.ObjectFactory;
import org.audiveris.proxymusic.PartList;
import org.audiveris.proxymusic.PartName;
import org.audiveris.proxymusic.PerMinute;
import org.audiveris.proxymusic.ScoreInstrument;
import org.audiveris.proxymusic.ScorePart;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.Sound;
import org.audiveris.proxymusic.StartStop;
import org.audiveris.proxymusic.Syllabic;
import org.audiveris.proxymusic.TextElementData;
import org.audiveris.proxymusic.Tied;
import org.audiveris.proxymusic.TiedType;
import org.audiveris.proxymusic.TimeModification;
import org.audiveris.proxymusic.TypedText;
import org.audiveris.proxymusic.StemValue;
import org.audiveris.proxymusic.UprightInverted;
import org.audiveris.proxymusic.Work;
import org.audiveris.proxymusic.YesNo;
import org.kantor.core.Chord;
import org.kantor.core.ClefChange;
import org.kantor.core.Duration;
import org.kantor.core.KeySignature;
import org.kantor.core.Lyric;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Pitch;
import org.kantor.core.Rational;
import org.kantor.core.Rest;
import org.kantor.core.Score;
import org.kantor.core.TempoMark;
import org.kantor.core.Tie;
import org.kantor.core.TimeSignature;
import org.kantor.core.Voice;
import org.kantor.core.notation.Beam;
import org.kantor.core.notation.Beamer;

/**
 * Writes a {@link Score} made by Kantor as a proxymusic tree: part list with instruments, attributes
 * where they change, notes with their written values, ties, beams, accidentals where the key and
 * earlier notes in the measure call for them, fermatas, lyrics and tempo marks.
 */
final class ScoreTreeBuilder {

    private static final ObjectFactory FACTORY = new ObjectFactory();

    /** The score-instrument of each percussion key of the part being written. */
    private Map<Integer, ScoreInstrument> drums = Map.of();

    ScorePartwise build(Score score) {
        ScorePartwise tree = FACTORY.createScorePartwise();
        tree.setVersion(MusicXmlWriter.MUSICXML_VERSION);
        if (score.title() != null) {
            Work work = FACTORY.createWork();
            work.setWorkTitle(score.title());
            tree.setWork(work);
        }
        Identification identification = FACTORY.createIdentification();
        if (score.composer() != null) {
            TypedText composer = FACTORY.createTypedText();
            composer.setType("composer");
            composer.setValue(score.composer());
            identification.getCreator().add(composer);
        }
        Encoding encoding = FACTORY.createEncoding();
        encoding.getEncodingDateOrEncoderOrSoftware().add(FACTORY.createEncodingSoftware("Kantor"));
        encoding.getEncodingDateOrEncoderOrSoftware().add(FACTORY.createEncodingEncodingDate(
                javax.xml.datatype.DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(LocalDate.now().toString())));
        identification.setEncoding(encoding);
        tree.setIdentification(identification);

        PartList partList = FACTORY.createPartList();
        tree.setPartList(partList);
        for (int i = 0; i < score.parts().size(); i++) {
            Part part = score.parts().get(i);
            String id = part.id() == null || part.id().isBlank() ? "P" + (i + 1) : part.id();
            ScorePart scorePart = scorePart(part, id);
            drums = percussionInstruments(part, id, scorePart);
            partList.getPartGroupOrScorePart().add(scorePart);
            ScorePartwise.Part treePart = FACTORY.createScorePartwisePart();
            treePart.setId(scorePart);
            writeMeasures(part, treePart);
            tree.getPart().add(treePart);
        }
        return tree;
    }

    /**
     * A part with unpitched notes gets one score-instrument per percussion key it plays, each with its
     * General MIDI key ({@code <midi-unpitched>}, counted from 1) on the part's channel, so that a
     * notation program shows and plays the right drum. The part's own instrument entry is replaced.
     */
    private static Map<Integer, ScoreInstrument> percussionInstruments(Part part, String id, ScorePart scorePart) {
        java.util.TreeSet<Integer> keys = new java.util.TreeSet<>();
        for (Note n : part.notes()) {
            if (n.unpitched() != null) {
                keys.add(n.unpitched().midiKey());
            }
        }
        if (keys.isEmpty()) {
            return Map.of();
        }
        scorePart.getScoreInstrument().clear();
        scorePart.getMidiDeviceAndMidiInstrument().clear();
        int channel = part.instrument() != null && part.instrument().percussion() ? part.instrument().midiChannel() : 10;
        Map<Integer, ScoreInstrument> out = new HashMap<>();
        for (int key : keys) {
            ScoreInstrument si = FACTORY.createScoreInstrument();
            si.setId(id + "-I" + (key + 1));
            si.setInstrumentName(org.kantor.core.GeneralMidiPercussion.name(key));
            scorePart.getScoreInstrument().add(si);
            MidiInstrument mi = FACTORY.createMidiInstrument();
            mi.setId(si);
            mi.setMidiChannel(channel);
            mi.setMidiProgram(1);
            mi.setMidiUnpitched(key + 1);
            scorePart.getMidiDeviceAndMidiInstrument().add(mi);
            out.put(key, si);
        }
        return out;
    }

    private static ScorePart scorePart(Part part, String id) {
        ScorePart sp = FACTORY.createScorePart();
        sp.setId(id);
        PartName name = FACTORY.createPartName();
        name.setValue(part.name() == null ? "" : part.name());
        sp.setPartName(name);
        if (part.abbreviation() != null) {
            PartName abbreviation = FACTORY.createPartName();
            abbreviation.setValue(part.abbreviation());
            sp.setPartAbbreviation(abbreviation);
        }
        if (part.instrument() != null) {
            ScoreInstrument si = FACTORY.createScoreInstrument();
            si.setId(id + "-I1");
            si.setInstrumentName(part.instrument().name());
            sp.getScoreInstrument().add(si);
            MidiInstrument mi = FACTORY.createMidiInstrument();
            mi.setId(si);
            mi.setMidiChannel(part.instrument().midiChannel());
            mi.setMidiProgram(part.instrument().midiProgram() + 1);
            sp.getMidiDeviceAndMidiInstrument().add(mi);
        }
        return sp;
    }

    private void writeMeasures(Part part, ScorePartwise.Part treePart) {
        long divisions = divisions(part);
        KeySignature key = null;
        TimeSignature time = null;
        for (int m = 0; m < part.measures().size(); m++) {
            Measure measure = part.measures().get(m);
            ScorePartwise.Part.Measure tm = FACTORY.createScorePartwisePartMeasure();
            tm.setNumber(measure.number());
            if (measure.implicit()) {
                tm.setImplicit(YesNo.YES);
            }
            List<Object> content = tm.getNoteOrBackupOrForward();
            Attributes attributes = FACTORY.createAttributes();
            boolean anyAttribute = false;
            if (m == 0) {
                attributes.setDivisions(BigDecimal.valueOf(divisions));
                anyAttribute = true;
            }
            if (!measure.key().equals(key)) {
                org.audiveris.proxymusic.Key k = FACTORY.createKey();
                k.setFifths(BigInteger.valueOf(measure.key().fifths()));
                k.setMode(measure.key().mode().name().toLowerCase(java.util.Locale.ROOT));
                attributes.getKey().add(k);
                key = measure.key();
                anyAttribute = true;
            }
            if (!measure.time().equals(time)) {
                org.audiveris.proxymusic.Time t = FACTORY.createTime();
                StringBuilder beats = new StringBuilder();
                for (int n : measure.time().numerators()) {
                    beats.append(beats.length() > 0 ? "+" : "").append(n);
                }
                t.getTimeSignature().add(FACTORY.createTimeBeats(beats.toString()));
                t.getTimeSignature().add(FACTORY.createTimeBeatType(Integer.toString(measure.time().beatType())));
                attributes.getTime().add(t);
                time = measure.time();
                anyAttribute = true;
            }
            if (m == 0 && part.staves() > 1) {
                attributes.setStaves(BigInteger.valueOf(part.staves()));
            }
            for (ClefChange c : measure.clefs()) {
                if (c.offset().isZero()) {
                    attributes.getClef().add(clef(c, part.staves()));
                    anyAttribute = true;
                }
            }
            if (anyAttribute) {
                content.add(attributes);
            }
            for (TempoMark t : measure.tempos()) {
                content.add(tempo(t, divisions));
            }
            writeVoices(measure, part.staves(), divisions, content);
            treePart.getMeasure().add(tm);
        }
    }

    /** Smallest number of divisions per quarter that expresses every offset and length in the part. */
    private static long divisions(Part part) {
        long d = 1;
        for (Measure m : part.measures()) {
            d = lcm(d, m.length().denominator());
            for (Voice v : m.voices()) {
                for (MusicEvent e : v.events()) {
                    d = lcm(d, e.offset().denominator());
                    d = lcm(d, e.length().denominator());
                }
            }
            for (TempoMark t : m.tempos()) {
                d = lcm(d, t.offset().denominator());
            }
        }
        return d;
    }

    static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }

    private static org.audiveris.proxymusic.Clef clef(ClefChange c, int staves) {
        org.audiveris.proxymusic.Clef clef = FACTORY.createClef();
        if (staves > 1) {
            clef.setNumber(BigInteger.valueOf(c.staff()));
        }
        clef.setSign(ClefSign.fromValue(c.clef().sign()));
        if (c.clef().line() > 0) {
            clef.setLine(BigInteger.valueOf(c.clef().line()));
        }
        if (c.clef().octaveChange() != 0) {
            clef.setClefOctaveChange(BigInteger.valueOf(c.clef().octaveChange()));
        }
        return clef;
    }

    private static Direction tempo(TempoMark t, long divisions) {
        Direction d = FACTORY.createDirection();
        d.setPlacement(org.audiveris.proxymusic.AboveBelow.ABOVE);
        DirectionType dt = FACTORY.createDirectionType();
        Metronome metronome = FACTORY.createMetronome();
        metronome.setBeatUnit("quarter");
        PerMinute perMinute = FACTORY.createPerMinute();
        perMinute.setValue(formatTempo(t.quarterNotesPerMinute()));
        metronome.setPerMinute(perMinute);
        dt.setMetronome(metronome);
        d.getDirectionType().add(dt);
        Sound sound = FACTORY.createSound();
        sound.setTempo(BigDecimal.valueOf(t.quarterNotesPerMinute()).stripTrailingZeros());
        d.setSound(sound);
        if (!t.offset().isZero()) {
            org.audiveris.proxymusic.Offset offset = FACTORY.createOffset();
            offset.setValue(BigDecimal.valueOf(t.offset().times(divisions).floor()));
            d.setOffset(offset);
        }
        return d;
    }

    /** The voices that have notes on each staff of a measure, in order. */
    private static Map<Integer, List<String>> voicesWithNotesByStaff(Measure measure) {
        Map<Integer, List<String>> found = new HashMap<>();
        for (Voice voice : measure.voices()) {
            for (MusicEvent e : voice.events()) {
                Note n = e instanceof Chord c ? c.notes().get(0) : e instanceof Note one ? one : null;
                if (n != null) {
                    List<String> ids = found.computeIfAbsent(n.staff(), k -> new java.util.ArrayList<>());
                    if (!ids.contains(voice.id())) {
                        ids.add(voice.id());
                    }
                }
            }
        }
        return found;
    }

    /** Two voices sharing a staff are told apart by their stems: the first up, the others down; one voice alone is left to the reader. */
    private static StemValue stem(Map<Integer, List<String>> voicesOnStaff, int staff, String voice) {
        List<String> ids = voicesOnStaff.getOrDefault(staff, List.of());
        if (ids.size() < 2) {
            return null;
        }
        return ids.get(0).equals(voice) ? StemValue.UP : StemValue.DOWN;
    }

    private static String formatTempo(double bpm) {
        return Math.abs(bpm - Math.rint(bpm)) < 1e-6 ? Long.toString(Math.round(bpm)) : String.format(java.util.Locale.ROOT, "%.1f", bpm);
    }

    private void writeVoices(Measure measure, int staves, long divisions, List<Object> content) {
        Rational cursor = Rational.ZERO;
        // accidentals in force in this measure, per staff, by letter name and octave
        Map<String, Integer> accidentals = new HashMap<>();
        boolean first = true;
        Map<Integer, List<String>> voicesOnStaff = voicesWithNotesByStaff(measure);
        for (Voice voice : measure.voices()) {
            if (!first && cursor.isPositive()) {
                Backup backup = FACTORY.createBackup();
                backup.setDuration(quarters(cursor, divisions));
                content.add(backup);
            }
            cursor = Rational.ZERO;
            first = false;
            Map<Integer, List<Beam>> beams = Beamer.beams(voice.events(), measure.time());
            for (int i = 0; i < voice.events().size(); i++) {
                MusicEvent e = voice.events().get(i);
                if (e.offset().greaterThan(cursor)) {
                    Forward forward = FACTORY.createForward();
                    forward.setDuration(quarters(e.offset().minus(cursor), divisions));
                    forward.setVoice(voice.id());
                    content.add(forward);
                    cursor = e.offset();
                }
                List<Beam> beam = beams.getOrDefault(i, List.of());
                if (e instanceof Rest r) {
                    content.add(rest(r, voice.id(), staves, divisions));
                } else if (e instanceof Note n) {
                    content.add(unpitched(note(n, false, voice.id(), staves, divisions, beam, measure.key(), accidentals,
                            stem(voicesOnStaff, n.staff(), voice.id())), n));
                } else if (e instanceof Chord c) {
                    StemValue stem = stem(voicesOnStaff, c.notes().get(0).staff(), voice.id());
                    for (int k = c.notes().size() - 1; k >= 0; k--) {
                        boolean chordMember = k < c.notes().size() - 1;
                        content.add(unpitched(note(c.notes().get(k), chordMember, voice.id(), staves, divisions,
                                chordMember ? List.of() : beam, measure.key(), accidentals, stem), c.notes().get(k)));
                    }
                }
                if (!(e instanceof Note n && n.grace())) {
                    cursor = e.end();
                }
            }
        }
    }

    /** A percussion note is written at its place on the staff, with its drum and notehead and no accidental. */
    private org.audiveris.proxymusic.Note unpitched(org.audiveris.proxymusic.Note n, Note note) {
        if (note.unpitched() == null) {
            return n;
        }
        org.audiveris.proxymusic.Unpitched u = FACTORY.createUnpitched();
        u.setDisplayStep(n.getPitch().getStep());
        u.setDisplayOctave(n.getPitch().getOctave());
        n.setPitch(null);
        n.setUnpitched(u);
        n.setAccidental(null);
        ScoreInstrument drum = drums.get(note.unpitched().midiKey());
        if (drum != null) {
            org.audiveris.proxymusic.Instrument ref = FACTORY.createInstrument();
            ref.setId(drum);
            n.getInstrument().add(ref);
        }
        if (!note.unpitched().notehead().equals("normal")) {
            org.audiveris.proxymusic.Notehead head = FACTORY.createNotehead();
            head.setValue(org.audiveris.proxymusic.NoteheadValue.fromValue(note.unpitched().notehead()));
            n.setNotehead(head);
        }
        return n;
    }

    private static BigDecimal quarters(Rational q, long divisions) {
        return BigDecimal.valueOf(q.times(divisions).floor());
    }

    private static org.audiveris.proxymusic.Note rest(Rest r, String voice, int staves, long divisions) {
        org.audiveris.proxymusic.Note n = FACTORY.createNote();
        org.audiveris.proxymusic.Rest rest = FACTORY.createRest();
        if (r.wholeMeasure()) {
            rest.setMeasure(YesNo.YES);
        }
        n.setRest(rest);
        n.setDuration(quarters(r.length(), divisions));
        n.setVoice(voice);
        if (!r.wholeMeasure()) {
            written(n, r.duration());
        }
        if (staves > 1) {
            n.setStaff(BigInteger.valueOf(r.staff()));
        }
        if (r.fermata()) {
            n.getNotations().add(fermataNotations());
        }
        return n;
    }

    private static org.audiveris.proxymusic.Note note(Note note, boolean chordMember, String voice, int staves, long divisions,
                                                      List<Beam> beams, KeySignature key, Map<String, Integer> accidentals,
                                                      StemValue stem) {
        org.audiveris.proxymusic.Note n = FACTORY.createNote();
        if (note.grace()) {
            n.setGrace(FACTORY.createGrace());
        }
        if (chordMember) {
            n.setChord(FACTORY.createEmpty());
        }
        org.audiveris.proxymusic.Pitch p = FACTORY.createPitch();
        p.setStep(org.audiveris.proxymusic.Step.fromValue(note.pitch().step().name()));
        if (note.pitch().alter() != 0) {
            p.setAlter(BigDecimal.valueOf(note.pitch().alter()));
        }
        p.setOctave(note.pitch().octave());
        n.setPitch(p);
        if (!note.grace()) {
            n.setDuration(quarters(note.length(), divisions));
        }
        if (note.tie().stopsTie()) {
            n.getTie().add(tie(StartStop.STOP));
        }
        if (note.tie().startsTie()) {
            n.getTie().add(tie(StartStop.START));
        }
        n.setVoice(voice);
        written(n, note.duration());
        AccidentalValue accidental = accidental(note, key, accidentals);
        if (accidental != null) {
            org.audiveris.proxymusic.Accidental a = FACTORY.createAccidental();
            a.setValue(accidental);
            n.setAccidental(a);
        }
        if (stem != null) {
            org.audiveris.proxymusic.Stem direction = FACTORY.createStem();
            direction.setValue(stem);
            n.setStem(direction);
        }
        if (staves > 1) {
            n.setStaff(BigInteger.valueOf(note.staff()));
        }
        for (int level = 0; level < beams.size(); level++) {
            org.audiveris.proxymusic.Beam b = FACTORY.createBeam();
            b.setNumber(level + 1);
            b.setValue(BeamValue.fromValue(beams.get(level).musicXmlName()));
            n.getBeam().add(b);
        }
        Notations notations = null;
        if (note.tie() != Tie.NONE || note.fermata()) {
            notations = FACTORY.createNotations();
            if (note.tie().stopsTie()) {
                notations.getTiedOrSlurOrTuplet().add(tied(TiedType.STOP));
            }
            if (note.tie().startsTie()) {
                notations.getTiedOrSlurOrTuplet().add(tied(TiedType.START));
            }
            if (note.fermata() && !chordMember) {
                Fermata f = FACTORY.createFermata();
                f.setType(stem == StemValue.DOWN ? UprightInverted.INVERTED : UprightInverted.UPRIGHT);
                notations.getTiedOrSlurOrTuplet().add(f);
            }
            n.getNotations().add(notations);
        }
        for (Lyric l : note.lyrics()) {
            org.audiveris.proxymusic.Lyric lyric = FACTORY.createLyric();
            lyric.setNumber(l.verse());
            lyric.getElisionAndSyllabicAndText().add(Syllabic.fromValue(l.syllabic()));
            TextElementData text = FACTORY.createTextElementData();
            text.setValue(l.text());
            lyric.getElisionAndSyllabicAndText().add(text);
            n.getLyric().add(lyric);
        }
        return n;
    }

    /** The accidental to print: needed when the alteration differs from what the key and the measure so far imply. */
    private static AccidentalValue accidental(Note note, KeySignature key, Map<String, Integer> inForce) {
        Pitch p = note.pitch();
        String where = note.staff() + ":" + p.step() + p.octave();
        Integer current = inForce.get(where);
        int expected = current != null ? current : key.alterationOf(p.step());
        inForce.put(where, p.alter());
        if (p.alter() == expected || note.tie().stopsTie()) {
            return null;
        }
        return switch (p.alter()) {
            case -2 -> AccidentalValue.FLAT_FLAT;
            case -1 -> AccidentalValue.FLAT;
            case 0 -> AccidentalValue.NATURAL;
            case 1 -> AccidentalValue.SHARP;
            case 2 -> AccidentalValue.DOUBLE_SHARP;
            case 3 -> AccidentalValue.TRIPLE_SHARP;
            default -> AccidentalValue.TRIPLE_FLAT;
        };
    }

    private static void written(org.audiveris.proxymusic.Note n, Duration d) {
        org.audiveris.proxymusic.NoteType type = FACTORY.createNoteType();
        type.setValue(d.type().musicXmlName());
        n.setType(type);
        for (int i = 0; i < d.dots(); i++) {
            n.getDot().add(FACTORY.createEmptyPlacement());
        }
        if (d.tuplet() != null) {
            TimeModification tm = FACTORY.createTimeModification();
            tm.setActualNotes(BigInteger.valueOf(d.tuplet().actual()));
            tm.setNormalNotes(BigInteger.valueOf(d.tuplet().normal()));
            n.setTimeModification(tm);
        }
    }

    private static org.audiveris.proxymusic.Tie tie(StartStop type) {
        org.audiveris.proxymusic.Tie t = FACTORY.createTie();
        t.setType(type);
        return t;
    }

    private static Tied tied(TiedType type) {
        Tied t = FACTORY.createTied();
        t.setType(type);
        return t;
    }

    private static Notations fermataNotations() {
        Notations notations = FACTORY.createNotations();
        Fermata f = FACTORY.createFermata();
        f.setType(UprightInverted.UPRIGHT);
        notations.getTiedOrSlurOrTuplet().add(f);
        return notations;
    }
}
