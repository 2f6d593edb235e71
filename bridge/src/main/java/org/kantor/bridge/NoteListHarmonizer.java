package org.kantor.bridge;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kantor.core.Rational;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.Timeline;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.tools.catalog.HarmonizeService;

/**
 * Harmonize for MuseScore 4, whose plugins cannot export or open a file: the melody arrives as a list
 * of notes with its meter and key ({@link NoteLists}), and the new voices go back as note lists the
 * plugin writes with its cursor. Schema: docs/bridge-api.md.
 */
final class NoteListHarmonizer {

    private final HarmonizeService service;

    NoteListHarmonizer(HarmonizeService service) {
        this.service = service;
    }

    String harmonize(String json) throws ScoreFileException {
        JsonObject request = NoteLists.parse(json);
        NoteLists.Frame frame = NoteLists.frame(request);
        ScoreDocument melody = NoteLists.score(frame, List.of("Melody"), List.of(NoteLists.notes(request, "notes", "the selection")),
                "the selection");
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
            JsonObject v = new JsonObject();
            v.addProperty("voice", voice);
            v.add("notes", NoteLists.toJson(done.notesOfPart(part), Rational.ZERO));
            voices.add(v);
        }
        JsonObject out = new JsonObject();
        out.addProperty("seed", Long.toString(result.seed()));
        out.add("voices", voices);
        return out.toString();
    }
}
