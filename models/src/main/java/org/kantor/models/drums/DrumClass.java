package org.kantor.models.drums;

/**
 * The nine drums the drum models know, as Magenta's GrooVAE reduces a kit (its Roland mapping).
 * Every General MIDI percussion key the Groove MIDI Dataset uses falls into one class; a class is
 * written and played back as its {@link #key()}.
 */
public enum DrumClass {
    KICK("Bass Drum", 36, 35, 36),
    SNARE("Snare", 38, 37, 38, 39, 40),
    CLOSED_HI_HAT("Closed Hi-Hat", 42, 22, 42, 44),
    OPEN_HI_HAT("Open Hi-Hat", 46, 26, 46),
    LOW_TOM("Low Tom", 43, 41, 43, 58),
    MID_TOM("Mid Tom", 47, 45, 47),
    HIGH_TOM("High Tom", 50, 48, 50),
    CRASH("Crash Cymbal", 49, 49, 52, 55, 57),
    RIDE("Ride Cymbal", 51, 51, 53, 59);

    public static final int COUNT = values().length;

    private final String title;
    private final int key;
    private final int[] keys;

    DrumClass(String title, int key, int... keys) {
        this.title = title;
        this.key = key;
        this.keys = keys;
    }

    /** What a drummer calls it. */
    public String title() {
        return title;
    }

    /** The General MIDI percussion key this class is played as. */
    public int key() {
        return key;
    }

    /** The class of a General MIDI percussion key, or null for a key outside the kit (cowbell, claves, ...). */
    public static DrumClass of(int midiKey) {
        for (DrumClass d : values()) {
            for (int k : d.keys) {
                if (k == midiKey) {
                    return d;
                }
            }
        }
        return null;
    }
}
