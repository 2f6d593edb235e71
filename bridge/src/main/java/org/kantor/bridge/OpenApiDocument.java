package org.kantor.bridge;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.kantor.bridge.tools.Tool;
import org.kantor.bridge.tools.ToolCatalog;
import org.kantor.bridge.tools.ToolParameter;

/** The OpenAPI 3.1 description of the server, built from the same tool catalog the routes use. */
final class OpenApiDocument {

    private OpenApiDocument() {
    }

    static JsonObject of(ToolCatalog catalog, String version, int port) {
        JsonObject doc = new JsonObject();
        doc.addProperty("openapi", "3.1.0");
        JsonObject info = new JsonObject();
        info.addProperty("title", "Kantor local API");
        info.addProperty("version", version);
        info.addProperty("description", "Kantor's tools for notation programs on this computer. Every request except /api/health needs"
                + " \"Authorization: Bearer TOKEN\" (the token file is printed when kantor serve starts). Errors are RFC 9457 problems.");
        doc.add("info", info);
        JsonArray servers = new JsonArray();
        JsonObject server = new JsonObject();
        server.addProperty("url", "http://127.0.0.1:" + port);
        servers.add(server);
        doc.add("servers", servers);

        JsonObject paths = new JsonObject();
        paths.add("/api/health", get("Whether the server runs (no token needed)", "health", false));
        paths.add("/api/tools", get("The tools with their parameters, types and defaults, to build a dialog from", "tools", true));
        paths.add("/api/openapi.json", get("This document", "openapi", true));
        for (Tool tool : catalog.tools()) {
            paths.add("/api/tools/" + tool.name(), toolOperation(tool));
        }
        paths.add("/api/notes/harmonize", noteListOperation());
        doc.add("paths", paths);

        JsonObject components = new JsonObject();
        JsonObject schemes = new JsonObject();
        JsonObject bearer = new JsonObject();
        bearer.addProperty("type", "http");
        bearer.addProperty("scheme", "bearer");
        schemes.add("token", bearer);
        components.add("securitySchemes", schemes);
        JsonObject schemas = new JsonObject();
        schemas.add("Problem", problemSchema());
        components.add("schemas", schemas);
        doc.add("components", components);
        return doc;
    }

    private static JsonObject get(String summary, String id, boolean secured) {
        JsonObject op = new JsonObject();
        op.addProperty("summary", summary);
        op.addProperty("operationId", id);
        if (!secured) {
            op.add("security", new JsonArray());
        } else {
            op.add("security", tokenSecurity());
        }
        JsonObject responses = new JsonObject();
        responses.add("200", response("OK", "application/json", new JsonObject()));
        addProblems(responses, secured);
        op.add("responses", responses);
        JsonObject item = new JsonObject();
        item.add("get", op);
        return item;
    }

    private static JsonObject toolOperation(Tool tool) {
        JsonObject op = new JsonObject();
        op.addProperty("summary", tool.title());
        op.addProperty("description", tool.description());
        op.addProperty("operationId", tool.name());
        op.add("security", tokenSecurity());
        JsonArray parameters = new JsonArray();
        JsonObject form = new JsonObject();
        form.addProperty("type", "object");
        JsonObject formProperties = new JsonObject();
        JsonObject file = new JsonObject();
        file.addProperty("type", "string");
        file.addProperty("contentMediaType", ToolDescriptions.MUSICXML);
        formProperties.add(ScoreUpload.FILE_FIELD, file);
        for (ToolParameter p : tool.parameters()) {
            JsonObject q = new JsonObject();
            q.addProperty("name", p.name());
            q.addProperty("in", "query");
            q.addProperty("description", p.description());
            q.add("schema", ToolDescriptions.schema(p));
            parameters.add(q);
            formProperties.add(p.name(), ToolDescriptions.schema(p));
        }
        form.add("properties", formProperties);
        JsonArray required = new JsonArray();
        required.add(ScoreUpload.FILE_FIELD);
        form.add("required", required);
        op.add("parameters", parameters);

        JsonObject body = new JsonObject();
        body.addProperty("required", true);
        body.addProperty("description", "The score: MusicXML text, a .mxl archive, or a form with the score as \"file\" and the parameters as fields.");
        JsonObject content = new JsonObject();
        content.add(ToolDescriptions.MUSICXML, schemaOf("string", null));
        JsonObject binary = schemaOf("string", null);
        binary.getAsJsonObject("schema").addProperty("contentMediaType", ToolDescriptions.MXL);
        content.add(ToolDescriptions.MXL, binary);
        JsonObject multipart = new JsonObject();
        multipart.add("schema", form);
        content.add("multipart/form-data", multipart);
        body.add("content", content);
        op.add("requestBody", body);

        JsonObject responses = new JsonObject();
        JsonObject ok = new JsonObject();
        ok.addProperty("description", "The result");
        JsonObject okContent = new JsonObject();
        for (String type : tool.produces()) {
            okContent.add(type, schemaOf(type.endsWith("json") ? "object" : "string", null));
        }
        ok.add("content", okContent);
        responses.add("200", ok);
        addProblems(responses, true);
        op.add("responses", responses);
        JsonObject item = new JsonObject();
        item.add("post", op);
        return item;
    }

