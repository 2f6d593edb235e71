package org.kantor.models.harmony;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSB Chorales data set in 16th-note steps (Boulanger-Lewandowski's split, as Coconet used it):
 * train 229, valid 76, test 77 chorales. Each chorale is a list of steps of [S, A, T, B] MIDI pitches.
 */
public record JsbChorales(List<PianoRoll> train, List<PianoRoll> valid, List<PianoRoll> test) {

    public static final String FILE = "Jsb16thSeparated.json";

    public static JsbChorales load(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonObject root = JsonParser.parseReader(reader).getAsJsonObject();
            return new JsbChorales(split(root, "train"), split(root, "valid"), split(root, "test"));
        } catch (RuntimeException e) {
            throw new IOException(file + ": not the JSB chorales JSON expected (" + e.getMessage() + ")", e);
        }
    }

    private static List<PianoRoll> split(JsonObject root, String name) {
        List<PianoRoll> out = new ArrayList<>();
        for (JsonElement chorale : root.getAsJsonArray(name)) {
            JsonArray steps = chorale.getAsJsonArray();
            int[][] pitches = new int[steps.size()][PianoRoll.VOICES];
            for (int t = 0; t < steps.size(); t++) {
                JsonArray voices = steps.get(t).getAsJsonArray();
                for (int v = 0; v < PianoRoll.VOICES; v++) {
                    int p = v < voices.size() ? (int) Math.round(voices.get(v).getAsDouble()) : PianoRoll.SILENT;
                    pitches[t][v] = p < PianoRoll.LOWEST || p > PianoRoll.HIGHEST ? PianoRoll.SILENT : p;
                }
            }
            out.add(new PianoRoll(pitches));
        }
        return out;
    }
}
