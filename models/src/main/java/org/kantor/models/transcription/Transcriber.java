package org.kantor.models.transcription;

import org.kantor.models.audio.AudioContainer;
import org.kantor.models.audio.AudioFileException;
import org.kantor.models.audio.RecordingTooLongException;
import org.kantor.musicxml.ScoreFileException;

import java.io.IOException;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

/**
 * {@code kantor transcribe}'s service: a recording (WAV, FLAC, MP3, Ogg Vorbis) or a MIDI
 * performance in, a score out. Audio goes through Basic Pitch first; both then share the way from
 * performed notes to notation.
 */
public final class Transcriber {

    /** The performed notes, the score made of them, what the input was, and its length in seconds. */
    public record Transcription(List<PerformedNote> performed, PerformanceNotation.Result notation,
                                AudioContainer source, double seconds) {
    }

    private Transcriber() {
    }

    public static Transcription transcribe(Path input, TranscriptionSettings settings, Supplier<BasicPitch> model,
                                           DoubleConsumer progress) throws AudioFileException, ScoreFileException {
        return transcribe(input, settings, model, progress, Double.POSITIVE_INFINITY);
    }

    /** As above, refusing a recording or performance longer than {@code maxSeconds} with a {@link RecordingTooLongException}. */
    public static Transcription transcribe(Path input, TranscriptionSettings settings, Supplier<BasicPitch> model,
                                           DoubleConsumer progress, double maxSeconds) throws AudioFileException, ScoreFileException {
        AudioContainer container;
        try {
            container = AudioContainer.of(input);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AudioFileException(input + ": no such file");
        } catch (IOException e) {
            throw new AudioFileException(input + ": cannot be read (" + e.getMessage() + ")", e);
        }
        String title = title(input);
        if (container == AudioContainer.MIDI) {
            List<PerformedNote> notes = MidiPerformance.read(input);
            progress.accept(1);
            double seconds = notes.stream().mapToDouble(PerformedNote::end).max().orElse(0);
            if (seconds > maxSeconds) {
                throw new RecordingTooLongException(input + ": the performance is " + Math.round(seconds) + " s long; at most "
                        + Math.round(maxSeconds) + " s are transcribed at a time here");
            }
            return new Transcription(notes, PerformanceNotation.notate(notes, settings, title), container, seconds);
        }
        if (container == AudioContainer.UNKNOWN) {
            throw new AudioFileException(input + ": not a recording Kantor can read; give a WAV, FLAC, MP3 or Ogg Vorbis file, or a MIDI file (.mid)");
        }
        AudioTranscriber.Result heard = AudioTranscriber.transcribe(input, model.get(), settings.noteCreation(), progress, maxSeconds);
        return new Transcription(heard.notes(), PerformanceNotation.notateHeard(heard.notes(), settings, title), container,
                heard.seconds());
    }

    private static String title(Path input) {
        String name = input.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return name.isBlank() ? null : name.replace('_', ' ');
    }

}
