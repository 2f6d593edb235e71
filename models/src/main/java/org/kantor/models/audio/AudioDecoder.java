package org.kantor.models.audio;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import javax.sound.sampled.spi.AudioFileReader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * Decodes WAV, FLAC, MP3 and Ogg Vorbis recordings into mono samples in [-1, 1) at the file's own
 * sample rate, chunk by chunk, so that a long recording never has to be held in memory. Channels
 * are averaged (as librosa does). Each format is read by the decoder chosen from its first bytes.
 */
public final class AudioDecoder {

    /** What the file holds. {@code frames} is -1 when the format does not say in advance. */
    public record Info(AudioContainer container, int sampleRate, int channels, long frames) {
        public double seconds() {
            return frames < 0 ? -1 : (double) frames / sampleRate;
        }
    }

    /** Receives decoded mono samples; {@code count} of {@code samples} are valid. */
    public interface Sink {
        void accept(float[] samples, int count);
    }

    private static final int CHUNK_FRAMES = 16384;

    private AudioDecoder() {
    }

    /** Decodes the whole file into {@code sink}, reporting the share of the file read to {@code progress}. */
    public static Info decode(Path file, Sink sink, DoubleConsumer progress) throws AudioFileException {
        return decode(file, sink, progress, info -> { });
    }

