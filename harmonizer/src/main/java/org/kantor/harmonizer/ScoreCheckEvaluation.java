package org.kantor.harmonizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kantor.checker.Finding;
import org.kantor.checker.TonalFigures;
import org.kantor.checker.VoiceLeadingChecker;
import org.kantor.core.KeySignature;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.core.timeline.TimedNote;
import org.kantor.harmonizer.melody.MelodyNotation;
import org.kantor.checker.MelodyLine;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.models.harmony.RollBatch;
import org.kantor.models.transcription.KeyEstimator;
import org.kantor.models.transcription.PerformedNote;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;

/**
 * What a musician would mark, counted per 1,000 notes with the checker's rules and how chromatic the
 * writing is ({@link TonalFigures}), for Bach and for Kantor on the same melodies: Bach's spelled
 * MusicXML chorales, the 77 test chorales of the JSB split written out in an estimated key, and melodies
 * Bach never set (the voice lines of songs), where only Kantor's figures exist.
 */
public final class ScoreCheckEvaluation {

    /** Findings per rule, notes, and tonal figures over several pieces. */
    public record Tally(Map<String, Integer> findings, TonalFigures tonal) {
        static Tally empty() {
            return new Tally(new TreeMap<>(), TonalFigures.NONE);
        }

        Tally plus(VoiceLeadingChecker.Report report) {
            Map<String, Integer> sum = new TreeMap<>(findings);
            for (Finding f : report.findings()) {
                sum.merge(f.rule(), 1, Integer::sum);
            }
            return new Tally(sum, tonal.plus(TonalFigures.of(report.chorale())));
        }

        public long notes() {
            return tonal.notes();
        }

        public double perThousand(String rule) {
            return tonal.perThousand(findings.getOrDefault(rule, 0));
        }
    }

    /** Bach's figures (empty where Bach did not set the melodies) and Kantor's. */
    public record Result(int chorales, Tally bach, Tally kantor) {
        public long bachNotes() {
            return bach.notes();
        }

        public long kantorNotes() {
            return kantor.notes();
        }

        public double bachPerThousand(String rule) {
            return bach.perThousand(rule);
        }

        public double kantorPerThousand(String rule) {
            return kantor.perThousand(rule);
        }
    }

    private ScoreCheckEvaluation() {
    }

    /** Bach's four-part MusicXML chorales and Kantor's harmonizations of their sopranos (alto, tenor, bass anew). */
    public static Result run(HarmonyModel model, List<Path> files, long seed) {
        VoiceLeadingChecker checker = VoiceLeadingChecker.standard();
        Harmonizer harmonizer = new Harmonizer(model);
        Tally bach = Tally.empty();
        Tally kantor = Tally.empty();
        int chorales = 0;
        for (Path file : files) {
            try {
                ScoreDocument original = ScoreFiles.read(file);
                if (!Harmonizer.isFourPart(original)) {
                    continue;
                }
                VoiceLeadingChecker.Report own = checker.check(original.score(), original.name());
                ScoreDocument ours = harmonizer.regenerate(original, Harmonizer.Region.allBut(0, MeasureLayout.of(original.score()).size()),
                        new Harmonizer.Request(0, 1, seed, GibbsSampler.Settings.defaults())).get(0);
                VoiceLeadingChecker.Report theirs = checker.check(ours.score(), ours.name());
                bach = bach.plus(own);
                kantor = kantor.plus(theirs);
                chorales++;
            } catch (ScoreFileException e) {
                // not four-part writing the checker can read: skipped, as the checker's own evaluation does
            }
        }
        return new Result(chorales, bach, kantor);
    }

    /**
     * The test chorales of the JSB split (piano rolls, no key or spelling): each written out in 4/4 in the key
     * its notes suggest (Krumhansl-Schmuckler), Bach's voices and Kantor's harmonization of the soprano
     * spelled by the same code, so that both are read alike.
     */
    public static Result testSopranos(HarmonyModel model, List<PianoRoll> chorales, long seed) {
        VoiceLeadingChecker checker = VoiceLeadingChecker.standard();
        Harmonizer harmonizer = new Harmonizer(model);
        Tally bach = Tally.empty();
        Tally kantor = Tally.empty();
        int done = 0;
        for (int i = 0; i < chorales.size(); i++) {
            int[][] roll = chorales.get(i).toArray();
            try {
                ScoreDocument melody = sopranoAsScore(roll, "jsb-test-" + (i + 1) + ".musicxml");
                ScoreDocument own = withBachsVoices(melody, roll);
                ScoreDocument ours = harmonizer.harmonize(melody, new Harmonizer.Request(0, 1, seed, GibbsSampler.Settings.defaults())).get(0);
                VoiceLeadingChecker.Report b = checker.check(own.score(), own.name());
                VoiceLeadingChecker.Report k = checker.check(ours.score(), ours.name());
                bach = bach.plus(b);
                kantor = kantor.plus(k);
                done++;
            } catch (ScoreFileException e) {
                // a roll whose soprano rests or leaves the grid: skipped
            }
        }
        return new Result(done, bach, kantor);
    }

