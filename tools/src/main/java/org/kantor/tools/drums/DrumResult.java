package org.kantor.tools.drums;

import org.kantor.musicxml.ScoreDocument;

/** What Drumify and Groove give back for one variation: the score, which part holds the drums, and the performance as MIDI. */
public interface DrumResult {

    ScoreDocument score();

    /** The drum part's index in the score (0 = the top part). */
    int drumPart();

    /** The whole score as MIDI, the drums as performed. */
    byte[] midi();
}
