package org.kantor.bridge.tools;

import java.util.List;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/** A tool the server offers: a score and checked arguments in, a MusicXML score or a JSON report out. */
public interface Tool {

    /** The name in the URL, e.g. {@code harmonize}. */
    String name();

    /** A menu title a musician understands. */
    String title();

    /** One or two sentences for a dialog. */
    String description();

    List<ToolParameter> parameters();

    /** The media types the tool may answer with. */
    List<String> produces();

    ToolResult run(ScoreDocument score, ToolArguments arguments) throws ScoreFileException;
}
