package org.kantor.models.transcription;

import org.kantor.models.audio.AudioDecoder;
import org.kantor.models.audio.AudioFileException;
import org.kantor.models.audio.RecordingTooLongException;
import org.kantor.models.audio.Resampler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Audio to performed notes: decode, downmix and resample to 22,050 Hz chunk by chunk, run Basic
 * Pitch on the windows as they fill, then create the notes. Memory stays bounded by one batch of
 * windows plus the activations (about 1.4 KB a frame, 86 frames a second).
 */
public final class AudioTranscriber {

    /** The notes, the recording's length in seconds and what the file was. */
    public record Result(List<PerformedNote> notes, double seconds, AudioDecoder.Info source, Activations activations) {
    }

    private AudioTranscriber() {
    }

    public static Result transcribe(Path file, BasicPitch model, NoteCreation.Settings settings, DoubleConsumer progress)
            throws AudioFileException {
        return transcribe(file, model, settings, progress, Double.POSITIVE_INFINITY);
    }

    /** As above, refusing a recording longer than {@code maxSeconds} before its notes are heard (or as soon as it runs over). */
    public static Result transcribe(Path file, BasicPitch model, NoteCreation.Settings settings, DoubleConsumer progress,
                                    double maxSeconds) throws AudioFileException {
        BasicPitchStream stream = new BasicPitchStream(model, false, BasicPitch.batchSize());
        Resampler[] resampler = new Resampler[1];
        long maxSamples = Double.isInfinite(maxSeconds) ? Long.MAX_VALUE : (long) (maxSeconds * BasicPitch.SAMPLE_RATE);
        AudioDecoder.Info info;
        try {
            info = AudioDecoder.decode(file, (samples, count) -> {
                if (resampler[0] == null) {
                    throw new IllegalStateException("samples before the format was known");
                }
                float[] out = resampler[0].process(samples, count);
                if (stream.samples() + out.length > maxSamples) {
                    throw new TooLong(-1);
                }
                stream.accept(out, out.length);
            }, progress, format -> {
                if (format.seconds() > maxSeconds) {
                    throw new TooLong(format.seconds());
                }
                resampler[0] = new Resampler(format.sampleRate(), BasicPitch.SAMPLE_RATE);
            });
        } catch (TooLong e) {
            throw new RecordingTooLongException(file + ": the recording is " + (e.seconds < 0 ? "longer than " + Math.round(maxSeconds) + " s"
                    : Math.round(e.seconds) + " s long") + "; at most " + Math.round(maxSeconds) + " s are transcribed at a time here");
        }
        float[] tail = resampler[0].finish();
        stream.accept(tail, tail.length);
        Activations activations = stream.finish();
        List<PerformedNote> notes = new ArrayList<>();
        for (NoteEvent event : NoteCreation.notes(activations, settings)) {
            notes.add(new PerformedNote(event.startSeconds(), event.endSeconds(), event.midi(), event.velocity()));
        }
        return new Result(notes, (double) stream.samples() / BasicPitch.SAMPLE_RATE, info, activations);
    }

    /** Stops decoding a recording that runs past the limit. */
    private static final class TooLong extends RuntimeException {
        final double seconds;

        TooLong(double seconds) {
            super(null, null, false, false);
            this.seconds = seconds;
        }
    }
}
