package org.kantor.checker;

/** The range a voice may sing, as MIDI numbers, low and high included. Textbook ranges by default. */
public record VoiceRange(String voice, int low, int high) {

    /** Soprano C4-G5, alto G3-D5, tenor C3-G4, bass E2-C4 (Aldwell and Schachter; most harmony texts agree). */
    public static final VoiceRange[] TEXTBOOK = {
        new VoiceRange("soprano", 60, 79),
        new VoiceRange("alto", 55, 74),
        new VoiceRange("tenor", 48, 67),
        new VoiceRange("bass", 40, 60),
    };

    public boolean contains(int midi) {
        return midi >= low && midi <= high;
    }
}
