package org.kantor.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kantor.checker.Finding;
import org.kantor.checker.MelodyLine;
import org.kantor.checker.ReportJson;
import org.kantor.checker.VoiceLeadingChecker;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.musicxml.ScoreFormat;
import org.kantor.tools.catalog.CheckService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kantor check}: voice-leading faults, roman numerals and cadences of four-part writing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Check four-part writing for voice-leading faults, with roman numerals and cadences.",
        description = {"Check four-part writing (SATB on four staves, or on two staves with two voices each) for voice-leading faults:",
            "parallel, contrary and hidden fifths and octaves, crossing, overlap, spacing, range, leading tone and seventh",
            "resolution, doubled leading tone, augmented seconds and leaps over an octave; label the chords with roman numerals",
            "and find the cadences. Rule definitions: docs/checker-rules.md."},
        footer = {"", "Rules: " + "parallel-fifths, parallel-octaves, contrary-fifths, contrary-octaves, hidden-fifths, hidden-octaves,",
            "voice-crossing, voice-overlap, spacing, range, leading-tone, seventh-resolution, doubled-leading-tone, augmented-second, large-leap"})
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "IN", description = "Scores to check (.musicxml, .xml, .mxl, .mid).")
    List<Path> inputs;

    @Option(names = "--json", description = "Print the report as JSON (schema: docs/checker-json.md); an array when several files are checked.")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Write the score with the faulty notes coloured, a short text at each finding and the roman numerals under the bass.")
    Path output;

    @Option(names = "--rules", split = ",", paramLabel = "RULE", description = "Only these rules (ids as listed below).")
    List<String> rules;

    @Option(names = "--range-preset", defaultValue = "bach", paramLabel = "PRESET",
            description = "Voice ranges: bach (the compass of Bach's chorales, default) or textbook (C4-G5, G3-D5, C3-G4, E2-C4, as students are graded).")
    String rangePreset;

    @Option(names = "--range", paramLabel = "VOICE=LOW-HIGH", description = "Another range for a voice on top of the preset, e.g. tenor=C3-A4 (repeatable).")
    List<String> ranges;

    @Option(names = "--overwrite", description = "Allow replacing an existing output file.")
    boolean overwrite;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> given = new LinkedHashMap<>();
        given.put("rules", rules == null ? null : String.join(",", rules));
        given.put("ranges", ranges == null ? null : String.join(",", ranges));
        given.put("range-preset", rangePreset);
        VoiceLeadingChecker checker = CheckService.checker(CheckService.arguments(given, "--"));
        if (output != null && inputs.size() != 1) {
            throw new Kantor.UserError("-o writes one annotated score: give one input with it");
        }
        ScoreFormat format = null;
        if (output != null) {
            format = ScoreFormat.ofFile(output);
            if (format == null || format == ScoreFormat.MIDI) {
                throw new Kantor.UserError("the annotated score is MusicXML: name it .musicxml or .mxl, not " + output.getFileName());
            }
            OutputNames.refuseToOverwrite(inputs.get(0), output, overwrite);
        }
        JsonArray reports = new JsonArray();
        int failed = 0;
        for (Path input : inputs) {
            try {
                ScoreDocument doc = ScoreFiles.read(input);
                VoiceLeadingChecker.Report report = checker.check(doc.score(), input.toString());
                if (json) {
                    reports.add(ReportJson.of(report));
                } else {
                    print(report, out);
                }
                if (output != null) {
                    ScoreFiles.write(CheckService.annotated(doc, report), output, format);
                    if (!json) {
                        out.println("annotated score: " + output);
                    }
                }
            } catch (ScoreFileException e) {
                if (inputs.size() == 1) {
                    throw e;
                }
                err.println("kantor: " + e.getMessage());
                failed++;
            }
        }
        if (json) {
            var gson = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();
            out.println(gson.toJson(reports.size() == 1 && inputs.size() == 1 ? reports.get(0) : reports));
        }
        return failed == 0 ? Kantor.EXIT_OK : Kantor.EXIT_BAD_INPUT;
    }

    private static void print(VoiceLeadingChecker.Report report, PrintWriter out) {
        long errors = report.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
        long warnings = report.findings().size() - errors;
        out.println(report.chorale().file() + ": " + report.chorale().key().displayName() + ", " + report.chorale().noteCount() + " notes, "
                + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings") + " (" + report.ranges() + ")");
        for (Finding f : report.findings()) {
            out.printf(Locale.ROOT, "  m. %-4s beat %-5s %-7s %-20s %s%n", f.measure(), MelodyLine.beatText(f.beat()), f.severity().label(), f.rule(), f.message());
        }
        StringBuilder cadences = new StringBuilder();
        report.cadences().forEach(c -> cadences.append(cadences.length() == 0 ? "" : "; ").append("m. ").append(c.measure()).append(' ')
                .append(c.type()).append(" (").append(c.progression()).append(')'));
        if (cadences.length() > 0) {
            out.println("  cadences: " + cadences);
        }
    }
}
