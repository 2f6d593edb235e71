package org.kantor.tools.catalog;

import java.util.List;
import java.util.function.Supplier;
import org.kantor.models.drums.DrumModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.tools.drums.Drumify;

/** Drumify as a tool: the score back with a drum-set part that follows its rhythm, or that part's performance as MIDI. */
public final class DrumifyTool extends CatalogTool {

    public static final String NAME = "drumify";

    static final List<ToolParameter> PARAMETERS = List.of(
            ToolParameter.integer("part", null, 1, 1000, "Follow the rhythm of this part (1 = the top part; default: all parts together)."),
            ToolParameter.integer("bars", null, 1, 1000, "Drum only the first N bars (default: the whole score)."),
            ToolParameter.number("temperature", 0.7, 0, 2, "0: the most typical drummer; higher: more adventurous."),
            DrumAnswers.SEED, DrumAnswers.FORMAT);

    private final Supplier<DrumModel> model;

    public DrumifyTool(Supplier<DrumModel> model) {
        super(NAME, "Drumify",
                "Add a drum-set part that fits the rhythm of the score (or of one part), as a drummer would play it:"
                    + " a drum staff with hands and feet, its dynamics and timing for playback. 4/4 or 2/2 only.",
                ToolInput.SCORE, PARAMETERS, DrumAnswers.PRODUCES);
        this.model = model;
    }

    @Override
    public ToolResult run(ToolRequest request) throws ScoreFileException {
        ScoreDocument score = request.score(0);
        ToolArguments arguments = request.arguments();
        long seed = arguments.seed();
        Long bars = arguments.whole("bars");
        Drumify.Request drumify = new Drumify.Request(DrumAnswers.partIndex(arguments), bars == null ? null : bars.intValue(), 1,
                arguments.number("temperature"), seed);
        return DrumAnswers.answer(new Drumify(model.get()).run(score, drumify).get(0), seed, arguments);
    }
}
