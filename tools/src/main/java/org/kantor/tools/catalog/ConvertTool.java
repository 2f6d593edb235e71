package org.kantor.tools.catalog;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.kantor.musicxml.MidiWriter;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFormat;

/** A score in another format: MusicXML 4.0, compressed MusicXML or MIDI; MusicXML keeps everything of the original. */
public final class ConvertTool extends CatalogTool {

    public static final String NAME = "convert";
    public static final String MXL = "application/vnd.recordare.musicxml";

    public ConvertTool() {
        super(NAME, "Convert", "The score as MusicXML 4.0 (keeping everything of the original), compressed MusicXML (.mxl) or MIDI.",
                ToolInput.SCORE, List.of(ToolParameter.choice("format", "musicxml", "musicxml, mxl or mid.", "musicxml", "mxl", "mid")),
                List.of(ToolResult.MUSICXML, MXL, ToolResult.MIDI));
    }

    @Override
    public ToolResult run(ToolRequest request) throws ScoreFileException {
        ScoreDocument score = request.score(0);
        ScoreFormat format = ScoreFormat.parse(request.arguments().text("format"));
        Map<String, String> facts = Map.of("Notes", Integer.toString(score.score().noteCount()));
        try {
            return switch (format) {
                case MUSICXML -> ToolResult.score(score, facts);
                case MXL -> new ToolResult(MusicXmlWriter.toMxlBytes(score, score.name() == null ? "score" : score.name()), MXL, facts);
                case MIDI -> new ToolResult(MidiWriter.toBytes(score.score()), ToolResult.MIDI, facts);
            };
        } catch (IOException e) {
            throw new ScoreFileException(score.name(), null, null, "cannot be written as " + format.extension() + ": " + e.getMessage(), e);
        }
    }
}
