package org.kantor.models.tfjs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One operation of a TensorFlow.js graph model: its name, its op type, the names of the values it
 * reads, and its attributes as the converter wrote them (strings base64-encoded, integers as strings).
 */
public record GraphNode(String name, String op, List<String> inputs, JsonObject attributes) {

    static GraphNode of(JsonObject json) {
        List<String> inputs = new ArrayList<>();
        if (json.has("input")) {
            for (JsonElement input : json.getAsJsonArray("input")) {
                String name = input.getAsString();
                if (!name.startsWith("^")) { // control dependencies carry no value
                    inputs.add(name);
                }
            }
        }
        JsonObject attributes = json.has("attr") ? json.getAsJsonObject("attr") : new JsonObject();
        return new GraphNode(json.get("name").getAsString(), json.get("op").getAsString(), List.copyOf(inputs), attributes);
    }

    /** A string attribute such as padding ("SAME", "VALID") or data_format. */
    String text(String attribute, String fallback) {
        JsonObject value = attributes.getAsJsonObject(attribute);
        if (value == null || !value.has("s")) {
            return fallback;
        }
        return decode(value.get("s").getAsString());
    }

    /** A list of strings, such as the fused ops of _FusedConv2D. */
    List<String> texts(String attribute) {
        List<String> result = new ArrayList<>();
        JsonArray list = listOf(attribute, "s");
        if (list != null) {
            list.forEach(s -> result.add(decode(s.getAsString())));
        }
        return result;
    }

    long integer(String attribute, long fallback) {
        JsonObject value = attributes.getAsJsonObject(attribute);
        return value == null || !value.has("i") ? fallback : value.get("i").getAsLong();
    }

    int[] integers(String attribute) {
        JsonArray list = listOf(attribute, "i");
        if (list == null) {
            return new int[0];
        }
        int[] result = new int[list.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = list.get(i).getAsInt();
        }
        return result;
    }

    boolean flag(String attribute, boolean fallback) {
        JsonObject value = attributes.getAsJsonObject(attribute);
        return value == null || !value.has("b") ? fallback : value.get("b").getAsBoolean();
    }

    private JsonArray listOf(String attribute, String kind) {
        JsonObject value = attributes.getAsJsonObject(attribute);
        if (value == null || !value.has("list")) {
            return null;
        }
        JsonObject list = value.getAsJsonObject("list");
        return list.has(kind) ? list.getAsJsonArray(kind) : null;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
