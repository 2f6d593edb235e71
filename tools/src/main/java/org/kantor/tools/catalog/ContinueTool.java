package org.kantor.tools.catalog;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.kantor.harmonizer.Harmonizer;
import org.kantor.harmonizer.melody.MelodyContinuation;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.melody.MelodyLanguageModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/** Continue as a tool: new measures after the end of a melody, in its key and meter; a chorale's lower voices follow. */
public final class ContinueTool extends CatalogTool {

    public static final String NAME = "continue";

    static final List<ToolParameter> PARAMETERS = List.of(
            ToolParameter.integer("measures", 4L, 1, 32, "Measures to add."),
            ToolParameter.integer("part", null, 1, 1000, "Continue this part (1 = the top part; default: the melody part, or a chorale's soprano)."),
            ToolParameter.number("temperature", 1.0, 0, 2, "0: the likeliest notes; higher: bolder."),
            ToolParameter.flag("cadence", true, "End the new measures on a note of the tonic chord, as a tune ends (false: leave the ending open)."),
            ToolParameter.seed());

    private final Supplier<MelodyLanguageModel> melody;
    private final Supplier<HarmonyModel> harmony;

    public ContinueTool(Supplier<MelodyLanguageModel> melody, Supplier<HarmonyModel> harmony) {
        super(NAME, "Continue",
                "Write new measures after the end of a melody, in its key and meter. A four-part chorale gets its soprano continued and"
                    + " alto, tenor and bass written under it. The measures already written stay exactly as they were.",
                ToolInput.SCORE, PARAMETERS, List.of(ToolResult.MUSICXML));
        this.melody = melody;
        this.harmony = harmony;
    }

    @Override
    public ToolResult run(ToolRequest request) throws ScoreFileException {
        ToolArguments arguments = request.arguments();
        long seed = arguments.seed();
        List<ScoreDocument> scores = continueScore(request.score(0), arguments, 1, seed);
        request.progress().accept(1);
        return ToolResult.score(scores.get(0), Map.of("Seed", Long.toString(seed)));
    }

    /** The score continued, once per variation; a chorale (unless a part is named) has its lower voices harmonized. */
    public List<ScoreDocument> continueScore(ScoreDocument score, ToolArguments arguments, int variations, long seed) throws ScoreFileException {
        Long part = arguments.whole("part");
        MelodyContinuation.Request request;
        try {
            request = new MelodyContinuation.Request(arguments.whole("measures").intValue(), variations, arguments.number("temperature"), seed,
                    part == null ? null : (int) (part - 1), arguments.flag("cadence"));
        } catch (IllegalArgumentException e) {
            throw arguments.refused(e);
        }
        boolean chorale = part == null && MelodyContinuation.fourParts(score) != null;
        return new MelodyContinuation(melody.get(), chorale ? new Harmonizer(harmony.get()) : null).continueScore(score, request);
    }
}