    /** As above; {@code onFormat} learns the sample rate and channels before the first samples arrive. */
    public static Info decode(Path file, Sink sink, DoubleConsumer progress, java.util.function.Consumer<Info> onFormat)
            throws AudioFileException {
        AudioContainer container;
        long size;
        try {
            container = AudioContainer.of(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file + ": no such file");
        } catch (IOException e) {
            throw new AudioFileException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (container == AudioContainer.UNKNOWN || container == AudioContainer.MIDI) {
            throw new AudioFileException(file + ": not a WAV, FLAC, MP3 or Ogg Vorbis recording");
        }
        try (CountingStream counted = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
             AudioInputStream encoded = open(container, counted);
             AudioInputStream pcm = toPcm(encoded)) {
            AudioFormat format = pcm.getFormat();
            long frames = encoded.getFrameLength() == AudioSystem.NOT_SPECIFIED ? -1 : encoded.getFrameLength();
            Info info = new Info(container, Math.round(format.getSampleRate()), format.getChannels(), frames);
            if (info.sampleRate() <= 0 || info.channels() <= 0) {
                throw new AudioFileException(file + ": the " + container.label() + " header gives no sample rate or channel count");
            }
            callerPart(() -> onFormat.accept(info));
            int skip = container == AudioContainer.MP3 ? Mp3Delay.leadingSamples(file) : 0;
            pump(pcm, format, skip, sink, () -> progress.accept(size == 0 ? 1 : Math.min(1, (double) counted.count / size)));
            progress.accept(1);
            return info;
        } catch (SinkFailure e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (UnsupportedAudioFileException e) {
            throw new AudioFileException(file + ": not a readable " + container.label() + " file ("
                    + (e.getMessage() == null ? "unsupported encoding" : e.getMessage()) + ")", e);
        } catch (IOException | RuntimeException e) {
            // decoders of damaged files fail with anything from EOFException to ArrayIndexOutOfBounds
            throw new AudioFileException(file + ": the " + container.label() + " data is damaged or truncated ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    private static AudioInputStream open(AudioContainer container, InputStream in)
            throws UnsupportedAudioFileException, IOException {
        AudioFileReader reader = switch (container) {
            case FLAC -> new org.jflac.sound.spi.FlacAudioFileReader();
            case MP3 -> new javazoom.spi.mpeg.sampled.file.MpegAudioFileReader();
            case OGG -> new com.github.trilarion.sound.vorbis.sampled.spi.VorbisAudioFileReader();
            default -> null;
        };
        return reader == null ? AudioSystem.getAudioInputStream(in) : reader.getAudioInputStream(in);
    }

    /** Asks the decoder for plain PCM when the file is compressed; WAV is PCM already. */
    private static AudioInputStream toPcm(AudioInputStream encoded) throws UnsupportedAudioFileException {
        AudioFormat source = encoded.getFormat();
        AudioFormat.Encoding encoding = source.getEncoding();
        if (encoding.equals(AudioFormat.Encoding.PCM_SIGNED) || encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED)
                || encoding.equals(AudioFormat.Encoding.PCM_FLOAT)) {
            return encoded;
        }
        int bits = source.getSampleSizeInBits() > 0 && source.getSampleSizeInBits() <= 24 ? source.getSampleSizeInBits() : 16;
        bits = bits <= 16 ? 16 : 24;
        AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, source.getSampleRate(), bits,
                source.getChannels(), source.getChannels() * bits / 8, source.getSampleRate(), false);
        try {
            return AudioSystem.getAudioInputStream(target, encoded);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedAudioFileException("no decoder for " + encoding);
        }
    }

    /** Reads PCM to the end, handing mono chunks to the sink after dropping {@code skip} leading frames. */
    private static void pump(AudioInputStream pcm, AudioFormat format, int skip, Sink sink, Runnable progress) throws IOException {
        int channels = format.getChannels();
        int bytesPerSample = (format.getSampleSizeInBits() + 7) / 8;
        int frameSize = channels * bytesPerSample;
        byte[] bytes = new byte[CHUNK_FRAMES * frameSize];
        float[] mono = new float[CHUNK_FRAMES];
        SampleReader reader = SampleReader.of(format);
        int carried = 0;
        while (true) {
            int n = pcm.read(bytes, carried, bytes.length - carried);
            if (n < 0) {
                break;
            }
            int available = carried + n;
            int frames = available / frameSize;
            for (int f = 0; f < frames; f++) {
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += reader.read(bytes, f * frameSize + c * bytesPerSample);
                }
                mono[f] = (float) (sum / channels);
            }
            int from = Math.min(frames, skip);
            skip -= from;
            if (frames > from) {
                if (from > 0) {
                    System.arraycopy(mono, from, mono, 0, frames - from);
                }
                int count = frames - from;
                callerPart(() -> sink.accept(mono, count));
                callerPart(progress);
            }
            carried = available - frames * frameSize;
            System.arraycopy(bytes, frames * frameSize, bytes, 0, carried);
        }
    }

    /** Runs the caller's part (the sink, the progress listener, the format listener): its failure is not the file's. */
    private static void callerPart(Runnable part) {
        try {
            part.run();
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
    }

    /** Carries an exception of the caller's part past the decoder's own error handling. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    /** Counts the bytes the decoder has consumed, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** Reads one sample of a PCM format as a float in [-1, 1). */
    interface SampleReader {
        double read(byte[] bytes, int at);

        static SampleReader of(AudioFormat format) throws IOException {
            int bits = format.getSampleSizeInBits();
            boolean big = format.isBigEndian();
            AudioFormat.Encoding encoding = format.getEncoding();
            if (encoding.equals(AudioFormat.Encoding.PCM_FLOAT)) {
                if (bits == 32) {
                    return (b, at) -> Float.intBitsToFloat((int) integer(b, at, 4, big));
                }
                if (bits == 64) {
                    return (b, at) -> Double.longBitsToDouble(integer(b, at, 8, big));
                }
            } else if (encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED) && bits == 8) {
                return (b, at) -> ((b[at] & 0xFF) - 128) / 128.0;
            } else if (encoding.equals(AudioFormat.Encoding.PCM_SIGNED) && bits >= 8 && bits <= 32 && bits % 8 == 0) {
                int bytes = bits / 8;
                double scale = Math.pow(2, bits - 1);
                return (b, at) -> {
                    long raw = integer(b, at, bytes, big);
                    long signed = (raw << (64 - bits)) >> (64 - bits);
                    return signed / scale;
                };
            }
            throw new IOException("unsupported sample format " + encoding + " " + bits + " bit");
        }

        private static long integer(byte[] b, int at, int n, boolean big) {
            long value = 0;
            for (int i = 0; i < n; i++) {
                int index = big ? at + i : at + n - 1 - i;
                value = (value << 8) | (b[index] & 0xFF);
            }
            return value;
        }
    }
}
