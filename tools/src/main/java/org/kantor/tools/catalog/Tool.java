package org.kantor.tools.catalog;

import java.util.List;
import org.kantor.musicxml.ScoreFileException;

/**
 * One of Kantor's tools, described once for every front end (the command line, the server and its
 * plugins, the studio, batch runs): its name, a musician's title and help, typed parameters, what it
 * takes and what it gives. A run gets files and checked arguments and answers a score, MIDI or a report.
 */
public interface Tool {

    /** The name in the URL, e.g. {@code harmonize}. */
    String name();

    /** A menu title a musician understands. */
    String title();

    /** One or two sentences for a dialog. */
    String description();

    List<ToolParameter> parameters();

    /** What the tool works on. */
    default ToolInput takes() {
        return ToolInput.SCORE;
    }

    /** The media types the tool may answer with. */
    List<String> produces();

    /**
     * Checks what can be checked without the file (free-text values such as a key or a tempo), so that a
     * front end refuses a wrong value at once rather than after an upload or when a job has started.
     */
    default void check(ToolArguments arguments) {
    }

    /** Runs the tool; a wrong parameter or an unsuitable file is a {@link ToolInputException} or a {@link ScoreFileException}. */
    ToolResult run(ToolRequest request) throws ScoreFileException;
}
