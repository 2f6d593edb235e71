package org.kantor.bridge.tools;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.kantor.models.drums.DrumModel;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.tools.drums.Groove;

/** Groove as a tool: the drum part's notation unchanged, with a drummer's dynamics and timing for playback, or as MIDI. */
public final class GrooveTool implements Tool {

    public static final String NAME = "groove";

    static final List<ToolParameter> PARAMETERS = List.of(
            ToolParameter.integer("part", null, 1, 1000, "The drum part (1 = the top part; default: the first percussion part)."),
            ToolParameter.number("amount", 1, 0, 1, "0: as written; 1: fully humanized."),
            ToolParameter.number("temperature", 0.7, 0, 2, "0: the most typical feel; higher: a looser, more personal one."),
            ToolParameter.integer("seed", null, Long.MIN_VALUE, Long.MAX_VALUE, "Seed for a reproducible result (default: a new one each time)."),
            ToolParameter.choice("format", "musicxml", "musicxml: the score with the performance in its drum notes; midi: the drums as played.",
                    "musicxml", "midi"));

    private final Supplier<DrumModel> model;

    public GrooveTool(Supplier<DrumModel> model) {
        this.model = model;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Groove";
    }

    @Override
    public String description() {
        return "Play a stiff drum part as a drummer would: every stroke gets its own loudness and its own push or drag against"
                + " the beat. The notation stays exactly as written. 4/4 only.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<String> produces() {
        return List.of(ToolResult.MUSICXML, ToolResult.MIDI);
    }

    @Override
    public ToolResult run(ScoreDocument score, ToolArguments arguments) throws ScoreFileException {
        long seed = arguments.given("seed") ? arguments.whole("seed") : System.nanoTime();
        Long part = arguments.whole("part");
        Groove.Request request = new Groove.Request(part == null ? null : (int) (part - 1), arguments.number("amount"), 1,
                arguments.number("temperature"), seed);
        Groove.Result result = new Groove(model.get()).run(score, request).get(0);
        Map<String, String> facts = Map.of("Seed", Long.toString(seed), "Drum-Part", Integer.toString(result.drumPart() + 1));
        if (arguments.text("format").equals("midi")) {
            return new ToolResult(result.midi(), ToolResult.MIDI, facts);
        }
        return new ToolResult(MusicXmlWriter.toBytes(result.score()), ToolResult.MUSICXML, facts);
    }
}
