package org.kantor.models.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many samples at the start of a decoded MP3 are not music: the encoder's delay (from the LAME
 * tag when there is one, else LAME's usual 576), the decoder's 529 samples of filter delay, and the
 * Xing/Info frame that carries the tag, which decoders play as a frame of silence. Without this
 * correction every note of an MP3 comes out about 50 ms late.
 */
final class Mp3Delay {

    static final int DECODER_DELAY = 529;
    private static final int DEFAULT_ENCODER_DELAY = 576;

    private Mp3Delay() {
    }

    static int leadingSamples(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        int at = 0;
        if (head.length >= 10 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
            int size = (head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | (head[9] & 0x7F);
            at = 10 + size + ((head[5] & 0x10) != 0 ? 10 : 0);
        }
        while (at + 4 < head.length && !((head[at] & 0xFF) == 0xFF && (head[at + 1] & 0xE0) == 0xE0)) {
            at++;
        }
        if (at + 4 >= head.length) {
            return DECODER_DELAY;
        }
        int versionBits = (head[at + 1] >> 3) & 0x3; // 3: MPEG-1
        boolean mono = ((head[at + 3] >> 6) & 0x3) == 3;
        boolean mpeg1 = versionBits == 3;
        int frameSamples = mpeg1 ? 1152 : 576;
        int sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        int tag = at + 4 + sideInfo;
        if (tag + 8 > head.length || !(AudioContainer.ascii(head, tag, "Xing") || AudioContainer.ascii(head, tag, "Info"))) {
            return DEFAULT_ENCODER_DELAY + DECODER_DELAY;
        }
        int flags = (head[tag + 4] & 0xFF) << 24 | (head[tag + 5] & 0xFF) << 16 | (head[tag + 6] & 0xFF) << 8 | (head[tag + 7] & 0xFF);
        int lame = tag + 8 + ((flags & 1) != 0 ? 4 : 0) + ((flags & 2) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 100 : 0)
                + ((flags & 8) != 0 ? 4 : 0);
        int encoderDelay = DEFAULT_ENCODER_DELAY;
        if (lame + 24 <= head.length && (AudioContainer.ascii(head, lame, "LAME") || AudioContainer.ascii(head, lame, "Lavf") || AudioContainer.ascii(head, lame, "Lavc"))) {
            encoderDelay = (head[lame + 21] & 0xFF) << 4 | (head[lame + 22] & 0xFF) >> 4;
        }
        return frameSamples + encoderDelay + DECODER_DELAY;
    }
}
