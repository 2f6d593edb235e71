package org.kantor.tools.catalog;

import java.util.Map;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * What a tool gives back: the body, its media type, and a few facts worth a response header (the seed
 * that reproduces a harmonization, the number of findings).
 */
public record ToolResult(byte[] body, String mediaType, Map<String, String> facts) {

    public static final String MUSICXML = "application/vnd.recordare.musicxml+xml";
    public static final String JSON = "application/json";
    public static final String MIDI = "audio/midi";

    public ToolResult {
        facts = Map.copyOf(facts);
    }

    /** A score as uncompressed MusicXML. */
    public static ToolResult score(ScoreDocument score, Map<String, String> facts) throws ScoreFileException {
        return new ToolResult(MusicXmlWriter.toBytes(score), MUSICXML, facts);
    }
}
