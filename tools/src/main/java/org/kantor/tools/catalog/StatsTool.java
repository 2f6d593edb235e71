package org.kantor.tools.catalog;

import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kantor.checker.VoiceLeadingChecker;
import org.kantor.core.KeySignature;
import org.kantor.core.Part;
import org.kantor.core.Pitch;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * A score's figures for counting across a corpus: keys, meters, length, note count, each part's range, and for four-part
 * writing the checker's findings per rule. The figures are the answer (JSON) and its facts.
 */
public final class StatsTool extends CatalogTool {

    public static final String NAME = "stats";

    public StatsTool() {
        super(NAME, "Statistics", "Keys, meters, length, note count and each part's range; for four-part writing, the voice-leading"
                + " checker's findings per rule.", ToolInput.SCORE, CheckService.PARAMETERS.stream()
                        .filter(p -> !p.name().equals("format")).toList(), List.of(ToolResult.JSON));
    }

    @Override
    public ToolResult run(ToolRequest request) throws ScoreFileException {
        ScoreDocument document = request.score(0);
        Map<String, String> figures = figures(document, request.arguments());
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(figures);
        return new ToolResult(json.getBytes(StandardCharsets.UTF_8), ToolResult.JSON, figures);
    }

    static Map<String, String> figures(ScoreDocument document, ToolArguments arguments) throws ScoreFileException {
        Score score = document.score();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("parts", Integer.toString(score.parts().size()));
        figures.put("measures", Integer.toString(score.parts().isEmpty() ? 0 : score.parts().get(0).measures().size()));
        figures.put("keys", score.keySignatures().stream().map(KeySignature::displayName).collect(Collectors.joining("; ")));
        figures.put("meters", score.timeSignatures().stream().map(TimeSignature::toString).collect(Collectors.joining("; ")));
        figures.put("notes", Integer.toString(score.noteCount()));
        figures.put("quarter notes", score.lengthInQuarters().toString());
        figures.put("seconds", String.format(java.util.Locale.ROOT, "%.1f",
                ScoreToTimeline.convert(score).seconds(score.lengthInQuarters())));
        int index = 1;
        for (Part part : score.parts()) {
            Pitch[] range = part.range();
            String name = part.name().isBlank() ? part.id() : part.name().strip().replaceAll("\\s+", " ");
            figures.put("range " + index++ + " " + name, range == null ? "" : range[0] + "-" + range[1]);
        }
        figures.putAll(findings(document, arguments));
        return figures;
    }

    /** The checker's findings per rule where the score is four-part writing; nothing where the checker cannot read it as such. */
    private static Map<String, String> findings(ScoreDocument document, ToolArguments arguments) {
        VoiceLeadingChecker.Report report;
        try {
            report = CheckService.check(document, arguments);
        } catch (ScoreFileException notFourParts) {
            return Map.of("four-part", "no");
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("four-part", "yes");
        figures.putAll(CheckService.findingCounts(report));
        return figures;
    }
}
