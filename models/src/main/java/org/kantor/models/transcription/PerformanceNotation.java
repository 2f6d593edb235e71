package org.kantor.models.transcription;

import org.kantor.core.Instrument;
import org.kantor.core.KeySignature;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.TempoMap;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.core.timeline.TimelineToScore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a performance as a score: beat, meter and key (estimated unless given), notes placed on
 * the beat grid, bar lines at the downbeats (with a pickup when the music starts before one), a
 * grand staff with a hand split for piano or one staff for a single voice.
 */
public final class PerformanceNotation {

    public static final Instrument VOICE = new Instrument("Voice", 53, 1, false);

    /** The score and what was decided on the way. */
    public record Result(Score score, Timeline timeline, double quarterNotesPerMinute, TimeSignature time,
                         KeySignature key, TranscriptionSettings.Instrumentation instrument, int notes) {
    }

    private PerformanceNotation() {
    }

    /** Notes heard in a recording, written as a score: as {@link #notate}, without the ghost notes nobody played. */
    public static Result notateHeard(List<PerformedNote> heard, TranscriptionSettings settings, String title) {
        return notate(GhostNotes.drop(heard), settings, title);
    }

    public static Result notate(List<PerformedNote> performed, TranscriptionSettings settings, String title) {
        TranscriptionSettings.Instrumentation instrument = settings.instrument() == TranscriptionSettings.Instrumentation.AUTO
                ? guessInstrument(performed) : settings.instrument();
        List<PerformedNote> notes = instrument == TranscriptionSettings.Instrumentation.VOICE
                ? singleLine(performed) : sorted(performed);
        KeySignature key = settings.key() != null ? settings.key() : KeyEstimator.estimate(notes);
        if (notes.isEmpty()) {
            TimeSignature time = settings.time() != null ? settings.time() : TimeSignature.COMMON;
            double tempo = settings.tempo() != null ? settings.tempo() : TempoMap.DEFAULT_TEMPO;
            Timeline empty = new Timeline(List.of(), TempoMap.constant(tempo), List.of(new Timeline.MeterChange(Rational.ZERO, time)),
                    List.of(new Timeline.KeyChange(Rational.ZERO, key)), List.of(part(instrument)), Rational.ZERO);
            return new Result(TimelineToScore.convert(empty, new TimelineToScore.Options(null, title, null)), empty, tempo,
                    time, key, instrument, 0);
        }
        BeatTracker.Beats beats = BeatTracker.track(notes, settings.tempo());
        MeterEstimator.Meter meter = MeterEstimator.estimate(notes, beats.times(), settings.time());
        TimeSignature time = meter.time();
        List<RhythmQuantizer.Placed> placed = RhythmQuantizer.quantize(notes, beats.times(), time);
        Rational beatLength = time.isCompound() ? Rational.of(3, 2) : Rational.of(4, time.beatType());
        int perBar = MeterEstimator.beatsPerBar(time);

        // bar lines: the music starts at the downbeat before its first note, or with a pickup
        Rational first = placed.stream().map(RhythmQuantizer.Placed::onset).min(Comparator.naturalOrder()).orElse(Rational.ZERO);
        long firstBeat = first.floor();
        long downbeat = meter.firstDownbeat() + Math.floorDiv(firstBeat - meter.firstDownbeat(), perBar) * (long) perBar;
        Rational origin = Rational.of(downbeat);
        Rational pickup = Rational.ZERO;
        if (firstBeat > downbeat) {
            origin = Rational.of(firstBeat);
            pickup = Rational.of(downbeat + perBar - firstBeat).times(beatLength);
        }
        PartSplitter.Ensemble ensemble = instrument.ensemble();
        List<TimedNote> timed = new ArrayList<>();
        if (ensemble != null) {
            for (PartSplitter.Assigned a : PartSplitter.split(placed, ensemble, settings.noteCreation().heldOnsetThreshold() > 0)) {
                timed.add(new TimedNote(a.note().note().midi(), a.onset().minus(origin).times(beatLength),
                        a.offset().minus(origin).times(beatLength), a.note().note().velocity(), a.part(), null, 1, null));
            }
        } else {
            int[] staves = instrument == TranscriptionSettings.Instrumentation.PIANO ? HandSplitter.split(placed) : null;
            List<RhythmQuantizer.Placed> written = staves == null ? placed : HandRhythm.tidy(placed, staves);
            for (int i = 0; i < written.size(); i++) {
                RhythmQuantizer.Placed p = written.get(i);
                timed.add(new TimedNote(p.note().midi(), p.onset().minus(origin).times(beatLength),
                        p.offset().minus(origin).times(beatLength), p.note().velocity(), 0, null,
                        staves == null ? 1 : staves[i], null));
            }
        }
        double quarterTempo = beats.bpm() * beatLength.toDouble();
        Timeline timeline = new Timeline(timed, TempoMap.constant(Math.round(quarterTempo)),
                List.of(new Timeline.MeterChange(Rational.ZERO, time)), List.of(new Timeline.KeyChange(Rational.ZERO, key)),
                parts(instrument), pickup);
        Score score = TimelineToScore.convert(timeline, new TimelineToScore.Options(null, title, null));
        return new Result(score, timeline, Math.round(quarterTempo), time, key, instrument, timed.size());
    }

