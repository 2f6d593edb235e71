package org.kantor.tools.catalog;

import java.util.List;
import java.util.Map;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/** The harmonizer as a tool: one harmonized score back. */
public final class HarmonizeTool extends CatalogTool {

    private final HarmonizeService service;

    public HarmonizeTool(HarmonizeService service) {
        super(HarmonizeService.NAME, "Harmonize",
                "Add alto, tenor and bass to a melody in the style of Bach's chorales, or write chosen voices and measures of a"
                    + " four-part score anew. The melody stays exactly as it was.",
                ToolInput.SCORE, HarmonizeService.PARAMETERS, List.of(ToolResult.MUSICXML));
        this.service = service;
    }

    @Override
    public ToolResult run(ToolRequest request) throws ScoreFileException {
        ScoreDocument score = request.score(0);
        ToolArguments arguments = request.arguments();
        HarmonizeService.Result result = service.harmonize(score, arguments, 1, request.progress());
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("Seed", Long.toString(result.seed()));
        if (!result.messages().isEmpty()) {
            facts.put("Notes", String.join("; ", result.messages()));
        }
        return new ToolResult(MusicXmlWriter.toBytes(result.scores().get(0)), ToolResult.MUSICXML, facts);
    }
}
