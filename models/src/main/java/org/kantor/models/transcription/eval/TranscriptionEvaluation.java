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
                        int placedRight, int scoreNotes, double trueTempo, double estimatedTempo, String trueMeter,
                        String estimatedMeter, double transcribeSeconds, double inkRatio) {
        public double placedShare() {
            return scoreNotes == 0 ? 0 : (double) placedRight / scoreNotes;
        }

        public boolean tempoRight() {
            return Math.abs(estimatedTempo / trueTempo - 1) <= 0.04;
        }
    }

    private TranscriptionEvaluation() {
    }

    /** Renders, transcribes and scores one score; {@code pianoOnly} keeps only the part on two staves. */
    public static Piece evaluate(Path file, String set, boolean pianoOnly, BasicPitch model, Path work)
            throws IOException, ScoreFileException, AudioFileException {
        return evaluate(file, set, pianoOnly, null, NoteCreation.Settings.defaults(), model, work);
    }

    /**
     * The same, every part played by {@code sound} (a General MIDI instrument: choir, strings, organ ...) instead of the
     * score's own instruments (null keeps them), and the notes heard with {@code notes}.
     */
    public static Piece evaluate(Path file, String set, boolean pianoOnly, org.kantor.core.Instrument sound, NoteCreation.Settings notes,
                                 BasicPitch model, Path work) throws IOException, ScoreFileException, AudioFileException {
        Score score = ScoreFiles.read(file).score();
        if (pianoOnly) {
            Part piano = score.parts().stream().filter(p -> p.staves() == 2).findFirst()
                    .orElseThrow(() -> new ScoreFileException(file.toString(), "has no part on two staves (piano)"));
            score = new Score(score.title(), score.composer(), List.of(piano));
        }
        Timeline written = ScoreToTimeline.convert(score);
        // scores without a tempo mark would all play at 120: give each its own tempo so that beat tracking is tested
        List<Timeline.PartInfo> parts = sound == null ? written.parts() : written.parts().stream()
                .map(p -> p.instrument().percussion() ? p : new Timeline.PartInfo(p.name(), p.staves(),
                        new org.kantor.core.Instrument(sound.name(), sound.midiProgram(), p.instrument().midiChannel(), false)))
                .toList();
        Timeline timeline = new Timeline(written.notes(), hasTempoMark(score) ? written.tempo()
                : org.kantor.core.timeline.TempoMap.constant(tempoFor(file)), written.meters(), written.keys(), parts, written.pickup());
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
        AudioTranscriber.Result heard = AudioTranscriber.transcribe(wav, model, notes, f -> { });
        TranscriptionSettings settings = new TranscriptionSettings(null, null, null,
                pianoOnly ? TranscriptionSettings.Instrumentation.PIANO : TranscriptionSettings.Instrumentation.AUTO, notes);
        PerformanceNotation.Result notation = PerformanceNotation.notate(heard.notes(), settings, name);
        double took = (System.nanoTime() - start) / 1e9;
        Files.deleteIfExists(wav);
        Files.deleteIfExists(midi);
        NoteMatching.Counts onsets = NoteMatching.match(reference, heard.notes(), false);
        NoteMatching.Counts offsets = NoteMatching.match(reference, heard.notes(), true);
        int placed = placedRight(timeline.notes(), notation.timeline().notes());
        return new Piece(name, set, heard.seconds(), onsets, offsets, placed, timeline.notes().size(),
                timeline.tempo().tempoAt(Rational.ZERO), notation.quarterNotesPerMinute(),
                timeline.meterAt(Rational.ZERO).toString(), notation.time().toString(), took,
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

    /**
     * Score notes found again with the same pitch at the same position in quarter notes, counted
     * from the first note; the alignment tries each of the first estimated notes as the counterpart
     * of the score's first note, so one spurious note before the music does not shift everything.
     */
    static int placedRight(List<TimedNote> score, List<TimedNote> estimated) {
        if (score.isEmpty() || estimated.isEmpty()) {
            return 0;
        }
        Set<String> found = new HashSet<>();
        for (TimedNote n : estimated) {
            found.add(n.midi() + "@" + n.onset());
        }
        Rational firstScore = score.get(0).onset();
        int best = 0;
        Set<Rational> tried = new HashSet<>();
        for (int i = 0; i < Math.min(8, estimated.size()); i++) {
            Rational shift = estimated.get(i).onset().minus(firstScore);
            if (!tried.add(shift)) {
                continue;
            }
            int right = 0;
            for (TimedNote n : score) {
                if (found.contains(n.midi() + "@" + n.onset().plus(shift))) {
                    right++;
                }
            }
            best = Math.max(best, right);
        }
        return best;
    }

    /** Runs a list of pieces, reporting each as it finishes. */
    public static List<Piece> evaluateAll(List<Path> files, String set, boolean pianoOnly, BasicPitch model, Path work,
                                          Consumer<Piece> done, Consumer<String> skipped) throws IOException {
        return evaluateAll(files, set, pianoOnly, null, NoteCreation.Settings.defaults(), model, work, done, skipped);
    }

    /** The same, every part played by {@code sound} (null: the score's own instruments), the notes heard with {@code notes}. */
    public static List<Piece> evaluateAll(List<Path> files, String set, boolean pianoOnly, org.kantor.core.Instrument sound,
                                          NoteCreation.Settings notes, BasicPitch model, Path work, Consumer<Piece> done,
                                          Consumer<String> skipped) throws IOException {
        List<Piece> pieces = new ArrayList<>();
        for (Path file : files) {
            try {
                Piece piece = evaluate(file, set, pianoOnly, sound, notes, model, work);
                pieces.add(piece);
                done.accept(piece);
            } catch (ScoreFileException | AudioFileException e) {
                skipped.accept(file + ": " + e.getMessage());
            }
        }
        return pieces;
    }
}
