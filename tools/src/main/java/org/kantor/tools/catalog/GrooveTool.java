package org.kantor.tools.catalog;

import java.util.List;
import java.util.function.Supplier;
import org.kantor.models.drums.DrumModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.tools.drums.Groove;

/** Groove as a tool: the drum part's notation unchanged, with a drummer's dynamics and timing for playback, or as MIDI. */
public final class GrooveTool extends CatalogTool {

    public static final String NAME = "groove";

    static final List<ToolParameter> PARAMETERS = List.of(
            ToolParameter.integer("part", null, 1, 1000, "The drum part (1 = the top part; default: the first percussion part)."),
            ToolParameter.number("amount", 1, 0, 1, "0: as written; 1: fully humanized."),
            ToolParameter.number("temperature", 0.7, 0, 2, "0: the most typical feel; higher: a looser, more personal one."),
            DrumAnswers.SEED, DrumAnswers.FORMAT);

    private final Supplier<DrumModel> model;

    public GrooveTool(Supplier<DrumModel> model) {
        super(NAME, "Groove",
                "Play a stiff drum part as a drummer would: every stroke gets its own loudness and its own push or drag against"
                    + " the beat. The notation stays exactly as written. 4/4 or 2/2 only.",
                ToolInput.SCORE, PARAMETERS, DrumAnswers.PRODUCES);
        this.model = model;
    }

    @Override
    public ToolResult run(ToolRequest request) throws ScoreFileException {
        ScoreDocument score = request.score(0);
        ToolArguments arguments = request.arguments();
        long seed = arguments.seed();
        Groove.Request groove = new Groove.Request(DrumAnswers.partIndex(arguments), arguments.number("amount"), 1,
                arguments.number("temperature"), seed);
        return DrumAnswers.answer(new Groove(model.get()).run(score, groove).get(0), seed, arguments);
    }
}
