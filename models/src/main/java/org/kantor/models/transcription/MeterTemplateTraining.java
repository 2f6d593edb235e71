package org.kantor.models.transcription;

import org.kantor.core.Measure;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.models.PieceSplit;
import org.kantor.musicxml.ScoreFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Counts {@link MeterTemplates} on the training split of scores, each played as written at 100
 * quarter notes a minute with its true beats, and measures on the held-out split how often the
 * estimator then finds the beats a bar and the downbeat (with the true beats given, so the figure
 * is the meter model's alone, without beat-tracking errors).
 */
public final class MeterTemplateTraining {

    private static final double SECONDS_PER_QUARTER = 0.6;

    /** One piece played from its score: notes, true beats, and the index of a beat that starts a bar. */
    record Example(List<PerformedNote> notes, List<Double> beats, int perBar, int downbeat) {
    }

    /**
     * What the estimator is shown of a piece: its notes as written ({@link #AS_WRITTEN}), or, to learn from what
     * transcription will give it, the notes heard in a rendering of them (durations cut by the piano's decay,
     * ghost notes, onsets a little off), still with the true beats.
     */
    public interface Hearing {
        Hearing AS_WRITTEN = notes -> notes;

        List<PerformedNote> hear(List<PerformedNote> written) throws Exception;
    }

    /**
     * Heard examples are cut to their first 30 seconds, and every other training example is heard: enough bars for
     * the counts (a few hundred pieces) at a fraction of the hearing time (about 2.5 s a piece here).
     */
    private static final double HEARD_SECONDS = 30;

    /** The counts and the held-out figures. */
    public record Report(MeterTemplates.Counts counts, int trainExamples, int testExamples, int meterRight,
                         int downbeatRight, Map<String, Integer> confusion) {
        public String describe() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "learned from %d examples; held out %d: beats a bar right %d (%.3f), "
                            + "beats a bar and downbeat right %d (%.3f)%n", trainExamples, testExamples, meterRight,
                    share(meterRight), downbeatRight, share(downbeatRight)));
            s.append("  true -> estimated beats a bar: ").append(confusion).append('\n');
            return s.toString();
        }

        private double share(int count) {
            return testExamples == 0 ? 0 : (double) count / testExamples;
        }
    }

    private MeterTemplateTraining() {
    }

    /** Learns from the TRAIN pieces of the given score files and tests on their TEST pieces. */
    public static Report run(Collection<Path> files, Consumer<String> log) {
        return run(files, Hearing.AS_WRITTEN, log);
    }

    /** The same, every example shown to the counts and to the held-out test as {@code hearing} gives it. */
    public static Report run(Collection<Path> files, Hearing hearing, Consumer<String> log) {
        ConcurrentLinkedQueue<Example> train = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Example> test = new ConcurrentLinkedQueue<>();
        files.parallelStream().forEach(file -> {
            PieceSplit split = PieceSplit.of(file);
            if (split == PieceSplit.VALID) {
                return;
            }
            for (Example e : examples(file)) {
                (split == PieceSplit.TRAIN ? train : test).add(e);
            }
        });
        log.accept(String.format(Locale.ROOT, "%d training and %d held-out examples from %d files", train.size(), test.size(), files.size()));
        if (hearing != Hearing.AS_WRITTEN) {
            List<Example> everyOther = new ArrayList<>();
            int i = 0;
            for (Example e : sortedByNotes(train)) {
                if (i++ % 2 == 0) {
                    everyOther.add(e);
                }
            }
            List<Example> heardTrain = heard(everyOther, hearing, "training", log);
            List<Example> heardTest = heard(test, hearing, "held-out", log);
            train.clear();
            train.addAll(heardTrain);
            test.clear();
            test.addAll(heardTest);
        }
        MeterTemplates.Counts counts = new MeterTemplates.Counts();
        for (Example e : train) {
            int first = MeterEstimator.nearest(e.beats(), e.notes().get(0).start());
            int last = Math.max(first, MeterEstimator.nearest(e.beats(), e.notes().get(e.notes().size() - 1).start()));
            counts.add(e.perBar(), BeatEvidence.of(e.notes(), e.beats(), first, last), Math.floorMod(first - e.downbeat(), e.perBar()));
        }
        counts.trainedOn.put("examples", Integer.toString(train.size()));
        MeterTemplates templates = new MeterTemplates(counts);
        int meterRight = 0;
        int downbeatRight = 0;
        Map<String, Integer> confusion = new TreeMap<>();
        for (Example e : test) {
            MeterEstimator.Meter m = MeterEstimator.estimate(e.notes(), e.beats(), null, templates);
            int perBar = MeterEstimator.beatsPerBar(m.time());
            confusion.merge(e.perBar() + "->" + perBar, 1, Integer::sum);
            if (perBar == e.perBar()) {
                meterRight++;
                if (Math.floorMod(m.firstDownbeat() - e.downbeat(), perBar) == 0) {
                    downbeatRight++;
                }
            }
        }
        return new Report(counts, train.size(), test.size(), meterRight, downbeatRight, confusion);
    }

    /** A fixed order (the queue's order depends on the threads that filled it), so that every other one is the same ones. */
    private static List<Example> sortedByNotes(Collection<Example> examples) {
        return examples.stream().sorted(java.util.Comparator.comparingInt((Example e) -> e.notes().size())
                .thenComparingDouble(e -> e.notes().get(0).start()).thenComparingInt(e -> e.notes().get(0).midi())).toList();
    }

    private static List<Example> heard(Collection<Example> examples, Hearing hearing, String name, Consumer<String> log) {
        List<Example> result = new ArrayList<>();
        int done = 0;
        for (Example e : examples) {
            List<PerformedNote> cut = e.notes().stream().filter(n -> n.start() < HEARD_SECONDS)
                    .map(n -> n.end() > HEARD_SECONDS ? new PerformedNote(n.start(), HEARD_SECONDS, n.midi(), n.velocity()) : n)
                    .toList();
            try {
                List<PerformedNote> notes = hearing.hear(cut).stream()
                        .sorted(java.util.Comparator.comparingDouble(PerformedNote::start)).toList();
                if (notes.size() >= 16) {
                    result.add(new Example(notes, e.beats().stream().filter(b -> b < HEARD_SECONDS + 2).toList(), e.perBar(), e.downbeat()));
                }
            } catch (Exception ex) {
                log.accept("  not heard: " + ex.getMessage());
            }
            if (++done % 50 == 0) {
                log.accept(String.format(Locale.ROOT, "  %s: %d of %d heard", name, done, examples.size()));
            }
        }
        return result;
    }

    /** The whole score, and for a song its piano part alone as well; none when the meter is not one the templates know. */
    static List<Example> examples(Path file) {
        List<Example> result = new ArrayList<>();
        Score score;
        try {
            score = ScoreFiles.read(file).score();
        } catch (Exception e) {
            return result; // unreadable files are the reader's tests' business, not the meter's
        }
        example(score).ifPresent(result::add);
        List<Part> pianos = score.parts().stream().filter(p -> p.staves() == 2).toList();
        if (score.parts().size() > 1 && pianos.size() == 1) {
            example(new Score(score.title(), score.composer(), pianos)).ifPresent(result::add);
        }
        return result;
    }

    private static Optional<Example> example(Score score) {
        Timeline timeline;
        try {
            timeline = ScoreToTimeline.convert(score);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (timeline.notes().size() < 16 || timeline.meters().stream().map(Timeline.MeterChange::time).distinct().count() != 1) {
            return Optional.empty();
        }
        TimeSignature time = timeline.meters().get(0).time();
        boolean compound = time.isCompound();
        boolean simple = !compound && time.beatType() == 4 && !time.isAdditive();
        int perBar = MeterEstimator.beatsPerBar(time);
        if (!(simple || compound && time.beatType() == 8) || !MeterTemplates.supports(perBar) || !regularBars(score, time)) {
            return Optional.empty();
        }
        double beat = time.measureLength().toDouble() / perBar;
        double pickup = timeline.pickup().toDouble();
        int before = (int) Math.floor(pickup / beat + 1e-9);
        double end = timeline.end().toDouble();
        List<Double> beats = new ArrayList<>();
        for (int k = -before; pickup + k * beat < end + beat; k++) {
            beats.add((pickup + k * beat) * SECONDS_PER_QUARTER);
        }
        List<PerformedNote> notes = new ArrayList<>();
        for (TimedNote n : timeline.notes()) {
            if (!timeline.parts().get(n.part()).instrument().percussion()) {
                notes.add(new PerformedNote(n.onset().toDouble() * SECONDS_PER_QUARTER, n.offset().toDouble() * SECONDS_PER_QUARTER,
                        n.midi(), n.velocity()));
            }
        }
        if (notes.size() < 16) {
            return Optional.empty();
        }
        return Optional.of(new Example(notes, beats, perBar, before));
    }

    /** Every bar but the first and the last is full: no split bars around repeats to throw the downbeats off. */
    private static boolean regularBars(Score score, TimeSignature time) {
        List<Measure> measures = score.parts().get(0).measures();
        Rational full = time.measureLength();
        for (int i = 1; i < measures.size() - 1; i++) {
            if (!measures.get(i).length().equals(full)) {
                return false;
            }
        }
        return true;
    }
}
