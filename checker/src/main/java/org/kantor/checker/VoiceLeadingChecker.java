package org.kantor.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.kantor.core.Score;
import org.kantor.checker.VoiceRange;
import org.kantor.musicxml.ScoreFileException;

/** Checks four-part writing against the rules chosen, and reads its chords and cadences. */
public final class VoiceLeadingChecker {

    /** The report on one score. */
    public record Report(Chorale chorale, List<Finding> findings, List<Cadence> cadences) {
    }

    private final List<Rule> rules;

    /**
     * @param ruleIds the rules to apply (null: all of them)
     * @param ranges each voice's range, soprano first
     */
    public VoiceLeadingChecker(Set<String> ruleIds, VoiceRange[] ranges) {
        List<Rule> chosen = new ArrayList<>();
        for (Rule r : Rules.all(ranges)) {
            if (ruleIds == null || ruleIds.contains(r.id())) {
                chosen.add(r);
            }
        }
        this.rules = List.copyOf(chosen);
    }

    /** All rules, textbook ranges. */
    public static VoiceLeadingChecker standard() {
        return new VoiceLeadingChecker(null, VoiceRange.TEXTBOOK);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Report check(Score score, String file) throws ScoreFileException {
        return check(Chorale.of(score, file));
    }

    public Report check(Chorale chorale) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            rule.check(chorale, findings);
        }
        findings.sort(Comparator.comparing((Finding f) -> f.at().onset()).thenComparing(f -> Rules.IDS.indexOf(f.rule())));
        return new Report(chorale, List.copyOf(findings), Cadence.find(chorale));
    }
}
