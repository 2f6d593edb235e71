package org.kantor.models.transcription;

/**
 * Basic Pitch's three outputs for a whole recording, one row per frame (22050 / 256 frames a
 * second): {@code note} and {@code onset} are probabilities for the 88 piano keys (A0 first),
 * {@code contour} for 264 pitch bins a third of a semitone apart; contour is null when it was not kept.
 */
public record Activations(float[][] note, float[][] onset, float[][] contour) {

    public int frames() {
        return note.length;
    }
}
