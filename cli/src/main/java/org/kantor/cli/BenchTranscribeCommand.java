package org.kantor.cli;

import org.kantor.models.NativeStderr;
import org.kantor.models.audio.AudioLoader;
import org.kantor.models.transcription.BasicPitch;
import org.kantor.models.transcription.Transcriber;
import org.kantor.models.transcription.TranscriptionSettings;
import org.kantor.musicxml.bench.Stats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/** {@code kantor bench transcribe}: real-time factors of Basic Pitch alone and of the whole pipeline, and peak memory. */
@Command(name = "transcribe", header = "Real-time factor and peak memory of transcribing a synthesized recording.", mixinStandardHelpOptions = true,
        description = {"Time transcription of a synthesized piano-like recording (44.1 kHz stereo WAV, default 3 minutes):",
            "Basic Pitch alone on the resampled audio, and the whole pipeline (decode, resample, model, notes, notation).",
            "Prints medians over the runs as multiples of real time, and the process's peak resident memory."})
final class BenchTranscribeCommand implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "180", description = "Length of the test recording (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs after one warm-up (default ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (seconds < 5 || seconds > 3600 || runs < 1 || runs > 20) {
            throw new Kantor.UserError("--seconds must be 5 to 3600 and --runs 1 to 20");
        }
        Path wav = Files.createTempFile("kantor-bench", ".wav");
        try {
            writeRecording(wav, seconds);
            long startLoad = System.nanoTime();
            try (BasicPitch model = NativeStderr.silenced(BasicPitch::load)) {
                double load = (System.nanoTime() - startLoad) / 1e9;
                float[] audio = AudioLoader.load(wav, BasicPitch.SAMPLE_RATE).samples();
                model.predict(audio, false); // warm-up
                double[] modelTimes = new double[runs];
                double[] pipelineTimes = new double[runs];
                int notes = 0;
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    model.predict(audio, false);
                    modelTimes[r] = (System.nanoTime() - t0) / 1e9;
                    t0 = System.nanoTime();
                    Transcriber.Transcription t = Transcriber.transcribe(wav, TranscriptionSettings.automatic(), () -> model, f -> { });
                    pipelineTimes[r] = (System.nanoTime() - t0) / 1e9;
                    notes = t.notation().notes();
                }
                double modelMedian = median(modelTimes);
                double pipelineMedian = median(pipelineTimes);
                out.printf(Locale.ROOT, "Transcription of %d s of synthesized piano-like audio (44.1 kHz stereo WAV, %d notes written), %d runs%n",
                        seconds, notes, runs);
                out.printf(Locale.ROOT, "  engine and model load          %8.2f s (once)%n", load);
                out.printf(Locale.ROOT, "  Basic Pitch alone     median %8.2f s   %6.1fx real time   (goal 50x)%n", modelMedian, seconds / modelMedian);
                out.printf(Locale.ROOT, "  whole pipeline        median %8.2f s   %6.1fx real time   (goal 20x)%n", pipelineMedian, seconds / pipelineMedian);
                out.printf(Locale.ROOT, "  runs (model / pipeline, s): %s / %s%n", Arrays.toString(round(modelTimes)), Arrays.toString(round(pipelineTimes)));
                out.printf(Locale.ROOT, "  peak resident memory of this process: %s%n", peakResident());
            }
        } finally {
            Files.deleteIfExists(wav);
        }
        out.flush();
        return Kantor.EXIT_OK;
    }

    /** A reproducible recording: a melody over chords, tones with decaying harmonics, like a plucked or struck string. */
    static void writeRecording(Path wav, int seconds) throws IOException {
        int rate = 44100;
        int frames = rate * seconds;
        float[] mix = new float[frames];
        Random random = new Random(42);
        double beat = 60.0 / 96;
        int melody = 72;
        int[] roots = {48, 53, 55, 45};
        for (double t = 0; t < seconds - 1; t += beat / 2) {
            melody = Math.max(62, Math.min(84, melody + random.nextInt(5) - 2));
            addTone(mix, rate, t, beat / 2 * 0.95, melody, 0.25);
            if (Math.round(t / beat * 2) % 4 == 0) {
                int root = roots[(int) (t / (2 * beat)) % roots.length];
                for (int interval : new int[] {0, 7, 12, 16}) {
                    addTone(mix, rate, t, 2 * beat * 0.95, root + interval, 0.12);
                }
            }
        }
        ByteBuffer data = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : mix) {
            short s = (short) Math.max(-32768, Math.min(32767, Math.round(v * 32767)));
            data.putShort(s).putShort(s);
        }
        AudioFormat format = new AudioFormat(rate, 16, 2, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(data.array()), format, frames), AudioFileFormat.Type.WAVE, wav.toFile());
    }

    private static void addTone(float[] mix, int rate, double start, double length, int midi, double gain) {
        double f = 440 * Math.pow(2, (midi - 69) / 12.0);
        int from = (int) (start * rate);
        int to = Math.min(mix.length, (int) ((start + length) * rate));
        for (int i = from; i < to; i++) {
            double t = (double) (i - from) / rate;
            double envelope = Math.exp(-3 * t) * Math.min(1, t * 200) * Math.min(1, (to - i) / (0.01 * rate));
            double v = 0;
            for (int h = 1; h <= 5; h++) {
                v += Math.sin(2 * Math.PI * f * h * t) / (h * h);
            }
            mix[i] += (float) (gain * envelope * v);
        }
    }

    private static double median(double[] values) {
        return Stats.median(Arrays.stream(values).boxed().toList());
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 100) / 100.0).toArray();
    }

    /** VmHWM from /proc (Java heap plus PyTorch's native memory), or the heap's peak where /proc is missing. */
    private static String peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f MB (VmHWM)", kb / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .mapToLong(p -> p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed()).sum();
        return String.format(Locale.ROOT, "%.0f MB (Java memory pools)", peak / 1048576.0);
    }
}
