package org.kantor.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Set;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.core.Score;
import org.kantor.musicxml.ScoreFiles;

/** Playback heard with numbers: the example chorale rendered to WAV lasts as long as it should, sounds, and leaves muted parts out. */
class ScoreSoundTest {

    /** Length and root mean square (0..1) of a 16-bit stereo WAV, its first channel. */
    private record Measured(double seconds, double rms) {
    }

    private static Measured measure(Path wav) throws Exception {
        double[] samples = samples(wav);
        double sum = 0;
        for (double x : samples) {
            sum += x * x;
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new File(wav.toString()))) {
            return new Measured(samples.length / in.getFormat().getFrameRate(), Math.sqrt(sum / Math.max(1, samples.length)) / 32768.0);
        }
    }

    private static double[] samples(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new File(wav.toString()))) {
            byte[] data = in.readAllBytes();
            double[] out = new double[data.length / 4];
            for (int f = 0; f < out.length; f++) {
                out[f] = (short) ((data[4 * f] & 0xff) | (data[4 * f + 1] << 8));
            }
            return out;
        }
    }

    private static double[] add(double[] a, double[] b) {
        double[] out = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    private static double correlation(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < n; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void theChoraleSoundsForItsLengthAtItsTempoAndMutedPartsAreSilent(@TempDir Path dir) throws Exception {
        Score chorale = ScoreFiles.read(Path.of("../examples/chorale.musicxml")).score();
        Path all = dir.resolve("all.wav");
        ScoreSound.Rendered r = ScoreSound.toWav(chorale, Set.of(), null, all);
        // four measures of 4/4 at 72 quarters a minute: 16 quarters, 13.3 s, and the ring of the last chord
        Measured full = measure(all);
        assertEquals(16 * 60.0 / 72 + ScoreSound.TAIL_SECONDS, full.seconds(), 0.05);
        assertTrue(full.rms() > 0.01, "it sounds: rms " + full.rms());

        // each voice alone sounds, and the four alone add up to the whole: muting takes out that part and nothing else
        double[] sum = null;
        for (int voice = 0; voice < 4; voice++) {
            Path alone = dir.resolve("voice" + voice + ".wav");
            Set<Integer> others = new java.util.HashSet<>(Set.of(0, 1, 2, 3));
            others.remove(voice);
            ScoreSound.toWav(chorale, others, null, alone);
            assertTrue(measure(alone).rms() > 0.002, "voice " + voice + " alone sounds");
            double[] samples = samples(alone);
            sum = sum == null ? samples : add(sum, samples);
        }
        double correlation = correlation(sum, samples(all));
        assertTrue(correlation > 0.9, "the parts alone add up to the whole: correlation " + correlation);

        Path none = dir.resolve("none.wav");
        ScoreSound.toWav(chorale, Set.of(0, 1, 2, 3), null, none);
        assertTrue(measure(none).rms() < 0.0005, "every part muted: silence");
        assertTrue(r.sounds().endsWith(".sf2") || r.sounds().startsWith("the synthesizer's own"), r.sounds());
    }
}
