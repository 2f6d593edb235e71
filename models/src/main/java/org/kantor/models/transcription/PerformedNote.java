package org.kantor.models.transcription;

/** A note as it was played: start and end in seconds, MIDI pitch and velocity (1-127). */
public record PerformedNote(double start, double end, int midi, int velocity) {

    public PerformedNote {
        if (!(end > start)) {
            throw new IllegalArgumentException("a note must end after it starts: " + start + " .. " + end);
        }
    }

    public double length() {
        return end - start;
    }
}
