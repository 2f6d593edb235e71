package org.kantor.harmonizer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.kantor.core.Instrument;
import org.kantor.core.KeySignature;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.TempoMap;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.core.timeline.TimelineToScore;
import org.kantor.models.DjlEngine;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/** Speed of harmonization: engine start-up, then a 16-measure 4/4 melody with default settings. */
public final class HarmonizerBenchmark {

    /** Medians in milliseconds, and what they were measured on. */
    public record Figures(double engineStartMillis, double modelLoadMillis, double harmonizeMillis, double gibbsStepsPerSecond,
                          long parameters, long weightBytes, int measures, int runs) {
    }

    private HarmonizerBenchmark() {
    }

    public static Figures run(int runs) throws IOException {
        long t0 = System.nanoTime();
        DjlEngine.get();
        double engine = (System.nanoTime() - t0) / 1e6;
        long t1 = System.nanoTime();
        try (HarmonyModel model = HarmonyModel.load()) {
            double load = (System.nanoTime() - t1) / 1e6;
            ScoreDocument melody = ScoreDocument.fromScore(sixteenMeasureMelody(), "bench-melody.musicxml");
            Harmonizer harmonizer = new Harmonizer(model);
            GibbsSampler.Settings settings = GibbsSampler.Settings.defaults();
            harmonizer.harmonize(melody, new Harmonizer.Request(0, 1, 0, settings));
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                harmonizer.harmonize(melody, new Harmonizer.Request(0, 1, i + 1, settings));
                times.add((System.nanoTime() - s) / 1e6);
            }
            double median = org.kantor.musicxml.bench.Stats.median(times);
            return new Figures(engine, load, median, (settings.steps() + 1) / (median / 1000.0), model.parameterCount(),
                    weightBytes(), 16, runs);
        }
    }

    private static long weightBytes() throws IOException {
        try (InputStream in = HarmonyModel.class.getResourceAsStream(HarmonyModel.RESOURCE_WEIGHTS)) {
            return in == null ? 0 : in.readAllBytes().length;
        }
    }

    /** A plain hymn-like tune in G major, quarters and halves, 16 measures of 4/4 ending on a whole note. */
    public static Score sixteenMeasureMelody() throws ScoreFileException {
        int[] degrees = {67, 67, 69, 71, 72, 71, 69, 67, 69, 71, 72, 74, 71, 69, 67, 66};
        List<TimedNote> notes = new ArrayList<>();
        Rational at = Rational.ZERO;
        for (int m = 0; m < 16; m++) {
            boolean last = m == 15;
            int[] rhythm = last ? new int[] {4} : m % 4 == 3 ? new int[] {2, 2} : new int[] {1, 1, 1, 1};
            for (int k = 0; k < rhythm.length; k++) {
                int pitch = last ? 67 : degrees[(m * 3 + k * 5) % degrees.length];
                Rational end = at.plus(Rational.of(rhythm[k]));
                notes.add(new TimedNote(pitch, at, end, 80, 0, "1", 1, null));
                at = end;
            }
        }
        Timeline t = new Timeline(notes, TempoMap.constant(90), List.of(new Timeline.MeterChange(Rational.ZERO, TimeSignature.COMMON)),
                List.of(new Timeline.KeyChange(Rational.ZERO, KeySignature.parse("G"))),
                List.of(new Timeline.PartInfo("Melody", 1, Instrument.CHOIR_AAHS)), Rational.ZERO);
        return TimelineToScore.convert(t, new TimelineToScore.Options(null, "Benchmark melody", null));
    }
}
