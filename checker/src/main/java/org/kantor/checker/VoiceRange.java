package org.kantor.checker;

/** The range a voice may sing, as MIDI numbers, low and high included, and the named sets of ranges the checker offers. */
public record VoiceRange(String voice, int low, int high) {

    /** Soprano C4-G5, alto G3-D5, tenor C3-G4, bass E2-C4 (Aldwell and Schachter; most harmony texts agree): what students are graded on. */
    public static final VoiceRange[] TEXTBOOK = {
        new VoiceRange("soprano", 60, 79),
        new VoiceRange("alto", 55, 74),
        new VoiceRange("tenor", 48, 67),
        new VoiceRange("bass", 40, 60),
    };

    /**
     * Soprano C4-A5, alto F3-D5, tenor C3-A4, bass C2-E4: the compass of Bach's 364 four-part chorales in the shared
     * data (every note of theirs lies within), so that his basses on D2 and C2 are not faults.
     */
    public static final VoiceRange[] BACH = {
        new VoiceRange("soprano", 60, 81),
        new VoiceRange("alto", 53, 74),
        new VoiceRange("tenor", 48, 69),
        new VoiceRange("bass", 36, 64),
    };

    /** A set of ranges under the name a user chooses it by. */
    public record Preset(String name, String description, VoiceRange[] ranges) {
        public static final Preset TEXTBOOK_RANGES = new Preset("textbook", "textbook ranges", TEXTBOOK);
        public static final Preset BACH_RANGES = new Preset("bach", "Bach's ranges", BACH);

        public static Preset named(String name) {
            return name.equalsIgnoreCase("textbook") ? TEXTBOOK_RANGES : name.equalsIgnoreCase("bach") ? BACH_RANGES : null;
        }
    }

    public boolean contains(int midi) {
        return midi >= low && midi <= high;
    }
}
