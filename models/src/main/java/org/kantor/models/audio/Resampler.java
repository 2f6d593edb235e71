package org.kantor.models.audio;

import java.util.Arrays;

/**
 * Band-limited sample-rate conversion for a stream of mono samples: exact rational polyphase
 * filtering with a Kaiser-windowed sinc. The pass band reaches 91% of the lower Nyquist frequency
 * and the stop band starts at it, with about 120 dB of rejection, so that nothing above the new
 * Nyquist frequency folds back into the music. Linear phase, no delay: output sample k sits at
 * input time k * from / to. Feed chunks with {@link #process}, then call {@link #finish}.
 */
public final class Resampler {

    private static final double PASS_BAND_END = 0.913;
    private static final double KAISER_BETA = 12.0;
    private static final int ZERO_CROSSINGS = 92;

    private final int up;
    private final int down;
    private final int halfTaps;
    private final float[][] phases;
    private float[] buffer = new float[0];
    private long bufferStart;       // absolute input index of buffer[0]
    private long received;          // input samples seen so far
    private long nextOutput;        // index of the next output sample

    public Resampler(int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        int gcd = gcd(fromRate, toRate);
        this.up = toRate / gcd;
        this.down = fromRate / gcd;
        double cutoff = Math.min(1.0, (double) up / down) * (PASS_BAND_END + 1.0) / 2.0;
        this.halfTaps = up == down ? 0 : (int) Math.ceil(ZERO_CROSSINGS / cutoff) + 1;
        this.phases = new float[up][2 * halfTaps + 1];
        double support = ZERO_CROSSINGS / cutoff;
        double norm = bessel0(KAISER_BETA);
        for (int p = 0; p < up; p++) {
            double frac = (double) p / up;
            for (int j = -halfTaps; j <= halfTaps; j++) {
                double t = frac - j; // distance from output time to input sample base + j
                double value = 0;
                if (up == down) {
                    value = j == 0 ? 1 : 0;
                } else if (Math.abs(t) < support) {
                    double r = t / support;
                    double window = bessel0(KAISER_BETA * Math.sqrt(1 - r * r)) / norm;
                    value = cutoff * sinc(cutoff * t) * window;
                }
                phases[p][j + halfTaps] = (float) value;
            }
        }
    }

    /** Resamples a whole signal at once. */
    public static float[] resample(float[] samples, int fromRate, int toRate) {
        if (fromRate == toRate) {
            return samples.clone();
        }
        Resampler resampler = new Resampler(fromRate, toRate);
        float[] head = resampler.process(samples, samples.length);
        float[] tail = resampler.finish();
        float[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** Number of output samples for {@code inputLength} input samples: ceil(n * to / from). */
    public long outputLength(long inputLength) {
        return (inputLength * up + down - 1) / down;
    }

    /** Takes the next {@code count} samples and returns every output sample that they complete. */
    public float[] process(float[] samples, int count) {
        append(samples, count);
        received += count;
        return produce(false);
    }

    /** Returns the remaining output samples, treating the signal as silent after its end. */
    public float[] finish() {
        return produce(true);
    }

    private float[] produce(boolean last) {
        long total = last ? outputLength(received) : Long.MAX_VALUE;
        int capacity = (int) Math.max(0, (received * up) / down - nextOutput + 2);
        float[] out = new float[capacity];
        int n = 0;
        while (nextOutput < total) {
            long position = nextOutput * down;
            long base = position / up;
            int phase = (int) (position % up);
            if (!last && base + halfTaps >= received) {
                break; // needs samples that have not arrived
            }
            float[] taps = phases[phase];
            double sum = 0;
            long first = base - halfTaps;
            int from = (int) Math.max(0, bufferStart - first);
            int to = (int) Math.min(taps.length, bufferStart + buffer.length - first);
            int offset = (int) (first - bufferStart);
            for (int j = from; j < to; j++) {
                sum += taps[j] * buffer[offset + j];
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2 + 16);
            }
            out[n++] = (float) sum;
            nextOutput++;
        }
        discardBefore(nextOutput * down / up - halfTaps);
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private void append(float[] samples, int count) {
        float[] grown = Arrays.copyOf(buffer, buffer.length + count);
        System.arraycopy(samples, 0, grown, buffer.length, count);
        buffer = grown;
    }

    /** Keeps only the history that later output samples still read. */
    private void discardBefore(long index) {
        int drop = (int) Math.max(0, Math.min(buffer.length, index - bufferStart));
        if (drop > 0) {
            buffer = Arrays.copyOfRange(buffer, drop, buffer.length);
            bufferStart += drop;
        }
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** Modified Bessel function of the first kind, order 0 (for the Kaiser window). */
    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 64; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
