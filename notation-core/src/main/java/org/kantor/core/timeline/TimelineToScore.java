package org.kantor.core.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kantor.core.Chord;
import org.kantor.core.Clef;
import org.kantor.core.ClefChange;
import org.kantor.core.Duration;
import org.kantor.core.Instrument;
import org.kantor.core.KeySignature;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.NoteType;
import org.kantor.core.Part;
import org.kantor.core.Pitch;
import org.kantor.core.Rational;
import org.kantor.core.Rest;
import org.kantor.core.Score;
import org.kantor.core.TempoMark;
import org.kantor.core.Tie;
import org.kantor.core.Voice;
import org.kantor.core.notation.RhythmSplitter;

/**
 * Writes a timeline as notation: quantizes to a grid, lays out measures, gives each part staves and
 * voices, splits notes at barlines and at the beat structure into tied written values, fills the
 * gaps with rests, and spells every pitch in the key in force.
 */
public final class TimelineToScore {

    /** How to notate: the grid to snap to (null: keep times as they are), title and composer. */
    public record Options(Rational grid, String title, String composer) {
        public static Options defaults() {
            return new Options(Rational.of(1, 4), null, null);
        }
    }

    private TimelineToScore() {
    }

    public static Score convert(Timeline timeline, Options options) {
        Timeline t = options.grid() == null ? timeline : Quantizer.toGrid(timeline, options.grid());
        return notate(t, options, MeasureLayout.of(t));
    }

    /** Notates into given measures, e.g. those of the score that new voices are added to. */
    public static Score convert(Timeline timeline, Options options, List<MeasureLayout.Slot> slots) {
        return notate(options.grid() == null ? timeline : Quantizer.toGrid(timeline, options.grid()), options, slots);
    }

    private static Score notate(Timeline t, Options options, List<MeasureLayout.Slot> slots) {
        List<Part> parts = new ArrayList<>();
        List<Timeline.PartInfo> infos = new ArrayList<>(t.parts());
        int highestPart = t.notes().stream().mapToInt(TimedNote::part).max().orElse(-1);
        while (infos.size() <= highestPart || infos.isEmpty()) {
            infos.add(new Timeline.PartInfo("Part " + (infos.size() + 1), 1, Instrument.PIANO));
        }
        for (int p = 0; p < infos.size(); p++) {
            parts.add(part(t, p, infos.get(p), slots, p == 0));
        }
        return new Score(options.title(), options.composer(), parts);
    }

    private static Part part(Timeline t, int index, Timeline.PartInfo info, List<MeasureLayout.Slot> slots, boolean carriesTempo) {
        List<TimedNote> notes = t.notesOfPart(index);
        List<VoiceAllocator.Line> lines = VoiceAllocator.allocate(notes, info.staves());
        List<Measure> measures = new ArrayList<>();
        for (int m = 0; m < slots.size(); m++) {
            MeasureLayout.Slot slot = slots.get(m);
            List<Voice> voices = new ArrayList<>();
            for (int staff = 1; staff <= info.staves(); staff++) {
                boolean staffHasVoice = false;
                for (VoiceAllocator.Line line : lines) {
                    if (line.staff() != staff) {
                        continue;
                    }
                    List<MusicEvent> events = eventsInMeasure(line, slot);
                    if (!events.isEmpty()) {
                        voices.add(new Voice(line.voice(), events));
                        staffHasVoice = true;
                    }
                }
                if (!staffHasVoice) {
                    Rest whole = new Rest(Rational.ZERO, slot.length(), Duration.of(NoteType.WHOLE), staff, false, true);
                    voices.add(new Voice(Integer.toString((staff - 1) * 4 + 1), List.of(whole)));
                }
            }
            List<ClefChange> clefs = new ArrayList<>();
            if (m == 0) {
                for (int staff = 1; staff <= info.staves(); staff++) {
                    clefs.add(new ClefChange(Rational.ZERO, staff, clefFor(notes, staff, info)));
                }
            }
            List<TempoMark> tempos = new ArrayList<>();
            if (carriesTempo) {
                for (TempoMap.Change c : t.tempo().changes()) {
                    boolean inside = !c.at().lessThan(slot.start()) && c.at().lessThan(slot.end());
                    boolean worthWriting = !(c.at().isZero() && t.tempo().changes().size() == 1 && notes.isEmpty());
                    if (inside && worthWriting) {
                        tempos.add(new TempoMark(c.at().minus(slot.start()), c.quarterNotesPerMinute(), null));
                    }
                }
            }
            measures.add(new Measure(slot.number(), slot.implicit(), slot.length(), slot.time(), slot.key(), voices, clefs, tempos));
        }
        return new Part("P" + (index + 1), info.name(), null, info.staves(), info.instrument(), measures);
    }