    /**
     * Melodies Bach never set: the part {@code part} (by name or number) of each file, harmonized until
     * {@code wanted} have been; files whose melody the harmonizer cannot take (triplets, say) are passed over.
     * Kantor's figures only.
     */
    public static Result melodies(HarmonyModel model, List<Path> files, String part, int wanted, long seed) {
        VoiceLeadingChecker checker = VoiceLeadingChecker.standard();
        Harmonizer harmonizer = new Harmonizer(model);
        Tally kantor = Tally.empty();
        int done = 0;
        for (Path file : files) {
            if (done >= wanted) {
                break;
            }
            try {
                ScoreDocument song = ScoreFiles.read(file);
                ScoreDocument ours = harmonizer.harmonize(song, new Harmonizer.Request(0, 1, seed, GibbsSampler.Settings.defaults(),
                        Harmonizer.Layout.FOUR_STAVES, part)).get(0);
                kantor = kantor.plus(checker.check(ours.score(), ours.name()));
                done++;
            } catch (ScoreFileException e) {
                // a melody the harmonizer cannot take: passed over
            }
        }
        return new Result(done, Tally.empty(), kantor);
    }

    /** The soprano of a JSB roll as a one-part score, in the key its four voices suggest. */
    static ScoreDocument sopranoAsScore(int[][] roll, String name) throws ScoreFileException {
        List<PerformedNote> all = new ArrayList<>();
        for (int v = 0; v < PianoRoll.VOICES; v++) {
            for (int[] run : runs(roll, v)) {
                all.add(new PerformedNote(run[0] / 4.0, run[1] / 4.0, run[2], 80));
            }
        }
        KeySignature key = KeyEstimator.estimate(all);
        int measures = (roll.length + 15) / 16;
        List<MeasureLayout.Slot> slots = MelodyNotation.measures(Rational.ZERO, measures, TimeSignature.COMMON, key, 1);
        List<TimedNote> notes = new ArrayList<>();
        for (int[] run : runs(roll, 0)) {
            notes.add(new TimedNote(run[2], MelodyLine.STEP.times(run[0]), MelodyLine.STEP.times(run[1]), 80, 0, "1", 1, null));
        }
        Score score = MelodyNotation.onePart(notes, slots, "Soprano", new org.kantor.core.Instrument("Soprano", 52, 1, false));
        return ScoreDocument.fromScore(score, name);
    }

    /** The melody's score with Bach's alto, tenor and bass written as the harmonizer writes its own. */
    private static ScoreDocument withBachsVoices(ScoreDocument melody, int[][] roll) throws ScoreFileException {
        List<MeasureLayout.Slot> slots = MeasureLayout.of(melody.score());
        Set<Integer> onsets = new HashSet<>();
        for (int[] run : runs(roll, 0)) {
            onsets.add(run[0]);
        }
        Set<Integer> repeats = Harmonizer.repeatedNoteSteps(RollBatch.beatPhases(roll.length, 0), onsets);
        ScoreDocument doc = melody.copy();
        new NewVoices(roll, repeats, Set.of(), slots).onFourStaves(doc, 0, 0);
        return doc;
    }

    /** Runs of one pitch in a voice: {start step, end step, MIDI pitch}. */
    private static List<int[]> runs(int[][] roll, int voice) {
        List<int[]> runs = new ArrayList<>();
        int t = 0;
        while (t < roll.length) {
            int pitch = roll[t][voice];
            int end = t + 1;
            while (end < roll.length && roll[end][voice] == pitch) {
                end++;
            }
            if (pitch != PianoRoll.SILENT) {
                runs.add(new int[] {t, end, pitch});
            }
            t = end;
        }
        return runs;
    }
}
