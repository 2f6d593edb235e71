package org.kantor.checker;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.kantor.core.Pitch;

/**
 * The checker's report as JSON, in the schema documented in docs/checker-json.md (stable for tools):
 * file, key, notes, findings (rule, severity, measure as printed, beat from 1, voices, pitches,
 * message), chords (measure, beat, numeral, root, quality, inversion, pitches) and cadences.
 */
public final class ReportJson {

    /** Bumped only when a field changes meaning or disappears. */
    public static final int SCHEMA_VERSION = 1;

    private ReportJson() {
    }

    public static JsonObject of(VoiceLeadingChecker.Report report) {
        Chorale chorale = report.chorale();
        JsonObject json = new JsonObject();
        json.addProperty("schema", SCHEMA_VERSION);
        json.addProperty("file", chorale.file());
        json.addProperty("key", chorale.key().displayName());
        json.addProperty("notes", chorale.noteCount());
        json.addProperty("ranges", report.ranges());
        JsonArray findings = new JsonArray();
        for (Finding f : report.findings()) {
            JsonObject o = new JsonObject();
            o.addProperty("rule", f.rule());
            o.addProperty("severity", f.severity().label());
            o.addProperty("measure", f.measure());
            addBeat(o, f.beat());
            o.add("voices", strings(f.voiceNames().toArray(new String[0])));
            o.add("pitches", strings(f.pitches().stream().map(ReportJson::name).toArray(String[]::new)));
            o.addProperty("message", f.message());
            findings.add(o);
        }
        json.add("findings", findings);
        JsonArray chords = new JsonArray();
        for (Sonority s : chorale.sonorities()) {
            var measure = chorale.measures().get(s.measure());
            JsonObject o = new JsonObject();
            o.addProperty("measure", measure.number());
            addBeat(o, Chorale.beat(measure, s.onset().minus(measure.start())));
            o.addProperty("numeral", s.numeral() == null ? null : s.numeral().text());
            o.addProperty("root", s.chord() == null ? null : s.chord().root().nameWithoutOctave());
            o.addProperty("quality", s.chord() == null ? null : s.chord().quality().description());
            if (s.chord() != null) {
                o.addProperty("inversion", s.chord().inversion());
            }
            o.add("pitches", strings(s.pitches().stream().map(ReportJson::name).toArray(String[]::new)));
            chords.add(o);
        }
        json.add("chords", chords);
        JsonArray cadences = new JsonArray();
        for (Cadence c : report.cadences()) {
            JsonObject o = new JsonObject();
            o.addProperty("measure", c.measure());
            addBeat(o, c.beat());
            o.addProperty("type", c.type());
            o.addProperty("progression", c.progression());
            cadences.add(o);
        }
        json.add("cadences", cadences);
        return json;
    }

    /** A whole beat as an integer (3), a fraction as a decimal (2.5). */
    private static void addBeat(JsonObject o, double beat) {
        if (Math.abs(beat - Math.rint(beat)) < 1e-9) {
            o.addProperty("beat", Math.round(beat));
        } else {
            o.addProperty("beat", Math.round(beat * 1000) / 1000.0);
        }
    }

    private static String name(Pitch p) {
        return p == null ? null : p.toString();
    }

    private static JsonArray strings(String[] values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }
}
