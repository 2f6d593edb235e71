package org.kantor.bridge;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kantor.core.Rational;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.checker.Finding;
import org.kantor.checker.VoiceLeadingChecker;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.tools.catalog.CheckService;
import org.kantor.tools.catalog.ContinueTool;
import org.kantor.tools.catalog.GenerateTool;
import org.kantor.tools.catalog.InterpolateTool;
import org.kantor.tools.catalog.StandardTools;
import org.kantor.tools.catalog.Tool;
import org.kantor.tools.catalog.ToolArguments;

/**
 * Check, Continue, Generate and Interpolate for MuseScore 4's plugins, in note lists ({@link NoteLists}):
 * the music the plugin read with its cursor becomes a score, the catalog's tool works on it as it does for
 * every front end (on the score itself, not written and read back), and the answer goes back as notes (or
 * findings) placed by tick, for the cursor to write.
 */
final class NoteListTools {

    static final List<String> TOOLS = List.of("check", "continue", "generate", "interpolate");

    private final StandardTools tools;

    NoteListTools(StandardTools tools) {
        this.tools = tools;
    }

    String run(String name, String json) throws ScoreFileException {
        JsonObject request = NoteLists.parse(json);
        NoteLists.Frame frame = NoteLists.frame(request);
        return switch (name) {
            case "check" -> check(request, frame);
            case "continue" -> continueMelody(request, frame);
            case "generate" -> generate(request, frame);
            case "interpolate" -> interpolate(request, frame);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The four voices checked; each finding placed at its tick, with the voices it concerns. */
    private String check(JsonObject request, NoteLists.Frame frame) throws ScoreFileException {
        List<String> names = new ArrayList<>();
        List<List<TimedNote>> parts = new ArrayList<>();
        for (String voice : PianoRoll.VOICE_NAMES) {
            names.add(voice.substring(0, 1).toUpperCase(Locale.ROOT) + voice.substring(1));
            parts.add(NoteLists.notes(voices(request), voice, "the " + voice));
        }
        ScoreDocument chorale = NoteLists.score(frame, names, parts, "the selection");
        VoiceLeadingChecker.Report report = CheckService.check(chorale, arguments(tools.check(), request, Map.of()));
        JsonArray findings = new JsonArray();
        int errors = 0;
        for (Finding f : report.findings()) {
            JsonObject o = new JsonObject();
            o.addProperty("rule", f.rule());
            o.addProperty("severity", f.severity().label());
            o.addProperty("tick", NoteLists.ticks(f.at().onset()));
            JsonArray voices = new JsonArray();
            f.voiceNames().forEach(voices::add);
            o.add("voices", voices);
            o.addProperty("message", f.message());
            findings.add(o);
            errors += f.severity() == Finding.Severity.ERROR ? 1 : 0;
        }
        JsonObject out = new JsonObject();
        out.addProperty("key", report.chorale().key().displayName());
        out.addProperty("errors", errors);
        out.addProperty("warnings", report.findings().size() - errors);
        out.add("findings", findings);
        return out.toString();
    }

    /** The voices sent, as an object {soprano: [...], alto: [...], ...}. */
    private static JsonObject voices(JsonObject request) {
        if (!request.has("voices") || !request.get("voices").isJsonObject()) {
            throw NoteLists.bad("\"voices\" is missing: send {soprano: [...], alto: [...], tenor: [...], bass: [...]} as note lists");
        }
        return request.getAsJsonObject("voices");
    }

    /** New measures after the melody: the notes counted from the end of its last measure. */
    private String continueMelody(JsonObject request, NoteLists.Frame frame) throws ScoreFileException {
        ScoreDocument melody = NoteLists.score(frame, List.of("Melody"), List.of(NoteLists.notes(request, "notes", "the selection")),
                "the selection");
        List<MeasureLayout.Slot> slots = MeasureLayout.of(melody.score());
        Rational end = slots.get(slots.size() - 1).end();
        ContinueTool tool = tools.continuation();
        ToolArguments arguments = arguments(tool, request, Map.of());
        long seed = arguments.seed();
        List<TimedNote> added = new ArrayList<>();
        for (TimedNote n : melodyOf(tool.continueScore(melody, arguments, 1, seed).get(0))) {
            if (n.onset().compareTo(end) >= 0) {
                added.add(n);
            }
        }
        return answer(seed, NoteLists.toJson(added, end), null);
    }

    /** A new melody from tick 0. */
    private String generate(JsonObject request, NoteLists.Frame frame) throws ScoreFileException {
        GenerateTool tool = tools.generation();
        ToolArguments arguments = arguments(tool, request, Map.of("key", frame.key().displayName(), "time", frame.meter().toString()));
        long seed = arguments.seed();
        ScoreDocument melody = tool.generate(arguments, 1, seed, "generated").get(0);
        return answer(seed, NoteLists.toJson(melodyOf(melody), Rational.ZERO), null);
    }

    /** The steps between the opening two measures of {@code first} and of {@code second}, counted from the first step. */
    private String interpolate(JsonObject request, NoteLists.Frame frame) throws ScoreFileException {
        NoteLists.Frame plain = new NoteLists.Frame(frame.meter(), frame.key(), 0);
        ScoreDocument a = NoteLists.score(plain, List.of("Melody"), List.of(NoteLists.notes(request, "first", "the first two measures")), "the start");
        ScoreDocument b = NoteLists.score(plain, List.of("Melody"), List.of(NoteLists.notes(request, "second", "the last two measures")), "the goal");
        InterpolateTool tool = tools.interpolation();
        ToolArguments arguments = arguments(tool, request, Map.of());
        ScoreDocument walk = tool.interpolate(a, b, arguments, "interpolation");
        Rational two = frame.meter().measureLength().times(Rational.of(2));
        Rational from = two;
        Rational to = two.times(Rational.of(arguments.whole("steps") + 1));
        List<TimedNote> steps = new ArrayList<>();
        for (TimedNote n : melodyOf(walk)) {
            if (n.onset().compareTo(from) >= 0 && n.onset().compareTo(to) < 0) {
                steps.add(n);
            }
        }
        return answer(null, NoteLists.toJson(steps, from), arguments.whole("steps").intValue());
    }

    private static List<TimedNote> melodyOf(ScoreDocument score) {
        return ScoreToTimeline.convert(score.score()).notesOfPart(0);
    }

    private static String answer(Long seed, JsonArray notes, Integer steps) {
        JsonObject out = new JsonObject();
        if (seed != null) {
            out.addProperty("seed", Long.toString(seed));
        }
        if (steps != null) {
            out.addProperty("steps", steps);
        }
        out.add("notes", notes);
        return out.toString();
    }

    /** The tool's own parameters as far as the request gives them (the note lists and frame are not parameters). */
    private static ToolArguments arguments(Tool tool, JsonObject request, Map<String, String> extra) {
        Map<String, String> given = new LinkedHashMap<>();
        tool.parameters().forEach(p -> {
            if (request.has(p.name()) && !request.get(p.name()).isJsonNull() && request.get(p.name()).isJsonPrimitive()) {
                given.put(p.name(), request.get(p.name()).getAsString());
            }
        });
        given.putAll(extra);
        ToolArguments arguments = ToolArguments.of(tool.name(), tool.parameters(), given, "");
        tool.check(arguments);
        return arguments;
    }
}
