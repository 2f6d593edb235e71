package org.kantor.cli;

import org.kantor.models.NativeStderr;
import org.kantor.models.transcription.BasicPitch;
import org.kantor.models.transcription.PerformanceMidi;
import org.kantor.models.transcription.PerformanceNotation;
import org.kantor.models.transcription.Transcriber;
import org.kantor.musicxml.AtomicFiles;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.musicxml.ScoreFormat;
import org.kantor.tools.catalog.LazyModel;
import org.kantor.tools.catalog.ToolArguments;
import org.kantor.tools.catalog.ToolFile;
import org.kantor.tools.catalog.TranscribeTool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kantor transcribe}: a recording or a MIDI performance to an engraved score. */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = {"Transcribe a recording (WAV, FLAC, MP3, Ogg Vorbis) or a MIDI performance into a score.",
            "Notes are heard with Spotify's Basic Pitch; beat, meter, key and the piano's hand split are estimated unless given."})
final class TranscribeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "The recording (.wav, .flac, .mp3, .ogg) or MIDI file (.mid).")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The score to write (.musicxml or .mxl).")
    Path output;

    @Option(names = "--midi", paramLabel = "OUT.mid", description = "Also write the notes as played (exact timing and loudness) as MIDI.")
    Path midi;

    @Option(names = "--tempo", defaultValue = "auto", paramLabel = "auto|BPM", description = "Beats per minute, or auto (default) to follow the performance.")
    String tempo;

    @Option(names = "--time", defaultValue = "auto", paramLabel = "auto|4/4", description = "Time signature, e.g. 3/4 or 6/8, or auto (default).")
    String time;

    @Option(names = "--key", defaultValue = "auto", paramLabel = "auto|KEY", description = "Key, e.g. Eb, F# minor, c#m, or auto (default).")
    String key;

    @Option(names = {"--instrument", "--parts"}, defaultValue = "auto", paramLabel = "piano|voice|satb|quartet|auto",
            description = "piano: a grand staff with the hands split; voice: one staff, one note at a time; satb: a choir, one staff "
                    + "per part (use with --sound held); quartet: a string quartet, one staff per instrument; auto (default) decides "
                    + "between piano and voice from the notes.")
    String instrument;

    @Option(names = "--onset-threshold", defaultValue = "0.5", paramLabel = "P", description = "How sure Basic Pitch must be that a note starts (0.05-0.95, default ${DEFAULT-VALUE}).")
    double onsetThreshold;

    @Option(names = "--frame-threshold", defaultValue = "0.3", paramLabel = "P", description = "How sure it must be that a note still sounds (0.05-0.95, default ${DEFAULT-VALUE}).")
    double frameThreshold;

    @Option(names = "--sound", defaultValue = "struck", paramLabel = "struck|held", description = "struck (default): piano, guitar, harp, every"
            + " onset a note; held: organ, strings, winds, voices, where a note swelling with its vibrato stays one note.")
    String sound;

    @Option(names = "--overwrite", description = "Allow replacing existing output files.")
    boolean overwrite;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws ScoreFileException {
        PrintWriter out = spec.commandLine().getOut();
        ScoreFormat format = ScoreFormat.ofFile(output);
        if (format == null || format == ScoreFormat.MIDI) {
            throw new Kantor.UserError("the score " + output + " must end in .musicxml, .xml or .mxl (use --midi for a MIDI file)");
        }
        if (midi != null && !midi.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.midi?$")) {
            throw new Kantor.UserError("--midi " + midi + " must end in .mid");
        }
        OutputNames.refuseToOverwrite(input, output, overwrite);
        if (midi != null) {
            OutputNames.refuseToOverwrite(input, midi, overwrite);
        }
        TranscribeTool.Result result;
        try (LazyModel<BasicPitch> model = new LazyModel<>("note detection", () -> NativeStderr.silenced(BasicPitch::load)).startLoading()) {
            TranscribeTool tool = new TranscribeTool(model, Double.POSITIVE_INFINITY);
            ToolArguments arguments = CommandArguments.of(tool, "tempo", tempo, "time", time, "key", key, "instrument",
                    instrument.toLowerCase(Locale.ROOT), "onset-threshold", onsetThreshold, "frame-threshold", frameThreshold, "sound", sound.toLowerCase(Locale.ROOT));
            result = tool.transcribe(ToolFile.of(input), arguments, ProgressBar.onTerminal(spec.commandLine().getErr(), "transcribing"),
                    output.getFileName().toString());
        }
        Transcriber.Transcription transcription = result.transcription();
        PerformanceNotation.Result notation = transcription.notation();
        ScoreFiles.write(result.score(), output, format);
        if (midi != null) {
            try {
                AtomicFiles.write(midi, PerformanceMidi.toBytes(transcription.performed(), notation.score().parts().get(0).instrument()));
            } catch (IOException e) {
                throw new ScoreFileException(midi.toString(), "cannot be written (" + e.getMessage() + ")");
            }
        }
        if (notation.notes() == 0) {
            out.printf("%s: no notes were heard in %.1f s of %s; wrote an empty score to %s%n", input, transcription.seconds(),
                    transcription.source().label(), output);
        } else {
            out.printf(Locale.ROOT, "%s (%.1f s, %s) -> %s: %d notes for %s, %s, %s, quarter = %.0f%n", input, transcription.seconds(),
                    transcription.source().label(), output, notation.notes(), notation.instrument().name().toLowerCase(Locale.ROOT),
                    notation.time(), notation.key().displayName(), notation.quarterNotesPerMinute());
        }
        if (midi != null) {
            out.println("the notes as played -> " + midi);
        }
        return Kantor.EXIT_OK;
    }
}
