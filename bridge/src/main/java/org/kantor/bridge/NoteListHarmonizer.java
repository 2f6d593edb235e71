package org.kantor.bridge;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kantor.tools.catalog.HarmonizeService;
import org.kantor.core.Instrument;
import org.kantor.core.KeySignature;
import org.kantor.core.Mode;
import org.kantor.core.Pitch;
import org.kantor.core.Rational;
import org.kantor.core.Step;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TempoMap;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.core.timeline.TimelineToScore;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * Harmonize for MuseScore 4, whose plugins cannot export or open a file: the melody arrives as a list
 * of notes in MuseScore's ticks (480 to a quarter) with its meter and key, and the new voices go back
 * as note lists the plugin writes with its cursor. Schema: docs/bridge-api.md.
 */
final class NoteListHarmonizer {

    static final int TICKS_PER_QUARTER = 480;
    private static final int MAX_NOTES = 20_000;

    private final HarmonizeService service;

    NoteListHarmonizer(HarmonizeService service) {
        this.service = service;
    }

    String harmonize(String json) throws ScoreFileException {
        JsonObject request = parse(json);
        TimeSignature meter = meter(request);
        KeySignature key = new KeySignature(integer(request, "keyFifths", 0, -7, 7), Mode.MAJOR);
        int pickup = integer(request, "pickupTicks", 0, 0, 64 * TICKS_PER_QUARTER);
        List<TimedNote> notes = notes(request);
        Timeline timeline = new Timeline(notes, TempoMap.constant(TempoMap.DEFAULT_TEMPO), List.of(new Timeline.MeterChange(Rational.ZERO, meter)),
                List.of(new Timeline.KeyChange(Rational.ZERO, key)),
                List.of(new Timeline.PartInfo("Melody", 1, Instrument.CHOIR_AAHS)), Rational.of(pickup, TICKS_PER_QUARTER));
        ScoreDocument melody = ScoreDocument.fromScore(TimelineToScore.convert(timeline, TimelineToScore.Options.defaults()), "the selection");

        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : List.of("given", "temperature", "seed", "gibbs-steps")) {
            if (request.has(name) && !request.get(name).isJsonNull()) {
                parameters.put(name, request.get(name).getAsString());
            }
        }
        HarmonizeService.Result result = service.harmonize(melody, HarmonizeService.arguments(parameters, ""), 1);
        return answer(result, parameters.getOrDefault("given", "soprano"));
    }

    private static String answer(HarmonizeService.Result result, String given) {
        Timeline done = ScoreToTimeline.convert(result.scores().get(0).score());
        JsonArray voices = new JsonArray();
        for (String voice : PianoRoll.VOICE_NAMES) {
            if (voice.equals(given.toLowerCase(Locale.ROOT))) {
                continue;
            }
            int part = -1;
            for (int p = 0; p < done.parts().size(); p++) {
                if (done.parts().get(p).name().equalsIgnoreCase(voice)) {
                    part = p;
                }
            }
            JsonArray list = new JsonArray();
            for (TimedNote n : done.notesOfPart(part)) {
                JsonObject o = new JsonObject();
                o.addProperty("tick", ticks(n.onset()));
                o.addProperty("ticks", ticks(n.length()));
                o.addProperty("pitch", n.midi());
                o.addProperty("tpc", n.spelling() == null ? 14 + Pitch.fromMidi(n.midi(), KeySignature.C_MAJOR).fifths() : 14 + n.spelling().fifths());
                list.add(o);
            }
            JsonObject v = new JsonObject();
            v.addProperty("voice", voice);
            v.add("notes", list);
            voices.add(v);
        }
        JsonObject out = new JsonObject();
        out.addProperty("seed", Long.toString(result.seed()));
        out.add("voices", voices);
        return out.toString();
    }

    private static JsonObject parse(String json) {
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw bad("the body must be a JSON object with \"notes\"");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw bad("the body is not valid JSON: " + jsonProblem(e));
        }
    }

    /** Gson's account of bad JSON without the exception class names and the troubleshooting link it adds. */
    static String jsonProblem(JsonParseException e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? "it cannot be parsed" : t.getMessage();
        m = m.replaceAll("([a-z]+\\.)+[A-Z][A-Za-z]*(Exception|Error): ", "");
        int link = m.indexOf("\nSee ");
        if (link < 0) {
            link = m.indexOf(" See http");
        }
        return (link >= 0 ? m.substring(0, link) : m).strip();
    }

    private static TimeSignature meter(JsonObject request) {
        String text = request.has("timeSignature") && request.get("timeSignature").isJsonPrimitive()
                ? request.get("timeSignature").getAsString() : request.has("timeSignature") ? String.valueOf(request.get("timeSignature")) : "4/4";
        try {
            return TimeSignature.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad("timeSignature must be written like 4/4 or 6/8, not \"" + text + "\"");
        }
    }

    private static List<TimedNote> notes(JsonObject request) {
        if (!request.has("notes") || !request.get("notes").isJsonArray()) {
            throw bad("\"notes\" is missing: send the selected melody as a list of {tick, ticks, pitch, tpc}");
        }
        JsonArray array = request.getAsJsonArray("notes");
        if (array.isEmpty()) {
            throw bad("the selection has no notes: select the melody (a staff, some measures) and try again");
        }
        if (array.size() > MAX_NOTES) {
            throw bad("the selection has " + array.size() + " notes; the harmonizer takes up to " + MAX_NOTES);
        }
        List<TimedNote> notes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isJsonObject()) {
                throw bad("note " + (i + 1) + " is not an object {tick, ticks, pitch, tpc}");
            }
            JsonObject n = array.get(i).getAsJsonObject();
            String which = "note " + (i + 1);
            int tick = integer(n, "tick", null, 0, Integer.MAX_VALUE / 2, which);
            int length = integer(n, "ticks", null, 1, 64 * TICKS_PER_QUARTER, which);
            int midi = integer(n, "pitch", null, 0, 127, which);
            Pitch spelling = n.has("tpc") ? spelling(integer(n, "tpc", null, -1, 33, which), midi) : null;
            notes.add(new TimedNote(midi, Rational.of(tick, TICKS_PER_QUARTER), Rational.of(tick + length, TICKS_PER_QUARTER),
                    ScoreToTimeline.DEFAULT_VELOCITY, 0, "1", 1, spelling));
        }
        return notes;
    }

    /** MuseScore's tonal pitch class (C = 14, G = 15, F = 13: the line of fifths) and the MIDI pitch, as a spelled pitch. */
    static Pitch spelling(int tpc, int midi) {
        int fifths = tpc - 14;
        for (Step step : Step.values()) {
            int rest = fifths - step.fifthsFromC();
            if (Math.floorMod(rest, 7) == 0) {
                int alter = rest / 7;
                int octave = Math.floorDiv(midi - alter - step.semitonesAboveC(), 12) - 1;
                Pitch p = Pitch.of(step, alter, octave);
                return p.midi() == midi ? p : null;
            }
        }
        return null;
    }

    private static int ticks(Rational quarters) {
        return (int) quarters.times(TICKS_PER_QUARTER).floor();
    }

    private static int integer(JsonObject o, String name, Integer fallback, int min, int max) {
        return integer(o, name, fallback, min, max, "the request");
    }

    private static int integer(JsonObject o, String name, Integer fallback, int min, int max, String which) {
        if (!o.has(name) || o.get(name).isJsonNull()) {
            if (fallback == null) {
                throw bad(which + " has no \"" + name + "\"");
            }
            return fallback;
        }
        int value;
        try {
            value = o.get(name).getAsInt();
        } catch (RuntimeException e) {
            throw bad(which + ": \"" + name + "\" must be a whole number");
        }
        if (value < min || value > max) {
            throw bad(which + ": \"" + name + "\" must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    private static ProblemException bad(String detail) {
        return new ProblemException(400, "bad-note-list", "Bad note list", detail);
    }
}
