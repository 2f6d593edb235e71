package org.kantor.studio;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.kantor.models.audio.AudioFileException;
import org.kantor.models.audio.AudioLoader;

/**
 * Plays the recording a score was transcribed from (WAV, FLAC, MP3 or Ogg Vorbis, decoded as the transcription decodes
 * it), so the musician hears it and then the transcription, one after the other.
 */
final class RecordingPlayer implements AutoCloseable {

    static final int RATE = 44_100;

    private volatile SourceDataLine line;
    private Thread feeding;

    /** The recording as 16-bit mono samples at {@link #RATE}. */
    static byte[] pcm(Path recording) throws IOException {
        try {
            float[] samples = AudioLoader.load(recording, RATE).samples();
            byte[] pcm = new byte[samples.length * 2];
            for (int i = 0; i < samples.length; i++) {
                int v = Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767);
                pcm[2 * i] = (byte) v;
                pcm[2 * i + 1] = (byte) (v >> 8);
            }
            return pcm;
        } catch (AudioFileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Starts playing; returns at once. Says why when the machine has no sound output. */
    void play(Path recording) throws IOException {
        stop();
        byte[] pcm = pcm(recording);
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        SourceDataLine opened;
        try {
            opened = AudioSystem.getSourceDataLine(format);
            opened.open(format);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new IOException("cannot play here (no sound output?): " + e.getMessage(), e);
        }
        line = opened;
        opened.start();
        feeding = new Thread(() -> {
            int at = 0;
            while (at < pcm.length && line == opened) {
                at += opened.write(pcm, at, Math.min(8192, pcm.length - at));
            }
            if (line == opened) {
                opened.drain();
            }
        }, "kantor-recording");
        feeding.setDaemon(true);
        feeding.start();
    }

    boolean playing() {
        return line != null && line.isActive();
    }

    void stop() {
        SourceDataLine playing = line;
        line = null;
        if (playing != null) {
            playing.stop();
            playing.flush();
            playing.close();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
