package org.kantor.models.audio;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.DoubleConsumer;

/** Reads a whole recording as mono samples at a chosen sample rate (for short files and tests). */
public final class AudioLoader {

    /** The samples and the file's own format. */
    public record Loaded(float[] samples, int sampleRate, AudioDecoder.Info source) {
        public double seconds() {
            return (double) samples.length / sampleRate;
        }
    }

    private AudioLoader() {
    }

    public static Loaded load(Path file, int sampleRate) throws AudioFileException {
        return load(file, sampleRate, fraction -> { });
    }

    public static Loaded load(Path file, int sampleRate, DoubleConsumer progress) throws AudioFileException {
        Collector collector = new Collector();
        AudioDecoder.Info info = AudioDecoder.decode(file, (samples, count) -> collector.add(samples, count), progress);
        float[] raw = collector.samples();
        float[] samples = info.sampleRate() == sampleRate ? raw : Resampler.resample(raw, info.sampleRate(), sampleRate);
        return new Loaded(samples, sampleRate, info);
    }

    private static final class Collector {
        private float[] data = new float[1 << 16];
        private int size;

        void add(float[] samples, int count) {
            if (size + count > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + count));
            }
            System.arraycopy(samples, 0, data, size, count);
            size += count;
        }

        float[] samples() {
            return Arrays.copyOf(data, size);
        }
    }
}
