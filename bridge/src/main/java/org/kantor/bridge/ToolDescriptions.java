package org.kantor.bridge;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.kantor.tools.catalog.Tool;
import org.kantor.tools.catalog.ToolCatalog;
import org.kantor.tools.catalog.ToolInput;
import org.kantor.tools.catalog.ToolParameter;

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
            t.addProperty("takes", tool.takes().jsonName());
            JsonArray files = new JsonArray();
            fileFields(tool.takes()).forEach(files::add);
            t.add("files", files);
            JsonArray consumes = new JsonArray();
            if (tool.takes() == ToolInput.SCORE) {
                consumes.add(MUSICXML);
                consumes.add(MXL);
            } else if (tool.takes() == ToolInput.RECORDING) {
                consumes.add("application/octet-stream");
            }
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

    /** The form fields a tool's files go in. */
    static java.util.List<String> fileFields(ToolInput takes) {
        return switch (takes) {
            case SCORE, RECORDING -> java.util.List.of(ScoreUpload.FILE_FIELD);
            case TWO_SCORES -> java.util.List.of(ScoreUpload.FILE_FIELD, ScoreUpload.SECOND_FIELD);
            case NOTHING -> java.util.List.of();
        };
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
