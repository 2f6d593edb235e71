package org.kantor.checker;

import java.util.List;

/** Every rule the checker knows, in the order they are documented. */
public final class Rules {

    /** The rule ids, stable for tools. */
    public static final List<String> IDS = all(VoiceRange.TEXTBOOK).stream().map(Rule::id).toList();

    private Rules() {
    }

    public static List<Rule> all(VoiceRange[] ranges) {
        return List.of(new ConsecutivePerfects(true, false), new ConsecutivePerfects(false, false), new ConsecutivePerfects(true, true),
                new ConsecutivePerfects(false, true), new HiddenPerfects(true), new HiddenPerfects(false), new VoiceCrossing(),
                new VoiceOverlap(), new Spacing(), new VoiceRangeRule(ranges), new LeadingToneResolution(), new SeventhResolution(),
                new DoubledLeadingTone(), new MelodicInterval(true), new MelodicInterval(false), new ChromaticClash(), new CrossRelation(), new ChromaticLine(),
                new NonChordTone(), new UnpreparedSeventh(), new FinalCadence());
    }
}
