package org.kantor.tools.drums;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.kantor.core.KeySignature;
import org.kantor.core.Measure;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TempoMark;
import org.kantor.core.TimeSignature;
import org.kantor.core.Voice;
import org.kantor.models.audio.AudioContainer;
import org.kantor.models.audio.AudioFileException;
import org.kantor.models.drums.DrumPattern;
import org.kantor.models.drums.DrumPerformance;
import org.kantor.models.drums.DrumStaff;
import org.kantor.models.transcription.BasicPitch;
import org.kantor.models.transcription.Transcriber;
import org.kantor.models.transcription.TranscriptionSettings;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;

/** What the drum tools accept: a score, a MIDI file, or (for Drumify) a recording, each read into a score. */
public final class DrumInputs {

    private DrumInputs() {
    }

    /**
     * A score to drum to: a score file as it is, a MIDI file notated on the 16th-note grid, or a
     * recording transcribed in 4/4 (its onsets are what Drumify follows).
     */
    public static ScoreDocument forDrumify(Path input, DoubleConsumer progress) throws ScoreFileException {
        AudioContainer container = container(input);
        if (container == AudioContainer.UNKNOWN || container == AudioContainer.MIDI) {
            return ScoreFiles.read(input);
        }
        TranscriptionSettings a = TranscriptionSettings.automatic();
        TranscriptionSettings settings = new TranscriptionSettings(a.tempo(), TimeSignature.COMMON, a.key(), a.instrument(), a.noteCreation());
        BasicPitch[] model = new BasicPitch[1];
        try {
            Transcriber.Transcription t = Transcriber.transcribe(input, settings, () -> model[0] = BasicPitch.load(), progress);
            return ScoreDocument.fromScore(t.notation().score(), input.getFileName().toString());
        } catch (AudioFileException e) {
            throw new ScoreFileException(input.toString(), e.getMessage().startsWith(input.toString())
                    ? e.getMessage().substring(input.toString().length()).replaceFirst("^: ", "") : e.getMessage());
        } finally {
            if (model[0] != null) {
                model[0].close();
            }
        }
    }

    /**
     * A drum part to groove: a score file as it is, or a MIDI file's drums (channel 10) written on a
     * drum staff, bar by bar from its first beat, at its tempo.
     */
    public static ScoreDocument forGroove(Path input) throws ScoreFileException {
        if (container(input) != AudioContainer.MIDI) {
            return ScoreFiles.read(input);
        }
        DrumPerformance performance;
        try (InputStream in = Files.newInputStream(input)) {
            performance = DrumPerformance.read(in, true);
        } catch (NoSuchFileException e) {
            throw new ScoreFileException(input.toString(), "no such file");
        } catch (IOException e) {
            throw new ScoreFileException(input.toString(), e.getMessage());
        }
        DrumPattern pattern = performance.pattern();
        if (pattern.hitCount() == 0) {
            throw new ScoreFileException(input.toString(), "the MIDI file has no drums of the kit on channel 10 to groove");
        }
        String title = input.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return drumScore(pattern, performance.tempo(), title, input.getFileName().toString());
    }

    /** A score of one drum part: the pattern's hits, quantized and mezzo-forte, bar by bar in 4/4 at {@code tempo}. */
    public static ScoreDocument drumScore(DrumPattern pattern, double tempo, String title, String name) throws ScoreFileException {
        List<Measure> bars = new ArrayList<>();
        for (int i = 0; i < pattern.bars(); i++) {
            bars.add(new Measure(Integer.toString(i + 1), false, Rational.of(4), TimeSignature.COMMON, KeySignature.C_MAJOR,
                    List.of(new Voice("1", List.of())), List.of(), List.of()));
        }
        Part written = DrumStaff.part("P1", bars, 0, pattern.quantized(Drumify.TAP_VELOCITY));
        // the drum staff carries no tempo of its own (added to a score, the score has one): this score's is the file's
        List<Measure> measures = new ArrayList<>(written.measures());
        Measure first = measures.get(0);
        measures.set(0, new Measure(first.number(), first.implicit(), first.length(), first.time(), first.key(), first.voices(),
                first.clefs(), List.of(new TempoMark(Rational.ZERO, Math.round(tempo), null))));
        Part drums = new Part(written.id(), written.name(), written.abbreviation(), written.staves(), written.instrument(), measures);
        return ScoreDocument.fromScore(new Score(title, null, List.of(drums)), name);
    }

    private static AudioContainer container(Path input) throws ScoreFileException {
        try {
            return AudioContainer.of(input);
        } catch (NoSuchFileException e) {
            throw new ScoreFileException(input.toString(), "no such file");
        } catch (IOException e) {
            throw new ScoreFileException(input.toString(), "cannot be read (" + e.getMessage() + ")");
        }
    }
}
