package org.kantor.tools.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.kantor.core.KeySignature;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.harmonizer.melody.MelodyGeneration;
import org.kantor.models.melody.MelodyLatentModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/** Generate as a tool: new melodies in the key and meter asked for, from nothing but the parameters. */
public final class GenerateTool extends CatalogTool {

    public static final String NAME = "generate";

    static final List<ToolParameter> PARAMETERS = List.of(
            ToolParameter.choice("measures", "4", "Length in measures.", "2", "4", "8", "16"),
            ToolParameter.text("key", "Key, e.g. C, Eb, f#m or D minor (default C).", "C"),
            ToolParameter.text("time", "Meter, e.g. 4/4, 3/4 or 6/8 (default 4/4).", "4/4"),
            ToolParameter.number("temperature", 0.5, 0, 2, "0: the likeliest notes; higher: bolder."),
            ToolParameter.flag("cadence", true, "End on a note of the tonic chord, as a tune ends (false: leave the ending open)."),
            ToolParameter.seed());

    private final Supplier<MelodyLatentModel> model;

    public GenerateTool(Supplier<MelodyLatentModel> model) {
        super(NAME, "Generate",
                "Write a new melody in the key and meter you ask for, two measures at a time, as a new score.",
                ToolInput.NOTHING, PARAMETERS, List.of(ToolResult.MUSICXML));
        this.model = model;
    }

    @Override
    public void check(ToolArguments arguments) {
        key(arguments);
        time(arguments);
    }

    @Override
    public ToolResult run(ToolRequest request) throws ScoreFileException {
        long seed = request.arguments().seed();
        List<ScoreDocument> scores = generate(request.arguments(), 1, seed, "generated.musicxml");
        request.progress().accept(1);
        return ToolResult.score(scores.get(0), Map.of("Seed", Long.toString(seed)));
    }

    /** One melody per variation, each a one-part score named {@code name}. */
    public List<ScoreDocument> generate(ToolArguments arguments, int variations, long seed, String name) throws ScoreFileException {
        MelodyGeneration.Request request;
        try {
            request = new MelodyGeneration.Request(Integer.parseInt(arguments.text("measures")), variations, key(arguments),
                    time(arguments), arguments.number("temperature"), seed, arguments.flag("cadence"));
        } catch (IllegalArgumentException e) {
            throw arguments.refused(e);
        }
        List<ScoreDocument> docs = new ArrayList<>();
        for (Score score : new MelodyGeneration(model.get()).generate(request)) {
            docs.add(ScoreDocument.fromScore(score, name));
        }
        return docs;
    }

    private static KeySignature key(ToolArguments arguments) {
        try {
            return KeySignature.parse(arguments.text("key"));
        } catch (RuntimeException e) {
            throw ToolInputException.parameter(arguments.label("key") + " takes a key such as C, Eb, f#m or \"D minor\", not \""
                    + arguments.text("key") + "\"");
        }
    }

    private static TimeSignature time(ToolArguments arguments) {
        try {
            return TimeSignature.parse(arguments.text("time"));
        } catch (RuntimeException e) {
            throw ToolInputException.parameter(arguments.label("time") + " takes a meter such as 4/4, 3/4 or 6/8, not \""
                    + arguments.text("time") + "\"");
        }
    }
}
