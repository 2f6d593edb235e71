package org.kantor.studio;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/** The checker's report (its JSON, docs/checker-json.md) as lines a student reads and clicks: where, which rule, which voices, why. */
record CheckFindings(String summary, List<Finding> findings) {

    /** The voices as the checker names them, soprano first. */
    static final List<String> VOICES = List.of("soprano", "alto", "tenor", "bass");

    /** One finding: the measure as printed, the beat (from 1), the voices (0 soprano to 3 bass), and the line shown. */
    record Finding(String measure, double beat, List<Integer> voices, String rule, String text) {
    }

    static CheckFindings parse(String json) {
        JsonObject report = JsonParser.parseString(json).getAsJsonObject();
        List<Finding> findings = new ArrayList<>();
        for (JsonElement e : report.getAsJsonArray("findings")) {
            JsonObject f = e.getAsJsonObject();
            List<String> voices = new ArrayList<>();
            f.getAsJsonArray("voices").forEach(v -> voices.add(v.getAsString()));
            String measure = f.get("measure").getAsString();
            double beat = f.get("beat").getAsDouble();
            String beatText = beat == Math.rint(beat) ? Long.toString(Math.round(beat)) : Double.toString(beat);
            findings.add(new Finding(measure, beat, voices.stream().map(VOICES::indexOf).filter(v -> v >= 0).toList(), f.get("rule").getAsString(), "m. " + measure + ", beat " + beatText + "  "
                    + f.get("severity").getAsString() + "  " + f.get("rule").getAsString() + " (" + String.join(", ", voices) + "): "
                    + f.get("message").getAsString()));
        }
        long errors = findings.stream().filter(f -> f.text().contains("  error  ")).count();
        String summary = report.get("key").getAsString() + ", " + report.get("notes").getAsInt() + " notes: " + errors + " errors, "
                + (findings.size() - errors) + " warnings";
        return new CheckFindings(summary, findings);
    }
}
