package org.kantor.bridge;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
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
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * Music as MuseScore 4's plugins exchange it: notes as {tick, ticks, pitch, tpc} in MuseScore's ticks
 * (480 to a quarter), with the meter, key and pickup of the selection. Reading them (every value
 * checked, with a message naming the note and field) and writing them back. Schema: docs/bridge-api.md.
 */
final class NoteLists {

    static final int TICKS_PER_QUARTER = 480;
    private static final int MAX_NOTES = 20_000;

    /** What the plugin sent about where the music stands: meter, key, pickup. */
    record Frame(TimeSignature meter, KeySignature key, int pickupTicks) {
    }

    private NoteLists() {
    }

    static JsonObject parse(String json) {
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

    static Frame frame(JsonObject request) {
        String text = request.has("timeSignature") && request.get("timeSignature").isJsonPrimitive()
                ? request.get("timeSignature").getAsString() : request.has("timeSignature") ? String.valueOf(request.get("timeSignature")) : "4/4";
        TimeSignature meter;
        try {
            meter = TimeSignature.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad("timeSignature must be written like 4/4 or 6/8, not \"" + text + "\"");
        }
        KeySignature key = new KeySignature(integer(request, "keyFifths", 0, -7, 7, "the request"), Mode.MAJOR);
        return new Frame(meter, key, integer(request, "pickupTicks", 0, 0, 64 * TICKS_PER_QUARTER, "the request"));
    }

    /** The notes in {@code field} of {@code o}; {@code what} names the list in messages ("the selection", "the alto"). */
    static List<TimedNote> notes(JsonObject o, String field, String what) {
        if (!o.has(field) || !o.get(field).isJsonArray()) {
            throw bad("\"" + field + "\" is missing: send " + what + " as a list of {tick, ticks, pitch, tpc}");
        }
        JsonArray array = o.getAsJsonArray(field);
        if (array.isEmpty()) {
            throw bad(what + " has no notes: select the music (a staff, some measures) and try again");
        }
        if (array.size() > MAX_NOTES) {
            throw bad(what + " has " + array.size() + " notes; Kantor takes up to " + MAX_NOTES);
        }
        List<TimedNote> notes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String which = what + ", note " + (i + 1);
            if (!array.get(i).isJsonObject()) {
                throw bad(which + " is not an object {tick, ticks, pitch, tpc}");
            }
            JsonObject n = array.get(i).getAsJsonObject();
            int tick = integer(n, "tick", null, 0, Integer.MAX_VALUE / 2, which);
            int length = integer(n, "ticks", null, 1, 64 * TICKS_PER_QUARTER, which);
            int midi = integer(n, "pitch", null, 0, 127, which);
            Pitch spelling = n.has("tpc") ? spelling(integer(n, "tpc", null, -1, 33, which), midi) : null;
            notes.add(new TimedNote(midi, Rational.of(tick, TICKS_PER_QUARTER), Rational.of(tick + length, TICKS_PER_QUARTER),
                    ScoreToTimeline.DEFAULT_VELOCITY, 0, "1", 1, spelling));
        }
        return notes;
    }

    /** A score of one part per note list, named as given, in the frame sent. */
    static ScoreDocument score(Frame frame, List<String> partNames, List<List<TimedNote>> parts, String name) throws ScoreFileException {
        List<TimedNote> all = new ArrayList<>();
        List<Timeline.PartInfo> infos = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            for (TimedNote n : parts.get(p)) {
                all.add(new TimedNote(n.midi(), n.onset(), n.offset(), n.velocity(), p, n.voice(), n.staff(), n.spelling()));
            }
            infos.add(new Timeline.PartInfo(partNames.get(p), 1, Instrument.CHOIR_AAHS));
        }
        Timeline timeline = new Timeline(all, TempoMap.constant(TempoMap.DEFAULT_TEMPO), List.of(new Timeline.MeterChange(Rational.ZERO, frame.meter())),
                List.of(new Timeline.KeyChange(Rational.ZERO, frame.key())), infos, Rational.of(frame.pickupTicks(), TICKS_PER_QUARTER));
        return ScoreDocument.fromScore(TimelineToScore.convert(timeline, TimelineToScore.Options.defaults()), name);
    }

    /** Notes as the plugin writes them, their ticks counted from {@code from} (in quarters). */
    static JsonArray toJson(List<TimedNote> notes, Rational from) {
        JsonArray list = new JsonArray();
        for (TimedNote n : notes) {
            JsonObject o = new JsonObject();
            o.addProperty("tick", ticks(n.onset().minus(from)));
            o.addProperty("ticks", ticks(n.length()));
            o.addProperty("pitch", n.midi());
            o.addProperty("tpc", n.spelling() == null ? 14 + Pitch.fromMidi(n.midi(), KeySignature.C_MAJOR).fifths() : 14 + n.spelling().fifths());
            list.add(o);
        }
        return list;
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

    static int ticks(Rational quarters) {
        return (int) quarters.times(TICKS_PER_QUARTER).floor();
    }

    static int integer(JsonObject o, String name, Integer fallback, int min, int max, String which) {
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

    static ProblemException bad(String detail) {
        return new ProblemException(400, "bad-note-list", "Bad note list", detail);
    }
}
