package org.kantor.models.audio;

/** A recording longer than the caller allows (a server limits what one request may cost). */
public final class RecordingTooLongException extends AudioFileException {

    public RecordingTooLongException(String message) {
        super(message);
    }
}
