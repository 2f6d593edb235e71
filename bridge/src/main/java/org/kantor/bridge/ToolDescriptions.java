package org.kantor.bridge;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.kantor.bridge.tools.Tool;
import org.kantor.bridge.tools.ToolCatalog;
import org.kantor.bridge.tools.ToolParameter;

/** The tools as JSON: what {@code GET /api/tools} answers, and the parameter schemas the OpenAPI document reuses. */
final class ToolDescriptions {

    static final String MUSICXML = "application/vnd.recordare.musicxml+xml";
    static final String MXL = "application/vnd.recordare.musicxml";

    private ToolDescriptions() {
    }

    static JsonObject catalog(ToolCatalog catalog) {
        JsonArray tools = new JsonArray();
        for (Tool tool : catalog.tools()) {
            JsonObject t = new JsonObject();
            t.addProperty("name", tool.name());
            t.addProperty("title", tool.title());
            t.addProperty("description", tool.description());
            t.addProperty("endpoint", "/api/tools/" + tool.name());
            JsonArray consumes = new JsonArray();
            consumes.add(MUSICXML);
            consumes.add(MXL);
            consumes.add("multipart/form-data");
            t.add("consumes", consumes);
            JsonArray produces = new JsonArray();
            tool.produces().forEach(produces::add);
            t.add("produces", produces);
            JsonArray parameters = new JsonArray();
            for (ToolParameter p : tool.parameters()) {
                JsonObject o = schema(p);
                o.addProperty("name", p.name());
                o.addProperty("description", p.description());
                parameters.add(o);
            }
            t.add("parameters", parameters);
            tools.add(t);
        }
        JsonObject out = new JsonObject();
        out.add("tools", tools);
        return out;
    }

    /** A JSON Schema for one parameter: type, default, enum, minimum, maximum. */
    static JsonObject schema(ToolParameter p) {
        JsonObject o = new JsonObject();
        o.addProperty("type", p.type().jsonName());
        if (p.defaultValue() != null) {
            switch (p.type()) {
                case INTEGER -> o.addProperty("default", Long.parseLong(p.defaultValue()));
                case NUMBER -> o.addProperty("default", Double.parseDouble(p.defaultValue()));
                case BOOLEAN -> o.addProperty("default", Boolean.parseBoolean(p.defaultValue()));
                default -> o.addProperty("default", p.defaultValue());
            }
        }
        if (!p.choices().isEmpty()) {
            JsonArray e = new JsonArray();
            p.choices().forEach(e::add);
            o.add("enum", e);
        }
        if (p.minimum() != null && p.minimum() > -9.0e18) {
            o.addProperty("minimum", p.type() == ToolParameter.Type.INTEGER ? (Number) p.minimum().longValue() : p.minimum());
        }
        if (p.maximum() != null && p.maximum() < 9.0e18) {
            o.addProperty("maximum", p.type() == ToolParameter.Type.INTEGER ? (Number) p.maximum().longValue() : p.maximum());
        }
        return o;
    }
}
