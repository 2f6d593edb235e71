package org.kantor.musicxml;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats Kantor reads and writes, known by their extensions. */
public enum ScoreFormat {
    MUSICXML("musicxml"), MXL("mxl"), MIDI("mid");

    private final String extension;

    ScoreFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format a file name asks for, or null for an unknown extension. */
    public static ScoreFormat ofFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".musicxml") || name.endsWith(".xml")) {
            return MUSICXML;
        }
        if (name.endsWith(".mxl")) {
            return MXL;
        }
        if (name.endsWith(".mid") || name.endsWith(".midi") || name.endsWith(".smf")) {
            return MIDI;
        }
        return null;
    }

    /** Parses a --format value: musicxml, xml, mxl, mid or midi. */
    public static ScoreFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "musicxml", "xml" -> MUSICXML;
            case "mxl" -> MXL;
            case "mid", "midi" -> MIDI;
            default -> throw new IllegalArgumentException("unknown format \"" + text + "\": use musicxml, mxl or mid");
        };
    }
}
