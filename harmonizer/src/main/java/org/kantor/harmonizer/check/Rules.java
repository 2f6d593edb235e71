package org.kantor.harmonizer.check;

import java.util.List;
import org.kantor.harmonizer.VoiceRange;

/** Every rule the checker knows, in the order they are documented. */
public final class Rules {

    /** The rule ids, stable for tools. */
    public static final List<String> IDS = List.of("parallel-fifths", "parallel-octaves", "contrary-fifths", "contrary-octaves",
            "hidden-fifths", "hidden-octaves", "voice-crossing", "voice-overlap", "spacing", "range", "leading-tone",
            "seventh-resolution", "doubled-leading-tone", "augmented-second", "large-leap");

    private Rules() {
    }

    public static List<Rule> all(VoiceRange[] ranges) {
        return List.of(new ConsecutivePerfects(true, false), new ConsecutivePerfects(false, false), new ConsecutivePerfects(true, true),
                new ConsecutivePerfects(false, true), new HiddenPerfects(true), new HiddenPerfects(false), new VoiceCrossing(),
                new VoiceOverlap(), new Spacing(), new VoiceRangeRule(ranges), new LeadingToneResolution(), new SeventhResolution(),
                new DoubledLeadingTone(), new MelodicInterval(true), new MelodicInterval(false));
    }
}
