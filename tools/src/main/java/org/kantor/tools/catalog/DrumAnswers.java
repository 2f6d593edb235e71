package org.kantor.tools.catalog;

import java.util.List;
import java.util.Map;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.tools.drums.DrumResult;

/** What Drumify and Groove share as tools: their seed and format parameters, and how a result is answered. */
final class DrumAnswers {

    static final ToolParameter SEED = ToolParameter.seed();
    static final ToolParameter FORMAT = ToolParameter.choice("format", "musicxml",
            "musicxml: the score with its drum part and the drums' playback; midi: the drums as played (channel 10).", "musicxml", "midi");
    static final List<String> PRODUCES = List.of(ToolResult.MUSICXML, ToolResult.MIDI);

    private DrumAnswers() {
    }

    /** The part number given (from 1) as an index, or null. */
    static Integer partIndex(ToolArguments arguments) {
        Long part = arguments.whole("part");
        return part == null ? null : (int) (part - 1);
    }

    /** The score (or its performance as MIDI, when asked), with the seed and the drum part's number as headers. */
    static ToolResult answer(DrumResult result, long seed, ToolArguments arguments) throws ScoreFileException {
        Map<String, String> facts = Map.of("Seed", Long.toString(seed), "Drum-Part", Integer.toString(result.drumPart() + 1));
        if (arguments.text("format").equals("midi")) {
            return new ToolResult(result.midi(), ToolResult.MIDI, facts);
        }
        return ToolResult.score(result.score(), facts);
    }
}
