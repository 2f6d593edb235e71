package org.kantor.checker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.kantor.core.Score;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;

/**
 * How good the checker is, on real chorales: (1) faults of every rule injected into correct chorales
 * ({@link ErrorInjector}), with recall (injections found where they were made) and precision (new
 * findings of the rule that are at an injected place); (2) the rate of each rule per note in Bach's own
 * chorales; (3) speed, chorales per second.
 */
public final class CheckerEvaluation {

    /** Injections of one rule and what the checker made of them. */
    public record RuleScore(String rule, int injections, int detected, int truePositives, int falsePositives) {
        public double recall() {
            return injections == 0 ? Double.NaN : (double) detected / injections;
        }

        public double precision() {
            return truePositives + falsePositives == 0 ? Double.NaN : (double) truePositives / (truePositives + falsePositives);
        }
    }

    public record Result(List<RuleScore> injected, int chorales, int skipped, long notes, Map<String, Integer> bachCounts,
                         double checkSeconds, double readSeconds) {
        public double ratePerNote(String rule) {
            return notes == 0 ? 0 : bachCounts.getOrDefault(rule, 0) / (double) notes;
        }
    }

    private CheckerEvaluation() {
    }

    public static Result run(List<Path> files, long seed, Consumer<String> progress) {
        VoiceLeadingChecker checker = VoiceLeadingChecker.standard();
        Map<String, int[]> scores = new LinkedHashMap<>();
        Rules.IDS.forEach(r -> scores.put(r, new int[4]));
        Map<String, Integer> counts = new HashMap<>();
        Random random = new Random(seed);
        int chorales = 0;
        int skipped = 0;
        long notes = 0;
        double checkSeconds = 0;
        double readSeconds = 0;
        for (Path file : files) {
            long t0 = System.nanoTime();
            Score score;
            Chorale chorale;
            VoiceLeadingChecker.Report report;
            try {
                score = ScoreFiles.read(file).score();
                long t1 = System.nanoTime();
                chorale = Chorale.of(score, file.getFileName().toString());
                report = checker.check(chorale);
                long t2 = System.nanoTime();
                readSeconds += (t1 - t0) / 1e9;
                checkSeconds += (t2 - t1) / 1e9;
            } catch (ScoreFileException e) {
                skipped++;
                continue;
            }
            chorales++;
            notes += chorale.noteCount();
            report.findings().forEach(f -> counts.merge(f.rule(), 1, Integer::sum));
            for (String rule : Rules.IDS) {
                ErrorInjector.Injection injection = ErrorInjector.inject(chorale, rule, random, report.findings());
                if (injection != null) {
                    score(injection, score, chorale, report, checker, scores.get(rule));
                }
            }
            if (progress != null && chorales % 25 == 0) {
                progress.accept(chorales + " chorales checked");
            }
        }
        List<RuleScore> injected = new ArrayList<>();
        scores.forEach((rule, s) -> injected.add(new RuleScore(rule, s[0], s[1], s[2], s[3])));
        return new Result(injected, chorales, skipped, notes, counts, checkSeconds, readSeconds);
    }

    /** Compares the findings on the chorale with the fault injected to those on the untouched chorale. */
    private static void score(ErrorInjector.Injection injection, Score score, Chorale original, VoiceLeadingChecker.Report before,
                              VoiceLeadingChecker checker, int[] tally) {
        VoiceLeadingChecker.Report after;
        try {
            after = checker.check(Chorale.of(ErrorInjector.apply(score, original, injection), original.file()));
        } catch (ScoreFileException e) {
            return;
        }
        Map<String, Integer> old = new HashMap<>();
        for (Finding f : before.findings()) {
            old.merge(key(f), 1, Integer::sum);
        }
        SungNote changed = injection.note();
        int truePositives = 0;
        int falsePositives = 0;
        for (Finding f : after.findings()) {
            String k = key(f);
            if (old.getOrDefault(k, 0) > 0) {
                old.merge(k, -1, Integer::sum);
                continue;
            }
            if (!f.rule().equals(injection.rule())) {
                continue;
            }
            boolean atTheChange = !f.at().onset().lessThan(changed.onset()) && !f.at().onset().greaterThan(changed.end())
                    && f.voices().contains(changed.voice())
                    || f.marked().stream().anyMatch(n -> n.voice() == changed.voice() && n.onset().equals(changed.onset()));
            if (atTheChange) {
                truePositives++;
            } else {
                falsePositives++;
            }
        }
        tally[0]++;
        tally[1] += truePositives > 0 ? 1 : 0;
        tally[2] += truePositives;
        tally[3] += falsePositives;
    }

    private static String key(Finding f) {
        return f.rule() + "@" + f.at().onset() + f.voices();
    }
}
