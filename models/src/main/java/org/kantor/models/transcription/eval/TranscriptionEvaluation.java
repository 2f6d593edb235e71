package org.kantor.models.transcription.eval;

import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.models.audio.AudioFileException;
import org.kantor.models.transcription.AudioTranscriber;
import org.kantor.models.transcription.BasicPitch;
import org.kantor.models.transcription.NoteCreation;
import org.kantor.models.transcription.PerformanceNotation;
import org.kantor.models.transcription.PerformedNote;
import org.kantor.models.transcription.TranscriptionSettings;
import org.kantor.musicxml.MidiWriter;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code kantor eval transcription}: scores are rendered to audio with FluidSynth, transcribed, and
 * compared with what was rendered. Note precision, recall and F1 as mir_eval computes them (onsets
 * within 50 ms, with and without offsets), then, after notation, the share of the score's notes that
 * come out with the right pitch at the right position in beats (counted from the first note).
 */
public final class TranscriptionEvaluation {

    /** One rendered piece and how it came out. */
    public record Piece(String name, String set, double seconds, NoteMatching.Counts onsets, NoteMatching.Counts offsets,
                        int placedRight, int scoreNotes, int notatedNotes, double trueTempo, double estimatedTempo, String trueMeter,
                        String estimatedMeter, Rational barLineShift, double transcribeSeconds, double inkRatio) {
        public double placedShare() {
            return scoreNotes == 0 ? 0 : (double) placedRight / scoreNotes;
        }

        /** Note F1 in score time: pitch and position in quarter notes, after the alignment of the first notes. */
        public double scoreTimeF1() {
            return scoreNotes + notatedNotes == 0 ? 0 : 2.0 * placedRight / (scoreNotes + notatedNotes);
        }

        /** The time signature as written and the bar lines where the score has them. */
        public boolean meterRight() {
            return estimatedMeter.equals(trueMeter) && Rational.ZERO.equals(barLineShift);
        }

        public boolean tempoRight() {
            return Math.abs(estimatedTempo / trueTempo - 1) <= 0.04;
        }
    }

    private TranscriptionEvaluation() {
    }

    /**
     * How a set of pieces is played and heard: the piano part alone or the whole score, every part on one General MIDI
     * sound or on its own instrument (null), how notes are heard, how they are written, and how much of each piece is played.
     */
    public record Rendering(String set, boolean pianoOnly, org.kantor.core.Instrument sound, NoteCreation.Settings notes,
                            TranscriptionSettings.Instrumentation layout, double maxSeconds) {

        /** The whole score on its own instruments, heard and written as kantor transcribe does by default. */
        public static Rendering asWritten(String set) {
            return new Rendering(set, false, null, NoteCreation.Settings.defaults(), TranscriptionSettings.Instrumentation.AUTO,
                    Double.POSITIVE_INFINITY);
        }

        public Rendering pianoPartOnly() {
            return new Rendering(set, true, sound, notes, TranscriptionSettings.Instrumentation.PIANO, maxSeconds);
        }

        public Rendering playedBy(org.kantor.core.Instrument sound, NoteCreation.Settings notes, TranscriptionSettings.Instrumentation layout) {
            return new Rendering(set, pianoOnly, sound, notes, layout, maxSeconds);
        }

        public Rendering firstSeconds(double seconds) {
            return new Rendering(set, pianoOnly, sound, notes, layout, seconds);
        }
    }

