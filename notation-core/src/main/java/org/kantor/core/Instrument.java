package org.kantor.core;

/** How a part sounds: General MIDI program (0-127), MIDI channel (1-16; 10 is drums), and a name. */
public record Instrument(String name, int midiProgram, int midiChannel, boolean percussion) {

    public static final Instrument PIANO = new Instrument("Piano", 0, 1, false);
    public static final Instrument CHOIR_AAHS = new Instrument("Choir Aahs", 52, 1, false);

    public Instrument {
        midiProgram = Math.max(0, Math.min(127, midiProgram));
        midiChannel = Math.max(1, Math.min(16, midiChannel));
    }

    /** A sung part: General MIDI's Choir Aahs or Voice Oohs. Its clef follows vocal custom. */
    public boolean vocal() {
        return !percussion && (midiProgram == 52 || midiProgram == 53);
    }
}
