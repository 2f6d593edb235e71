package org.kantor.models.transcription;

import java.util.List;

/**
 * Notes heard in a recording that nobody played: a short note that is faint (a resonance, an overtone, a key's noise)
 * or more than an octave beyond the piece's range (a rumble far below it, a whistle far above) is left out of the
 * score, where a reader would have to decipher it as a 16th with rests around it. The notes as played (the MIDI
 * written beside the score, the audio-level figures) keep them.
 */
final class GhostNotes {

    /** Shorter than this, in seconds... */
    private static final double SHORT = 0.25;
    /** ...and fainter than this share of the piece's median loudness, a note is a ghost. */
    private static final double FAINT = 0.5;
    /** ...or further than this (semitones) below the piece's 5th percentile of pitch or above its 95th. */
    private static final int BEYOND = 12;

    private GhostNotes() {
    }

    static List<PerformedNote> drop(List<PerformedNote> heard) {
        if (heard.size() < 8) {
            return heard;
        }
        int[] loudness = heard.stream().mapToInt(PerformedNote::velocity).sorted().toArray();
        double median = loudness[loudness.length / 2];
        int[] pitches = heard.stream().mapToInt(PerformedNote::midi).sorted().toArray();
        int low = pitches[pitches.length / 20] - BEYOND;
        int high = pitches[pitches.length - 1 - pitches.length / 20] + BEYOND;
        return heard.stream().filter(n -> n.length() >= SHORT
                || (n.velocity() >= FAINT * median && n.midi() >= low && n.midi() <= high)).toList();
    }
}
