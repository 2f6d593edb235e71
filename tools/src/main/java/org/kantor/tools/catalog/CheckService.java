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
            ToolParameter.text("ranges", "Other ranges for voices, comma-separated, e.g. tenor=C3-A4,alto=F3-D5 (default: textbook ranges)."),
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
        return new VoiceLeadingChecker(chosen, ranges(args.list("ranges"), args.label("ranges")));
    }

    public static VoiceLeadingChecker.Report check(ScoreDocument doc, ToolArguments args) throws ScoreFileException {
        return checker(args).check(doc.score(), doc.name());
    }

    /** A copy of the score with the report's findings, numerals and cadences written in. */
    public static ScoreDocument annotated(ScoreDocument doc, VoiceLeadingChecker.Report report) throws ScoreFileException {
        ScoreDocument copy = doc.copy();
        CheckAnnotations.apply(copy, report);
        return copy;
    }

    private static VoiceRange[] ranges(List<String> ranges, String label) {
        VoiceRange[] result = VoiceRange.TEXTBOOK.clone();
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
