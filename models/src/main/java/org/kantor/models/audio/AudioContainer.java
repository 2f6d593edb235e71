package org.kantor.models.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What kind of file a recording is, decided from its first bytes rather than its name, so that a
 * renamed file is still read and a text file called "song.mp3" gets a clear message.
 */
public enum AudioContainer {
    WAV("WAV"), FLAC("FLAC"), MP3("MP3"), OGG("Ogg"), MIDI("MIDI"), UNKNOWN("unknown");

    private final String label;

    AudioContainer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AudioContainer of(Path file) throws IOException {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return of(head, n);
    }

    static AudioContainer of(byte[] head, int n) {
        if (n >= 12 && ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
            return WAV;
        }
        if (n >= 4 && ascii(head, 0, "fLaC")) {
            return FLAC;
        }
        if (n >= 4 && ascii(head, 0, "OggS")) {
            return OGG;
        }
        if (n >= 4 && ascii(head, 0, "MThd")) {
            return MIDI;
        }
        if (n >= 3 && ascii(head, 0, "ID3")) {
            return MP3;
        }
        // an MPEG audio frame header: 11 sync bits, layer bits not 00
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0) {
            return MP3;
        }
        return UNKNOWN;
    }

    /** True when {@code text} stands in {@code bytes} at {@code at}. */
    static boolean ascii(byte[] bytes, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (bytes[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
