package org.kantor.models.audio;

/** A recording that cannot be read: the message names the file and what is wrong with it. */
public class AudioFileException extends Exception {

    public AudioFileException(String message) {
        super(message);
    }

    public AudioFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