    private static Clef clefFor(List<TimedNote> notes, int staff, Timeline.PartInfo info) {
        if (info.instrument() != null && info.instrument().percussion()) {
            return Clef.PERCUSSION;
        }
        if (info.staves() >= 2) {
            return staff == 1 ? Clef.TREBLE : Clef.BASS;
        }
        if (info.clef() != null) {
            return info.clef();
        }
        double average = notes.stream().mapToInt(TimedNote::midi).average().orElse(67);
        return info.instrument() != null && info.instrument().vocal() ? Clef.forVoice(average) : Clef.forAverageMidi(average);
    }

    private static List<MusicEvent> eventsInMeasure(VoiceAllocator.Line line, MeasureLayout.Slot slot) {
        RhythmSplitter splitter = new RhythmSplitter(slot.time(), slot.length());
        List<MusicEvent> events = new ArrayList<>();
        Rational cursor = Rational.ZERO;
        boolean any = false;
        for (VoiceAllocator.Strike strike : line.strikes()) {
            if (!strike.offset().greaterThan(slot.start()) || !strike.onset().lessThan(slot.end())) {
                continue;
            }
            any = true;
            Rational from = strike.onset().max(slot.start()).minus(slot.start());
            Rational to = strike.offset().min(slot.end()).minus(slot.start());
            addRests(splitter, cursor, from, line.staff(), events);
            boolean tiedIn = strike.onset().lessThan(slot.start());
            boolean tiedOut = strike.offset().greaterThan(slot.end());
            List<RhythmSplitter.Piece> pieces = splitter.splitNote(from, to);
            for (int i = 0; i < pieces.size(); i++) {
                boolean stops = i > 0 || tiedIn;
                boolean starts = i < pieces.size() - 1 || tiedOut;
                events.add(event(strike, pieces.get(i), Tie.of(stops, starts), line.staff(), slot.key()));
            }
            cursor = to;
        }
        if (!any) {
            return List.of();
        }
        addRests(splitter, cursor, slot.length(), line.staff(), events);
        events.sort(Comparator.comparing(MusicEvent::offset));
        return events;
    }

    private static void addRests(RhythmSplitter splitter, Rational from, Rational to, int staff, List<MusicEvent> events) {
        for (RhythmSplitter.Piece piece : splitter.splitRest(from, to)) {
            events.add(new Rest(piece.start(), piece.duration().quarters(), piece.duration(), staff, false, false));
        }
    }

    private static MusicEvent event(VoiceAllocator.Strike strike, RhythmSplitter.Piece piece, Tie tie, int staff, KeySignature key) {
        List<Note> notes = new ArrayList<>();
        for (TimedNote n : strike.notes()) {
            Pitch pitch = n.spelling() != null && n.spelling().midi() == n.midi() ? n.spelling() : key.spell(n.midi());
            notes.add(new Note(piece.start(), piece.duration().quarters(), piece.duration(), pitch, tie, staff, false, List.of(), false));
        }
        return notes.size() == 1 ? notes.get(0) : new Chord(notes);
    }
}