    /**
     * Renders, transcribes and scores one score as {@code how} says; with {@code keep} not null, the transcription is
     * also written there as MusicXML (named after the piece and the set), to engrave and read.
     */
    public static Piece evaluate(Path file, Rendering how, BasicPitch model, Path work, Path keep)
            throws IOException, ScoreFileException, AudioFileException {
        Score score = ScoreFiles.read(file).score();
        if (how.pianoOnly()) {
            Part piano = score.parts().stream().filter(p -> p.staves() == 2).findFirst()
                    .orElseThrow(() -> new ScoreFileException(file.toString(), "has no part on two staves (piano)"));
            score = new Score(score.title(), score.composer(), List.of(piano));
        }
        Timeline written = ScoreToTimeline.convert(score);
        // scores without a tempo mark would all play at 120: give each its own tempo so that beat tracking is tested
        List<Timeline.PartInfo> parts = how.sound() == null ? written.parts() : written.parts().stream()
                .map(p -> p.instrument().percussion() ? p : new Timeline.PartInfo(p.name(), p.staves(),
                        new org.kantor.core.Instrument(how.sound().name(), how.sound().midiProgram(), p.instrument().midiChannel(), false)))
                .toList();
        org.kantor.core.timeline.TempoMap tempo = hasTempoMark(score) ? written.tempo()
                : org.kantor.core.timeline.TempoMap.constant(tempoFor(file));
        Timeline whole = new Timeline(written.notes(), tempo, written.meters(), written.keys(), parts, written.pickup());
        Timeline timeline = Double.isInfinite(how.maxSeconds()) ? whole : firstSeconds(whole, how.maxSeconds());
        List<PerformedNote> reference = new ArrayList<>();
        for (TimedNote n : timeline.notes()) {
            if (!timeline.parts().get(n.part()).instrument().percussion()) {
                reference.add(new PerformedNote(timeline.seconds(n.onset()), timeline.seconds(n.offset()), n.midi(), n.velocity()));
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path midi = work.resolve(name + ".mid");
        Path wav = work.resolve(name + ".wav");
        Files.write(midi, MidiWriter.toBytes(timeline));
        FluidSynth.render(midi, wav, 44100);
        long start = System.nanoTime();
        AudioTranscriber.Result heard = AudioTranscriber.transcribe(wav, model, how.notes(), f -> { });
        TranscriptionSettings settings = new TranscriptionSettings(null, null, null, how.layout(), how.notes());
        PerformanceNotation.Result notation = PerformanceNotation.notateHeard(heard.notes(), settings, name);
        double took = (System.nanoTime() - start) / 1e9;
        Files.deleteIfExists(wav);
        Files.deleteIfExists(midi);
        if (keep != null) {
            Files.createDirectories(keep);
            ScoreFiles.write(org.kantor.musicxml.ScoreDocument.fromScore(notation.score(), name),
                    keep.resolve(name + "-" + how.set().replace(' ', '-') + ".musicxml"), org.kantor.musicxml.ScoreFormat.MUSICXML);
        }
        NoteMatching.Counts onsets = NoteMatching.match(reference, heard.notes(), false);
        NoteMatching.Counts offsets = NoteMatching.match(reference, heard.notes(), true);
        Alignment placed = align(timeline.notes(), notation.timeline().notes());
        Rational bar = timeline.meterAt(Rational.ZERO).measureLength();
        // how far (in quarter notes, 0 up to a bar) the bar lines written fall after the score's, where the meter is the same
        Rational barLineShift = null;
        if (notation.time().equals(timeline.meterAt(Rational.ZERO)) && placed.matched() > 0) {
            Rational d = barPhase(timeline).plus(placed.shift()).minus(barPhase(notation.timeline()));
            barLineShift = d.minus(bar.times(d.dividedBy(bar).floor()));
        }
        return new Piece(name, how.set(), heard.seconds(), onsets, offsets, placed.matched(), timeline.notes().size(),
                notation.timeline().notes().size(), timeline.tempo().tempoAt(Rational.ZERO), notation.quarterNotesPerMinute(),
                timeline.meterAt(Rational.ZERO).toString(), notation.time().toString(), barLineShift, took,
                inkPerMeasure(notation.score()) / inkPerMeasure(score));
    }

    /**
     * What a reader's eye takes in per measure: notes and chords, rests, and ties, over all parts. A transcription that
     * writes a held note as three tied 16ths and a 16th rest has more ink than the score it came from.
     */
    static double inkPerMeasure(Score score) {
        int marks = 0;
        for (var part : score.parts()) {
            for (var measure : part.measures()) {
                for (var voice : measure.voices()) {
                    for (var event : voice.events()) {
                        marks++;
                        if (event instanceof org.kantor.core.Note n && n.tie().startsTie()) {
                            marks++;
                        } else if (event instanceof org.kantor.core.Chord c && c.notes().stream().anyMatch(n -> n.tie().startsTie())) {
                            marks++;
                        }
                    }
                }
            }
        }
        int measures = org.kantor.core.timeline.MeasureLayout.of(score).size();
        return measures == 0 ? 0 : (double) marks / measures;
    }

    private static boolean hasTempoMark(Score score) {
        return score.parts().stream().flatMap(p -> p.measures().stream()).anyMatch(m -> !m.tempos().isEmpty());
    }

    /** A tempo from 60 to 132 quarter notes a minute, fixed by the file name. */
    static double tempoFor(Path file) {
        return 60 + Math.floorMod(file.getFileName().toString().hashCode(), 25) * 3;
    }

    /** How many score notes were found again, and the shift (in quarter notes, score to transcription) that finds them. */
    record Alignment(int matched, Rational shift) {
    }

    /** Where the first bar line falls, in quarter notes from the start: after the pickup, if there is one. */
    private static Rational barPhase(Timeline timeline) {
        return timeline.pickup();
    }

    /**
     * Score notes found again with the same pitch at the same position in quarter notes, under the shift that finds
     * the most: the shifts tried pair one of the score's first notes with one of the transcription's first notes.
     */
    static Alignment align(List<TimedNote> score, List<TimedNote> estimated) {
        if (score.isEmpty() || estimated.isEmpty()) {
            return new Alignment(0, Rational.ZERO);
        }
        java.util.Map<String, Integer> found = new java.util.HashMap<>();
        for (TimedNote n : estimated) {
            found.merge(n.midi() + "@" + n.onset(), 1, Integer::sum);
        }
        int best = 0;
        Rational bestShift = Rational.ZERO;
        Set<Rational> tried = new HashSet<>();
        // the counterpart of one of the score's first notes is one of the first notes written: a note missed or added
        // at the start does not shift everything
        for (int j = 0; j < Math.min(8, score.size()); j++) {
            for (int i = 0; i < Math.min(8, estimated.size()); i++) {
                Rational shift = estimated.get(i).onset().minus(score.get(j).onset());
                if (!tried.add(shift)) {
                    continue;
                }
                java.util.Map<String, Integer> left = new java.util.HashMap<>(found);
                int right = 0;
                for (TimedNote n : score) {
                    // each written note is found once: two voices in unison need two notes
                    if (left.merge(n.midi() + "@" + n.onset().plus(shift), -1, Integer::sum) >= 0) {
                        right++;
                    }
                }
                if (right > best) {
                    best = right;
                    bestShift = shift;
                }
            }
        }
        return new Alignment(best, bestShift);
    }

    /** The notes that start in the first {@code seconds}, with the tempo, meter and key changes up to the last of them. */
    private static Timeline firstSeconds(Timeline whole, double seconds) {
        List<TimedNote> notes = whole.notes().stream().filter(n -> whole.seconds(n.onset()) < seconds).toList();
        Rational end = notes.stream().map(TimedNote::offset).max(Rational::compareTo).orElse(Rational.ZERO);
        org.kantor.core.timeline.TempoMap tempo = new org.kantor.core.timeline.TempoMap(
                whole.tempo().changes().stream().filter(c -> c.at().lessThan(end)).toList());
        return new Timeline(notes, tempo, whole.meters().stream().filter(m -> m.at().lessThan(end)).toList(),
                whole.keys().stream().filter(k -> k.at().lessThan(end)).toList(), whole.parts(), whole.pickup());
    }

    /** Runs a list of pieces, reporting each as it finishes. */
    public static List<Piece> evaluateAll(List<Path> files, Rendering how, BasicPitch model, Path work, Path keep,
                                          Consumer<Piece> done, Consumer<String> skipped) throws IOException {
        List<Piece> pieces = new ArrayList<>();
        for (Path file : files) {
            try {
                Piece piece = evaluate(file, how, model, work, keep);
                pieces.add(piece);
                done.accept(piece);
            } catch (ScoreFileException | AudioFileException e) {
                skipped.accept(file + ": " + e.getMessage());
            }
        }
        return pieces;
    }
}
