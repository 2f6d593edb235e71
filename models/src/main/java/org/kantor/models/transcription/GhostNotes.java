package org.kantor.models.transcription;

import java.util.List;

/**
 * Notes heard in a recording that nobody played: a short, faint note (a resonance, an overtone, a key's noise) is
 * left out of the score, where a reader would have to decipher it as a 16th with rests around it. The notes as played
 * (the MIDI written beside the score, the audio-level figures) keep them.
 */
final class GhostNotes {

    /** Shorter than this, in seconds... */
    private static final double SHORT = 0.25;
    /** ...and fainter than this share of the piece's median loudness, a note is a ghost. */
    private static final double FAINT = 0.5;

    private GhostNotes() {
    }

    static List<PerformedNote> drop(List<PerformedNote> heard) {
        if (heard.size() < 8) {
            return heard;
        }
        int[] loudness = heard.stream().mapToInt(PerformedNote::velocity).sorted().toArray();
        double median = loudness[loudness.length / 2];
        return heard.stream().filter(n -> n.length() >= SHORT || n.velocity() >= FAINT * median).toList();
    }
}
