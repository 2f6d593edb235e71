package org.kantor.harmonizer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kantor.checker.Finding;
import org.kantor.checker.VoiceLeadingChecker;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;

/**
 * What a musician would mark, counted per 1,000 notes with the checker's rules: in Bach's own four-part
 * chorales (spelled MusicXML) and in Kantor's harmonizations of their sopranos (alto, tenor and bass
 * written anew). Chorales that are not four-part writing are skipped.
 */
public final class ScoreCheckEvaluation {

    /** Findings per rule and notes, for Bach and for Kantor. */
    public record Result(int chorales, long bachNotes, long kantorNotes, Map<String, Integer> bach, Map<String, Integer> kantor) {
        public double bachPerThousand(String rule) {
            return bachNotes == 0 ? 0 : 1000.0 * bach.getOrDefault(rule, 0) / bachNotes;
        }

        public double kantorPerThousand(String rule) {
            return kantorNotes == 0 ? 0 : 1000.0 * kantor.getOrDefault(rule, 0) / kantorNotes;
        }
    }

    private ScoreCheckEvaluation() {
    }

    public static Result run(HarmonyModel model, List<Path> files, long seed) {
        VoiceLeadingChecker checker = VoiceLeadingChecker.standard();
        Harmonizer harmonizer = new Harmonizer(model);
        Map<String, Integer> bach = new TreeMap<>();
        Map<String, Integer> kantor = new TreeMap<>();
        long bachNotes = 0;
        long kantorNotes = 0;
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
                count(own, bach);
                count(theirs, kantor);
                bachNotes += own.chorale().noteCount();
                kantorNotes += theirs.chorale().noteCount();
                chorales++;
            } catch (ScoreFileException e) {
                // not four-part writing the checker can read: skipped, as the checker's own evaluation does
            }
        }
        return new Result(chorales, bachNotes, kantorNotes, bach, kantor);
    }

    private static void count(VoiceLeadingChecker.Report report, Map<String, Integer> into) {
        for (Finding f : report.findings()) {
            into.merge(f.rule(), 1, Integer::sum);
        }
    }
}