    private static JsonObject noteListOperation() {
        JsonObject op = new JsonObject();
        op.addProperty("summary", "Harmonize a melody given as a note list (for MuseScore 4, whose plugins cannot exchange files)");
        op.addProperty("description", "Body: {timeSignature: \"4/4\", keyFifths: 0, pickupTicks: 0, given: \"soprano\", seed, temperature,"
                + " notes: [{tick, ticks, pitch, tpc}]} with 480 ticks to a quarter note. Answer: {seed, voices: [{voice, notes: [...]}]}."
                + " See docs/bridge-api.md.");
        op.addProperty("operationId", "harmonizeNotes");
        op.add("security", tokenSecurity());
        JsonObject body = new JsonObject();
        body.addProperty("required", true);
        JsonObject content = new JsonObject();
        content.add("application/json", schemaOf("object", null));
        body.add("content", content);
        op.add("requestBody", body);
        JsonObject responses = new JsonObject();
        responses.add("200", response("The new voices", "application/json", new JsonObject()));
        addProblems(responses, true);
        op.add("responses", responses);
        JsonObject item = new JsonObject();
        item.add("post", op);
        return item;
    }

    private static void addProblems(JsonObject responses, boolean secured) {
        String[][] problems = {
            {"400", "The score or a parameter cannot be used; the detail says which file, measure or value"},
            {"401", "Token missing or wrong"},
            {"403", "Foreign Host or Origin"},
            {"404", "No such tool"},
            {"413", "Body over the size limit"},
            {"429", "Busy: too many requests at once; retry after the Retry-After seconds"},
            {"503", "The request took longer than the time limit"},
        };
        for (String[] p : problems) {
            if (!secured && (p[0].equals("401") || p[0].equals("413") || p[0].equals("429"))) {
                continue;
            }
            JsonObject ref = new JsonObject();
            ref.addProperty("$ref", "#/components/schemas/Problem");
            JsonObject c = new JsonObject();
            JsonObject media = new JsonObject();
            media.add("schema", ref);
            c.add("application/problem+json", media);
            JsonObject r = new JsonObject();
            r.addProperty("description", p[1]);
            r.add("content", c);
            responses.add(p[0], r);
        }
    }

    private static JsonObject problemSchema() {
        JsonObject s = new JsonObject();
        s.addProperty("type", "object");
        JsonObject props = new JsonObject();
        for (String name : new String[] {"type", "title", "detail", "instance"}) {
            JsonObject t = new JsonObject();
            t.addProperty("type", "string");
            props.add(name, t);
        }
        JsonObject status = new JsonObject();
        status.addProperty("type", "integer");
        props.add("status", status);
        s.add("properties", props);
        return s;
    }

    private static JsonArray tokenSecurity() {
        JsonArray security = new JsonArray();
        JsonObject token = new JsonObject();
        token.add("token", new JsonArray());
        security.add(token);
        return security;
    }

    private static JsonObject response(String description, String mediaType, JsonObject schema) {
        JsonObject r = new JsonObject();
        r.addProperty("description", description);
        JsonObject c = new JsonObject();
        JsonObject media = new JsonObject();
        media.add("schema", schema);
        c.add(mediaType, media);
        r.add("content", c);
        return r;
    }

    private static JsonObject schemaOf(String type, String format) {
        JsonObject media = new JsonObject();
        JsonObject schema = new JsonObject();
        schema.addProperty("type", type);
        if (format != null) {
            schema.addProperty("format", format);
        }
        media.add("schema", schema);
        return media;
    }
}
