package org.kantor.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.kantor.core.Score;
import org.kantor.musicxml.ScoreFileException;

/** Checks four-part writing against the rules chosen, and reads its chords and cadences. */
public final class VoiceLeadingChecker {

    /** The report on one score; {@code ranges} says which voice ranges were applied, e.g. "Bach's ranges: soprano C4-A5, ...". */
    public record Report(Chorale chorale, List<Finding> findings, List<Cadence> cadences, String ranges) {
    }

    private final List<Rule> rules;
    private final String rangesText;

    /**
     * @param ruleIds the rules to apply (null: all of them)
     * @param ranges each voice's range, soprano first
     */
    public VoiceLeadingChecker(Set<String> ruleIds, VoiceRange[] ranges) {
        this(ruleIds, ranges, "ranges");
    }

    /** @param rangesName what the ranges are called in the report, e.g. "Bach's ranges" */
    public VoiceLeadingChecker(Set<String> ruleIds, VoiceRange[] ranges, String rangesName) {
        StringBuilder text = new StringBuilder(rangesName).append(':');
        for (int v = 0; v < ranges.length; v++) {
            text.append(v == 0 ? " " : ", ").append(ranges[v].voice()).append(' ')
                    .append(org.kantor.core.Pitch.fromMidi(ranges[v].low(), org.kantor.core.KeySignature.C_MAJOR)).append('-')
                    .append(org.kantor.core.Pitch.fromMidi(ranges[v].high(), org.kantor.core.KeySignature.C_MAJOR));
        }
        this.rangesText = text.toString();
        List<Rule> chosen = new ArrayList<>();
        for (Rule r : Rules.all(ranges)) {
            if (ruleIds == null || ruleIds.contains(r.id())) {
                chosen.add(r);
            }
        }
        this.rules = List.copyOf(chosen);
    }

    /** All rules, Bach's ranges (the default: Bach's own chorales are not faulted for their compass). */
    public static VoiceLeadingChecker standard() {
        return new VoiceLeadingChecker(null, VoiceRange.BACH, VoiceRange.Preset.BACH_RANGES.description());
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
        return new Report(chorale, List.copyOf(findings), Cadence.find(chorale), rangesText);
    }
}
