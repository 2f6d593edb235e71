package org.kantor.models.transcription;

/**
 * A note found in a recording: start and end frame (end exclusive), MIDI pitch, mean note
 * probability over its frames, and optionally its pitch bend per frame in thirds of a semitone.
 */
public record NoteEvent(int startFrame, int endFrame, int midi, float amplitude, int[] pitchBends) {

    /** Seconds at a frame, with Basic Pitch's correction for the overlap between windows. */
    public static double frameTime(int frame) {
        double original = (double) frame * BasicPitch.FFT_HOP / BasicPitch.SAMPLE_RATE;
        double windowOffset = (double) BasicPitch.FFT_HOP / BasicPitch.SAMPLE_RATE
                * (BasicPitch.FRAMES_PER_WINDOW - (double) BasicPitch.WINDOW_SAMPLES / BasicPitch.FFT_HOP) + 0.0018;
        return original - windowOffset * Math.floor((double) frame / BasicPitch.FRAMES_PER_WINDOW);
    }

    public double startSeconds() {
        return frameTime(startFrame);
    }

    public double endSeconds() {
        return frameTime(endFrame);
    }

    /** MIDI velocity as Basic Pitch writes it: amplitude times 127, rounded down. */
    public int velocity() {
        return Math.max(1, Math.min(127, (int) (127 * amplitude)));
    }
}
