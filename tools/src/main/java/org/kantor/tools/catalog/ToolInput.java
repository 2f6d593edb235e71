package org.kantor.tools.catalog;

/** What a tool works on, so that a front end knows what to ask the musician for before it runs. */
public enum ToolInput {
    /** One score (MusicXML, .mxl or MIDI). */
    SCORE(1, "a score"),
    /** Two scores: where to start and where to arrive. */
    TWO_SCORES(2, "two scores, the one to start from and the one to arrive at"),
    /** A recording (WAV, FLAC, MP3, Ogg Vorbis) or a MIDI performance. */
    RECORDING(1, "a recording (WAV, FLAC, MP3, Ogg Vorbis) or a MIDI file"),
    /** Nothing but the parameters. */
    NOTHING(0, "no file, only its parameters");

    private final int files;
    private final String description;

    ToolInput(int files, String description) {
        this.files = files;
        this.description = description;
    }

    /** How many files the tool takes. */
    public int files() {
        return files;
    }

    public String description() {
        return description;
    }

    /** The JSON name, e.g. {@code two-scores}. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
