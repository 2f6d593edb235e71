package org.kantor.tools.catalog;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.kantor.harmonizer.melody.MelodyInterpolation;
import org.kantor.models.melody.MelodyLatentModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreMarkup;

/** Interpolate as a tool: a walk from the opening of one melody to the opening of another, two measures a step. */
public final class InterpolateTool extends CatalogTool {

    public static final String NAME = "interpolate";

    static final List<ToolParameter> PARAMETERS = List.of(
            ToolParameter.integer("steps", 5L, 1, 16, "Steps between the first melody and the second."));

    private final Supplier<MelodyLatentModel> model;

    public InterpolateTool(Supplier<MelodyLatentModel> model) {
        super(NAME, "Interpolate",
                "Walk from the opening two measures of one melody to those of another, in steps: every step is two measures of a new"
                    + " score, marked A (the first as the model hears it), 1, 2 ... and B.",
                ToolInput.TWO_SCORES, PARAMETERS, List.of(ToolResult.MUSICXML));
        this.model = model;
    }

    @Override
    public ToolResult run(ToolRequest request) throws ScoreFileException {
        ScoreDocument result = interpolate(request.score(0), request.score(1), request.arguments(), "interpolation.musicxml");
        request.progress().accept(1);
        return ToolResult.score(result, Map.of());
    }

    /** The walk as one score named {@code name}, with a rehearsal mark at each step. */
    public ScoreDocument interpolate(ScoreDocument first, ScoreDocument second, ToolArguments arguments, String name) throws ScoreFileException {
        MelodyInterpolation.Result result;
        try {
            result = new MelodyInterpolation(model.get()).interpolate(first, second, arguments.whole("steps").intValue());
        } catch (IllegalArgumentException e) {
            throw arguments.refused(e);
        }
        ScoreDocument doc = ScoreDocument.fromScore(result.score(), name);
        ScoreMarkup markup = new ScoreMarkup(doc);
        for (MelodyInterpolation.Section section : result.sections()) {
            markup.addRehearsalMark(0, section.firstMeasure(), section.mark());
        }
        markup.finish();
        return doc;
    }
}
