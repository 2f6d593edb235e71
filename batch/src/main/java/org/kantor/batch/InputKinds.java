package org.kantor.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.kantor.musicxml.ScoreFormat;
import org.kantor.tools.catalog.ToolInput;

/** Which files a tool reads, by name: what a folder's walk keeps, and what an input named outright is skipped for. */
final class InputKinds {

    private static final List<String> RECORDINGS = List.of(".wav", ".flac", ".mp3", ".ogg", ".oga");

    private InputKinds() {
    }

    static boolean reads(ToolInput input, Path file) {
        boolean score = ScoreFormat.ofFile(file) != null;
        return switch (input) {
            case SCORE -> score;
            case RECORDING -> ScoreFormat.ofFile(file) == ScoreFormat.MIDI || RECORDINGS.stream().anyMatch(lower(file)::endsWith);
            case TWO_SCORES, NOTHING -> false;
        };
    }

    static String describe(ToolInput input) {
        return input == ToolInput.RECORDING ? ".wav, .flac, .mp3, .ogg or .mid" : ".musicxml, .xml, .mxl or .mid";
    }

    private static String lower(Path file) {
        return file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
