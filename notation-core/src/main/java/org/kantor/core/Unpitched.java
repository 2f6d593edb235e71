package org.kantor.core;

/**
 * What an unpitched (percussion) note plays: its General MIDI percussion key (36 bass drum, 38 snare,
 * 42 closed hi-hat ...) and the notehead it is written with ("normal", "x", "circle-x" ...). The
 * note's pitch is then only where it sits on the percussion staff (MusicXML's display step and octave).
 */
public record Unpitched(int midiKey, String notehead) {

    public Unpitched {
        if (midiKey < 0 || midiKey > 127) {
            throw new IllegalArgumentException("a MIDI percussion key runs from 0 to 127, not " + midiKey);
        }
        notehead = notehead == null || notehead.isBlank() ? "normal" : notehead;
    }
}
