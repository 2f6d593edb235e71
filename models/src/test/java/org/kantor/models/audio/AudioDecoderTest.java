package org.kantor.models.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioDecoderTest {

    @Test
    void stereo48kHzIsDownmixedAndResampledWithoutLosingTheTone(@TempDir Path dir) throws Exception {
        // left: 440 Hz at 0.5; right: silent. The mono mix is 440 Hz at 0.25.
        Path wav = writeWav(dir.resolve("tone.wav"), 48000, 2, 16, 2.0, (t, c) -> c == 0 ? 0.5 * Math.sin(2 * Math.PI * 440 * t) : 0);
        AudioLoader.Loaded loaded = AudioLoader.load(wav, 22050);
        assertEquals(48000, loaded.source().sampleRate());
        assertEquals(2, loaded.source().channels());
        assertEquals(44100, loaded.samples().length);
        float[] mid = Arrays.copyOfRange(loaded.samples(), 5000, 40000);
        assertEquals(0.25, peak(mid), 0.002);
        assertEquals(440, frequency(mid, 22050), 1.0);
    }

    @Test
    void tonesAboveTheNewNyquistFrequencyDoNotFoldBack(@TempDir Path dir) throws Exception {
        // 15 kHz cannot exist at 22,050 Hz; a poor resampler would alias it to 7,050 Hz
        Path wav = writeWav(dir.resolve("high.wav"), 44100, 1, 16, 1.0, (t, c) -> 0.8 * Math.sin(2 * Math.PI * 15000 * t));
        float[] out = AudioLoader.load(wav, 22050).samples();
        assertTrue(peak(Arrays.copyOfRange(out, 2000, 20000)) < 1e-4, "aliased energy " + peak(out));
    }

    @Test
    void streamingInChunksGivesTheSameSamplesAsOneCall() {
        float[] x = new float[30000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.01) * (i % 7 == 0 ? 1 : 0.5f);
        }
        float[] whole = Resampler.resample(x, 44100, 22050);
        Resampler chunked = new Resampler(44100, 22050);
        float[] pieces = new float[0];
        for (int at = 0; at < x.length; at += 1234) {
            int n = Math.min(1234, x.length - at);
            float[] chunk = Arrays.copyOfRange(x, at, at + n);
            pieces = concat(pieces, chunked.process(chunk, n));
        }
        pieces = concat(pieces, chunked.finish());
        assertEquals(whole.length, pieces.length);
        for (int i = 0; i < whole.length; i++) {
            assertEquals(whole[i], pieces[i], 1e-6f, "sample " + i);
        }
    }

    @Test
    void eightAnd24BitWavAreScaledToMinusOneToOne(@TempDir Path dir) throws Exception {
        for (int bits : new int[] {8, 24}) {
            Path wav = writeWav(dir.resolve(bits + ".wav"), 22050, 1, bits, 0.5, (t, c) -> 0.5 * Math.sin(2 * Math.PI * 300 * t));
            assertEquals(0.5, peak(AudioLoader.load(wav, 22050).samples()), bits == 8 ? 0.01 : 1e-4, bits + "-bit");
        }
    }

    @Test
    void unreadableFilesGetAMessageThatNamesThemAndSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("song.mp3"), "these are lyrics, not audio");
        AudioFileException notAudio = assertThrows(AudioFileException.class, () -> AudioLoader.load(text, 22050));
        assertTrue(notAudio.getMessage().contains("song.mp3") && notAudio.getMessage().contains("not a WAV, FLAC, MP3 or Ogg"),
                notAudio.getMessage());

        Path wav = writeWav(dir.resolve("whole.wav"), 22050, 1, 16, 1.0, (t, c) -> 0.1);
        byte[] bytes = Files.readAllBytes(wav);
        Path header = Files.write(dir.resolve("header-only.wav"), Arrays.copyOf(bytes, 30));
        AudioFileException truncated = assertThrows(AudioFileException.class, () -> AudioLoader.load(header, 22050));
        assertTrue(truncated.getMessage().contains("header-only.wav"), truncated.getMessage());

        byte[] flac = new byte[4000];
        new java.util.Random(3).nextBytes(flac);
        System.arraycopy("fLaC".getBytes(), 0, flac, 0, 4);
        Path damaged = Files.write(dir.resolve("damaged.flac"), flac);
        AudioFileException bad = assertThrows(AudioFileException.class, () -> AudioLoader.load(damaged, 22050));
        assertTrue(bad.getMessage().contains("damaged.flac") && bad.getMessage().contains("FLAC"), bad.getMessage());

        AudioFileException none = assertThrows(AudioFileException.class, () -> AudioLoader.load(dir.resolve("missing.wav"), 22050));
        assertTrue(none.getMessage().contains("no such file"), none.getMessage());
    }

    interface Signal {
        double at(double seconds, int channel);
    }

    static Path writeWav(Path file, int rate, int channels, int bits, double seconds, Signal signal) throws Exception {
        int frames = (int) Math.round(rate * seconds);
        int bytesPerSample = bits / 8;
        ByteBuffer data = ByteBuffer.allocate(frames * channels * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                double v = signal.at((double) f / rate, c);
                if (bits == 8) {
                    data.put((byte) (Math.round(v * 127) + 128));
                } else if (bits == 16) {
                    data.putShort((short) Math.round(v * 32767));
                } else {
                    int s = (int) Math.round(v * 8388607);
                    data.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                }
            }
        }
        AudioFormat format = new AudioFormat(bits == 8 ? AudioFormat.Encoding.PCM_UNSIGNED : AudioFormat.Encoding.PCM_SIGNED,
                rate, bits, channels, channels * bytesPerSample, rate, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(data.array()), format, frames), AudioFileFormat.Type.WAVE,
                file.toFile());
        return file;
    }

    private static double peak(float[] x) {
        double p = 0;
        for (float v : x) {
            p = Math.max(p, Math.abs(v));
        }
        return p;
    }

    /** Frequency from the rate of upward zero crossings. */
    private static double frequency(float[] x, int rate) {
        int crossings = 0;
        int first = -1;
        int last = -1;
        for (int i = 1; i < x.length; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                if (first < 0) {
                    first = i;
                }
                last = i;
                crossings++;
            }
        }
        return (crossings - 1) * (double) rate / (last - first);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
