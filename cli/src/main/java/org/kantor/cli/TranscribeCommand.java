package org.kantor.cli;

import org.kantor.core.KeySignature;
import org.kantor.core.TimeSignature;
import org.kantor.models.NativeStderr;
import org.kantor.models.audio.AudioFileException;
import org.kantor.models.transcription.BasicPitch;
import org.kantor.models.transcription.NoteCreation;
import org.kantor.models.transcription.PerformanceMidi;
import org.kantor.models.transcription.PerformanceNotation;
import org.kantor.models.transcription.Transcriber;
import org.kantor.models.transcription.TranscriptionSettings;
import org.kantor.musicxml.AtomicFiles;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.musicxml.ScoreFormat;
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

    @Option(names = "--instrument", defaultValue = "auto", paramLabel = "piano|voice|auto",
            description = "piano: a grand staff with the hands split; voice: one staff, one note at a time; auto (default) decides from the notes.")
    String instrument;

    @Option(names = "--onset-threshold", defaultValue = "0.5", paramLabel = "P", description = "How sure Basic Pitch must be that a note starts (0.05-0.95, default ${DEFAULT-VALUE}).")
    double onsetThreshold;

    @Option(names = "--frame-threshold", defaultValue = "0.3", paramLabel = "P", description = "How sure it must be that a note still sounds (0.05-0.95, default ${DEFAULT-VALUE}).")
    double frameThreshold;

    @Option(names = "--overwrite", description = "Allow replacing existing output files.")
    boolean overwrite;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws ScoreFileException {
        PrintWriter out = spec.commandLine().getOut();
        TranscriptionSettings settings = settings();
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
        Transcriber.Transcription result;
        BasicPitch[] model = new BasicPitch[1];
        try {
            result = Transcriber.transcribe(input, settings, () -> model[0] = NativeStderr.silenced(BasicPitch::load), ProgressBar.onTerminal(spec.commandLine().getErr(), "transcribing"));
        } catch (AudioFileException e) {
            throw new Kantor.UserError(e.getMessage(), Kantor.EXIT_BAD_INPUT);
        } finally {
            if (model[0] != null) {
                model[0].close();
            }
        }
        PerformanceNotation.Result notation = result.notation();
        ScoreFiles.write(ScoreDocument.fromScore(notation.score(), output.getFileName().toString()), output, format);
        if (midi != null) {
            try {
                AtomicFiles.write(midi, PerformanceMidi.toBytes(result.performed(), notation.score().parts().get(0).instrument()));
            } catch (IOException e) {
                throw new ScoreFileException(midi.toString(), "cannot be written (" + e.getMessage() + ")");
            }
        }
        if (notation.notes() == 0) {
            out.printf("%s: no notes were heard in %.1f s of %s; wrote an empty score to %s%n", input, result.seconds(),
                    result.source().label(), output);
        } else {
            out.printf(Locale.ROOT, "%s (%.1f s, %s) -> %s: %d notes for %s, %s, %s, quarter = %.0f%n", input, result.seconds(),
                    result.source().label(), output, notation.notes(), notation.instrument().name().toLowerCase(Locale.ROOT),
                    notation.time(), notation.key().displayName(), notation.quarterNotesPerMinute());
        }
        if (midi != null) {
            out.println("the notes as played -> " + midi);
        }
        return Kantor.EXIT_OK;
    }

    private TranscriptionSettings settings() {
        Double bpm = null;
        if (!"auto".equalsIgnoreCase(tempo)) {
            try {
                bpm = Double.parseDouble(tempo);
            } catch (NumberFormatException e) {
                bpm = -1.0;
            }
            if (bpm < 20 || bpm > 400) {
                throw new Kantor.UserError("--tempo must be auto or a number of beats per minute from 20 to 400, not " + tempo);
            }
        }
        TimeSignature meter = null;
        if (!"auto".equalsIgnoreCase(time)) {
            try {
                meter = TimeSignature.parse(time);
            } catch (IllegalArgumentException e) {
                throw new Kantor.UserError("--time: " + e.getMessage());
            }
        }
        KeySignature keySignature = null;
        if (!"auto".equalsIgnoreCase(key)) {
            try {
                keySignature = KeySignature.parse(key);
            } catch (RuntimeException e) {
                throw new Kantor.UserError("--key must be auto or a key such as Eb, F# minor or c#m, not " + key);
            }
        }
        TranscriptionSettings.Instrumentation layout;
        try {
            layout = TranscriptionSettings.Instrumentation.valueOf(instrument.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Kantor.UserError("--instrument must be piano, voice or auto, not " + instrument);
        }
        for (double threshold : new double[] {onsetThreshold, frameThreshold}) {
            if (threshold < 0.05 || threshold > 0.95) {
                throw new Kantor.UserError("--onset-threshold and --frame-threshold must be between 0.05 and 0.95");
            }
        }
        NoteCreation.Settings d = NoteCreation.Settings.defaults();
        NoteCreation.Settings notes = new NoteCreation.Settings(onsetThreshold, frameThreshold, d.minimumFrames(), d.inferOnsets(),
                d.melodiaTrick(), d.lowestMidi(), d.highestMidi());
        return new TranscriptionSettings(bpm, meter, keySignature, layout, notes);
    }
}
