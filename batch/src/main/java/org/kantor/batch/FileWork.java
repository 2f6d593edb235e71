package org.kantor.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.kantor.checker.Finding;
import org.kantor.checker.MelodyLine;
import org.kantor.checker.VoiceLeadingChecker;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.tools.catalog.CheckService;
import org.kantor.tools.catalog.ConvertTool;
import org.kantor.tools.catalog.Tool;
import org.kantor.tools.catalog.ToolArguments;
import org.kantor.tools.catalog.ToolFile;
import org.kantor.tools.catalog.ToolRequest;
import org.kantor.tools.catalog.ToolResult;

/**
 * A catalog tool on one file, as a batch run needs it: the output to write, with its extension, and the figures for the
 * results table. Check writes each submission back annotated (the faulty notes coloured and labelled) unless JSON is asked
 * for, and counts its findings per rule; every other tool answers as it does anywhere else, its facts as figures.
 */
final class FileWork {

    /** What one file gives: the output's bytes and extension, and its figures. */
    record Outcome(byte[] output, String extension, Map<String, String> figures) {
    }

    /** The figure that holds a submission's findings in a line, for the teacher's report. */
    static final String FINDINGS_LINE = "findings list";

    private FileWork() {
    }

    static Outcome run(Tool tool, ToolFile file, Map<String, String> given, DoubleConsumer progress) throws ScoreFileException {
        if (tool.name().equals(CheckService.NAME) && !"json".equals(given.get("format"))) {
            return annotatedCheck(file, CheckService.arguments(given, ""));
        }
        ToolArguments arguments = ToolArguments.of(tool.name(), tool.parameters(), given, "");
        ToolResult result = tool.run(new ToolRequest(List.of(file), arguments, progress));
        return new Outcome(result.body(), extension(result.mediaType()), result.facts());
    }

    private static Outcome annotatedCheck(ToolFile file, ToolArguments arguments) throws ScoreFileException {
        ScoreDocument score = file.score();
        VoiceLeadingChecker.Report report = CheckService.check(score, arguments);
        Map<String, String> figures = new LinkedHashMap<>(CheckService.findingCounts(report));
        StringBuilder line = new StringBuilder();
        for (Finding f : report.findings()) {
            line.append(line.length() == 0 ? "" : " | ").append("m. ").append(f.measure()).append(" beat ")
                    .append(MelodyLine.beatText(f.beat())).append(": ").append(f.message());
        }
        figures.put("errors", Long.toString(report.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count()));
        figures.put(FINDINGS_LINE, line.toString());
        return new Outcome(MusicXmlWriter.toBytes(CheckService.annotated(score, report)), "musicxml", figures);
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case ToolResult.MUSICXML -> "musicxml";
            case ConvertTool.MXL -> "mxl";
            case ToolResult.MIDI -> "mid";
            case ToolResult.JSON -> "json";
            default -> mediaType.replaceAll(".*[/+]", "").toLowerCase(Locale.ROOT);
        };
    }
}
