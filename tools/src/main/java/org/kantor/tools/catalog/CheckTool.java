package org.kantor.tools.catalog;

import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.kantor.checker.ReportJson;
import org.kantor.checker.VoiceLeadingChecker;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/** The voice-leading checker as a tool: the JSON report, or the annotated score. */
public final class CheckTool extends CatalogTool {

    public CheckTool() {
        super(CheckService.NAME, "Check voice leading",
                "Find voice-leading faults in four-part writing (parallel fifths and octaves, crossing, spacing, range, resolutions ...),"
                    + " with roman numerals and cadences.",
                ToolInput.SCORE, CheckService.PARAMETERS, List.of(ToolResult.JSON, ToolResult.MUSICXML));
    }

    @Override
    public ToolResult run(ToolRequest request) throws ScoreFileException {
        ScoreDocument score = request.score(0);
        ToolArguments arguments = request.arguments();
        VoiceLeadingChecker.Report report = CheckService.check(score, arguments);
        Map<String, String> facts = Map.of("Findings", Integer.toString(report.findings().size()));
        if (arguments.text("format").equals("musicxml")) {
            return new ToolResult(MusicXmlWriter.toBytes(CheckService.annotated(score, report)), ToolResult.MUSICXML, facts);
        }
        String json = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(ReportJson.of(report));
        return new ToolResult(json.getBytes(StandardCharsets.UTF_8), ToolResult.JSON, facts);
    }
}