    private static List<Timeline.PartInfo> parts(TranscriptionSettings.Instrumentation instrument) {
        PartSplitter.Ensemble ensemble = instrument.ensemble();
        if (ensemble != null) {
            List<Timeline.PartInfo> parts = new ArrayList<>();
            for (PartSplitter.Line line : ensemble.lines()) {
                // each part in its own clef (the tenor in the octave treble clef, the viola in the alto clef)
                parts.add(new Timeline.PartInfo(line.name(), 1, line.instrument(parts.size() + 1), line.clef()));
            }
            return parts;
        }
        return List.of(part(instrument));
    }

    private static Timeline.PartInfo part(TranscriptionSettings.Instrumentation instrument) {
        return instrument == TranscriptionSettings.Instrumentation.PIANO
                ? new Timeline.PartInfo("Piano", 2, Instrument.PIANO)
                : new Timeline.PartInfo("Voice", 1, VOICE);
    }

    /** Voice when at most one note sounds at a time nearly everywhere and the range is a singer's. */
    static TranscriptionSettings.Instrumentation guessInstrument(List<PerformedNote> notes) {
        if (notes.isEmpty()) {
            return TranscriptionSettings.Instrumentation.PIANO;
        }
        List<PerformedNote> byStart = sorted(notes);
        int overlapping = 0;
        double lastEnd = Double.NEGATIVE_INFINITY;
        for (PerformedNote n : byStart) {
            if (n.start() < lastEnd - 0.05) {
                overlapping++;
            }
            lastEnd = Math.max(lastEnd, n.end());
        }
        int low = byStart.stream().mapToInt(PerformedNote::midi).min().orElse(60);
        int high = byStart.stream().mapToInt(PerformedNote::midi).max().orElse(60);
        boolean oneLine = overlapping <= 0.1 * notes.size();
        return oneLine && high - low <= 30 ? TranscriptionSettings.Instrumentation.VOICE : TranscriptionSettings.Instrumentation.PIANO;
    }

    /** One note at a time: of notes struck together the loudest stays; an earlier note is cut off at the next one. */
    static List<PerformedNote> singleLine(List<PerformedNote> notes) {
        List<PerformedNote> line = new ArrayList<>();
        for (PerformedNote n : sorted(notes)) {
            if (!line.isEmpty()) {
                PerformedNote last = line.get(line.size() - 1);
                if (n.start() - last.start() < 0.03) {
                    if (n.velocity() > last.velocity() || (n.velocity() == last.velocity() && n.midi() > last.midi())) {
                        line.set(line.size() - 1, n);
                    }
                    continue;
                }
                if (last.end() > n.start()) {
                    line.set(line.size() - 1, new PerformedNote(last.start(), n.start(), last.midi(), last.velocity()));
                }
            }
            line.add(n);
        }
        return line;
    }

    private static List<PerformedNote> sorted(List<PerformedNote> notes) {
        return notes.stream().sorted(Comparator.comparingDouble(PerformedNote::start).thenComparingInt(PerformedNote::midi)).toList();
    }
}
