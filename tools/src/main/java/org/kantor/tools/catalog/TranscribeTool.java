package org.kantor.tools.catalog;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.kantor.core.KeySignature;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.models.audio.AudioFileException;
import org.kantor.models.audio.RecordingTooLongException;
import org.kantor.models.transcription.BasicPitch;
import org.kantor.models.transcription.NoteCreation;
import org.kantor.models.transcription.PerformanceMidi;
import org.kantor.models.transcription.Transcriber;
import org.kantor.models.transcription.TranscriptionSettings;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/** Transcribe as a tool: a recording or a MIDI performance in, an engraved score (or the notes as played) out. */
public final class TranscribeTool extends CatalogTool {

    public static final String NAME = "transcribe";

    static final List<ToolParameter> PARAMETERS = List.of(
            ToolParameter.text("tempo", "Beats per minute (20-400), or auto to follow the performance.", "auto"),
            ToolParameter.text("time", "Time signature, e.g. 3/4 or 6/8, or auto.", "auto"),
            ToolParameter.text("key", "Key, e.g. Eb, F# minor or c#m, or auto.", "auto"),
            ToolParameter.choice("instrument", "auto", "piano: a grand staff with the hands split; voice: one staff, one note at a time;"
                    + " satb: a choir, one staff per part (soprano, alto, tenor, bass); quartet: a string quartet, one staff per"
                    + " instrument; auto decides between piano and voice from the notes.", "auto", "piano", "voice", "satb", "quartet"),
            ToolParameter.number("onset-threshold", 0.5, 0.05, 0.95, "How sure the note detector must be that a note starts."),
            ToolParameter.number("frame-threshold", 0.3, 0.05, 0.95, "How sure it must be that a note still sounds."),
            ToolParameter.choice("sound", "struck", "struck: piano, guitar, harp (every onset is a note); held: organ, strings, winds,"
                    + " voices (a note swelling with its vibrato stays one note).", "struck", "held"),
            ToolParameter.choice("format", "musicxml", "musicxml: the engraved score; midi: the notes as played (exact timing and loudness).",
                    "musicxml", "midi"));

    /** A transcription: the notes as heard and as notated, and where they came from. */
    public record Result(Transcriber.Transcription transcription, ScoreDocument score) {
    }

    private final Supplier<BasicPitch> model;
    private final double maxSeconds;

    /** @param maxSeconds the longest recording one run may take (the server's limit; the command line has none) */
    public TranscribeTool(Supplier<BasicPitch> model, double maxSeconds) {
        super(NAME, "Transcribe",
                "Write down a recording (WAV, FLAC, MP3, Ogg Vorbis) or a MIDI performance as a score: notes, rhythm, meter, key and,"
                    + " for piano, the hands on a grand staff.",
                ToolInput.RECORDING, PARAMETERS, List.of(ToolResult.MUSICXML, ToolResult.MIDI));
        this.model = model;
        this.maxSeconds = maxSeconds;
    }

    @Override
    public void check(ToolArguments arguments) {
        settings(arguments);
    }

    @Override
    public ToolResult run(ToolRequest request) throws ScoreFileException {
        Result result = transcribe(request.file(0), request.arguments(), request.progress(), request.file(0).baseName() + ".musicxml");
        Transcriber.Transcription t = result.transcription();
        Map<String, String> facts = Map.of("Notes", Integer.toString(t.notation().notes()),
                "Seconds", String.format(Locale.ROOT, "%.1f", t.seconds()));
        if (request.arguments().text("format").equals("midi")) {
            try {
                return new ToolResult(PerformanceMidi.toBytes(t.performed(), t.notation().score().parts().get(0).instrument()), ToolResult.MIDI, facts);
            } catch (IOException e) {
                throw new ScoreFileException(request.file(0).name(), "its notes cannot be written as MIDI (" + e.getMessage() + ")");
            }
        }
        return ToolResult.score(result.score(), facts);
    }

    /**
     * Hears and notates {@code recording}; the score is titled after the file and named {@code name}.
     * A file that is not a recording is a {@link ToolInputException}, one too long a {@link RecordingTooLongException} inside it.
     */
    public Result transcribe(ToolFile recording, ToolArguments arguments, java.util.function.DoubleConsumer progress, String name)
            throws ScoreFileException {
        TranscriptionSettings settings = settings(arguments);
        Transcriber.Transcription t;
        try {
            t = recording.onDisk(file -> {
                try {
                    return Transcriber.transcribe(file, settings, model, progress, maxSeconds);
                } catch (AudioFileException e) {
                    throw new NotAudio(e, e.getMessage().replace(file.toString(), recording.name()));
                }
            });
        } catch (NotAudio e) {
            throw new ToolInputException(e.getCause() instanceof RecordingTooLongException ? ToolInputException.Kind.TOO_LONG
                    : ToolInputException.Kind.SCORE, e.getMessage());
        } catch (IOException e) {
            throw new ScoreFileException(recording.name(), "cannot be read (" + e.getMessage() + ")");
        }
        Score notated = t.notation().score();
        String title = recording.baseName().replace('_', ' ');
        Score titled = new Score(title.isBlank() ? notated.title() : title, notated.composer(), notated.parts());
        return new Result(t, ScoreDocument.fromScore(titled, name));
    }

    /** The settings asked for, each checked with a message naming the parameter. */
    public static TranscriptionSettings settings(ToolArguments arguments) {
        Double bpm = null;
        String tempo = arguments.text("tempo");
        if (!"auto".equalsIgnoreCase(tempo)) {
            try {
                bpm = Double.parseDouble(tempo);
            } catch (NumberFormatException e) {
                bpm = -1.0;
            }
            if (!(bpm >= 20 && bpm <= 400)) {
                throw ToolInputException.parameter(arguments.label("tempo") + " must be auto or a number of beats per minute from 20 to 400, not " + tempo);
            }
        }
        TimeSignature meter = null;
        if (!"auto".equalsIgnoreCase(arguments.text("time"))) {
            try {
                meter = TimeSignature.parse(arguments.text("time"));
            } catch (IllegalArgumentException e) {
                throw ToolInputException.parameter(arguments.label("time") + ": " + e.getMessage());
            }
        }
        KeySignature key = null;
        if (!"auto".equalsIgnoreCase(arguments.text("key"))) {
            try {
                key = KeySignature.parse(arguments.text("key"));
            } catch (RuntimeException e) {
                throw ToolInputException.parameter(arguments.label("key") + " must be auto or a key such as Eb, F# minor or c#m, not "
                        + arguments.text("key"));
            }
        }
        TranscriptionSettings.Instrumentation layout = TranscriptionSettings.Instrumentation.valueOf(arguments.text("instrument").toUpperCase(Locale.ROOT));
        NoteCreation.Settings d = NoteCreation.Settings.defaults();
        NoteCreation.Settings notes = new NoteCreation.Settings(arguments.number("onset-threshold"), arguments.number("frame-threshold"),
                d.minimumFrames(), d.inferOnsets(), d.melodiaTrick(), d.lowestMidi(), d.highestMidi(), d.heldOnsetThreshold());
        if ("held".equals(arguments.text("sound"))) {
            notes = notes.forHeldNotes();
        }
        return new TranscriptionSettings(bpm, meter, key, layout, notes);
    }

    /** Carries an audio refusal out of the work on the file, with the user's file name in its message. */
    private static final class NotAudio extends IOException {
        NotAudio(AudioFileException cause, String message) {
            super(message, cause);
        }
    }
}
