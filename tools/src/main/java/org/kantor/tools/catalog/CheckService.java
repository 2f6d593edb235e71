package org.kantor.tools.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kantor.core.Pitch;
import org.kantor.checker.VoiceRange;
import org.kantor.checker.CheckAnnotations;
import org.kantor.checker.Rules;
import org.kantor.checker.VoiceLeadingChecker;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/** The voice-leading checker as a service, for {@code kantor check} and for the server alike. */
public final class CheckService {

    public static final String NAME = "check";

    public static final List<ToolParameter> PARAMETERS = List.of(
            ToolParameter.text("rules", "Only these rules, comma-separated (default: all): " + String.join(", ", Rules.IDS) + "."),
            ToolParameter.choice("range-preset", "bach", "The voice ranges: bach (the compass of Bach's chorales: soprano C4-A5, alto F3-D5,"
                    + " tenor C3-A4, bass C2-E4) or textbook (what students are graded on: C4-G5, G3-D5, C3-G4, E2-C4).", "bach", "textbook"),
            ToolParameter.text("ranges", "Other ranges for some voices on top of the preset, comma-separated, e.g. tenor=C3-A4,alto=F3-D5."),
            ToolParameter.choice("format", "json", "json: the findings, roman numerals and cadences (schema: docs/checker-json.md);"
                    + " musicxml: the score with the faulty notes coloured and labelled and the numerals under the bass.", "json", "musicxml"));

    private CheckService() {
    }

    /** @param prefix "--" for the command line's option names, "" for the server's parameters */
    public static ToolArguments arguments(java.util.Map<String, String> given, String prefix) {
        return ToolArguments.of(NAME, PARAMETERS, given, prefix);
    }

    /** A checker with the rules and ranges asked for. */
    public static VoiceLeadingChecker checker(ToolArguments args) {
        Set<String> chosen = null;
        if (args.given("rules")) {
            chosen = new LinkedHashSet<>();
            for (String r : args.list("rules")) {
                String id = r.toLowerCase(Locale.ROOT);
                if (!Rules.IDS.contains(id)) {
                    throw ToolInputException.parameter(args.label("rules") + ": unknown rule \"" + r + "\"; the rules are " + String.join(", ", Rules.IDS));
                }
                chosen.add(id);
            }
        }
        VoiceRange.Preset preset = VoiceRange.Preset.named(args.text("range-preset"));
        List<String> overrides = args.list("ranges");
        return new VoiceLeadingChecker(chosen, ranges(preset.ranges(), overrides, args.label("ranges")),
                preset.description() + (overrides.isEmpty() ? "" : " with " + String.join(", ", overrides)));
    }

    public static VoiceLeadingChecker.Report check(ScoreDocument doc, ToolArguments args) throws ScoreFileException {
        return checker(args).check(doc.score(), doc.name());
    }

    /** A report in figures for a table: {@code findings}, then {@code findings RULE} for each rule that found something. */
    public static java.util.Map<String, String> findingCounts(VoiceLeadingChecker.Report report) {
        java.util.Map<String, String> figures = new java.util.LinkedHashMap<>();
        figures.put("findings", Integer.toString(report.findings().size()));
        java.util.Map<String, Integer> perRule = new java.util.TreeMap<>();
        report.findings().forEach(f -> perRule.merge(f.rule(), 1, Integer::sum));
        perRule.forEach((rule, count) -> figures.put("findings " + rule, Integer.toString(count)));
        return figures;
    }

    /** A copy of the score with the report's findings, numerals and cadences written in. */
    public static ScoreDocument annotated(ScoreDocument doc, VoiceLeadingChecker.Report report) throws ScoreFileException {
        ScoreDocument copy = doc.copy();
        CheckAnnotations.apply(copy, report);
        return copy;
    }

    private static VoiceRange[] ranges(VoiceRange[] preset, List<String> ranges, String label) {
        VoiceRange[] result = preset.clone();
        for (String r : ranges) {
            String[] parts = r.split("[=-]");
            int voice = parts.length == 3 ? List.of(PianoRoll.VOICE_NAMES).indexOf(parts[0].trim().toLowerCase(Locale.ROOT)) : -1;
            Pitch low;
            Pitch high;
            try {
                low = voice < 0 ? null : Pitch.parse(parts[1].trim());
                high = voice < 0 ? null : Pitch.parse(parts[2].trim());
            } catch (IllegalArgumentException e) {
                low = null;
                high = null;
            }
            if (low == null || high == null || low.midi() > high.midi()) {
                throw ToolInputException.parameter(label + " takes VOICE=LOW-HIGH with pitches such as C3 or F#5, e.g. tenor=C3-A4, not \"" + r + "\"");
            }
            result[voice] = new VoiceRange(result[voice].voice(), low.midi(), high.midi());
        }
        return result;
    }
}
