package org.kantor.core;

/** The names of General MIDI's percussion keys (channel 10), as the standard gives them. */
public final class GeneralMidiPercussion {

    private static final int FIRST = 35;
    private static final String[] NAMES = {
        "Acoustic Bass Drum", "Bass Drum 1", "Side Stick", "Acoustic Snare", "Hand Clap", "Electric Snare", "Low Floor Tom",
        "Closed Hi-Hat", "High Floor Tom", "Pedal Hi-Hat", "Low Tom", "Open Hi-Hat", "Low-Mid Tom", "Hi-Mid Tom",
        "Crash Cymbal 1", "High Tom", "Ride Cymbal 1", "Chinese Cymbal", "Ride Bell", "Tambourine", "Splash Cymbal", "Cowbell",
        "Crash Cymbal 2", "Vibraslap", "Ride Cymbal 2", "Hi Bongo", "Low Bongo", "Mute Hi Conga", "Open Hi Conga", "Low Conga",
        "High Timbale", "Low Timbale", "High Agogo", "Low Agogo", "Cabasa", "Maracas", "Short Whistle", "Long Whistle",
        "Short Guiro", "Long Guiro", "Claves", "Hi Wood Block", "Low Wood Block", "Mute Cuica", "Open Cuica", "Mute Triangle",
        "Open Triangle"};

    private GeneralMidiPercussion() {
    }

    /** The key's name, or "Percussion N" for a key outside General MIDI's set (35-81). */
    public static String name(int key) {
        int i = key - FIRST;
        return i >= 0 && i < NAMES.length ? NAMES[i] : "Percussion " + key;
    }
}
