package org.kantor.bridge;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.kantor.tools.catalog.Tool;
import org.kantor.tools.catalog.ToolCatalog;
import org.kantor.tools.catalog.ToolInput;
import org.kantor.tools.catalog.ToolParameter;

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
        for (Tool tool : catalog.tools()) {
            paths.add("/api/jobs/" + tool.name(), jobStart(tool));
        }
        paths.add("/api/jobs/{id}", jobState());
        paths.add("/api/jobs/{id}/result", jobResult());
        paths.add("/api/notes/harmonize", noteListOperation("harmonize", "Harmonize a melody given as a note list (for MuseScore 4, whose"
                + " plugins cannot exchange files)", "Body: {timeSignature: \"4/4\", keyFifths: 0, pickupTicks: 0, given: \"soprano\", seed,"
                + " temperature, notes: [{tick, ticks, pitch, tpc}]} with 480 ticks to a quarter note. Answer: {seed, voices: [{voice, notes:"
                + " [...]}]}. See docs/bridge-api.md."));
        paths.add("/api/notes/check", noteListOperation("check", "Check four voices given as note lists (MuseScore 4)",
                "Body: {timeSignature, keyFifths, pickupTicks, voices: {soprano: [notes], alto: [...], tenor: [...], bass: [...]}, rules,"
                        + " ranges}. Answer: {key, errors, warnings, findings: [{rule, severity, tick, voices, message}]}."));
        paths.add("/api/notes/continue", noteListOperation("continue", "Continue a melody given as a note list (MuseScore 4)",
                "Body: {timeSignature, keyFifths, pickupTicks, notes, measures, temperature, seed}. Answer: {seed, notes} with ticks"
                        + " counted from the end of the melody's last measure."));
        paths.add("/api/notes/generate", noteListOperation("generate", "Generate a melody as a note list (MuseScore 4)",
                "Body: {timeSignature, keyFifths, measures: 2, 4, 8 or 16, temperature, seed}. Answer: {seed, notes} from tick 0."));
        paths.add("/api/notes/interpolate", noteListOperation("interpolate", "Interpolate between two openings given as note lists (MuseScore 4)",
                "Body: {timeSignature, keyFifths, first: [notes of two measures], second: [notes of two measures], steps}. Answer: {steps,"
                        + " notes} for the steps between, two measures each, ticks counted from the first step."));
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
        JsonArray required = new JsonArray();
        for (String field : ToolDescriptions.fileFields(tool.takes())) {
            JsonObject file = new JsonObject();
            file.addProperty("type", "string");
            file.addProperty("contentMediaType", tool.takes() == ToolInput.RECORDING ? "application/octet-stream" : ToolDescriptions.MUSICXML);
            formProperties.add(field, file);
            required.add(field);
        }
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
        form.add("required", required);
        op.add("parameters", parameters);

        JsonObject body = new JsonObject();
        body.addProperty("required", tool.takes() != ToolInput.NOTHING);
        JsonObject content = new JsonObject();
        switch (tool.takes()) {
            case SCORE -> {
                body.addProperty("description", "The score: MusicXML text, a .mxl archive, a MIDI file, or a form with the score as \"file\""
                        + " and the parameters as fields.");
                content.add(ToolDescriptions.MUSICXML, schemaOf("string", null));
                content.add(ToolDescriptions.MXL, binary(ToolDescriptions.MXL));
            }
            case RECORDING -> {
                body.addProperty("description", "The recording (WAV, FLAC, MP3, Ogg Vorbis) or MIDI file as the body, or a form with it as"
                        + " \"file\". At most " + Math.round(ServerSettings.MAX_RECORDING_SECONDS) + " s (longer: 422).");
                content.add("application/octet-stream", binary("application/octet-stream"));
            }
            case TWO_SCORES -> body.addProperty("description", "A form with the score to start from as \"file\" and the one to arrive at as"
                    + " \"second\"; parameters as fields or in the query.");
            case NOTHING -> body.addProperty("description", "Nothing: the parameters go in the query string (or as form fields).");
        }
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

    /** The same request as the tool's, answered at once with a job to poll. */
    private static JsonObject jobStart(Tool tool) {
        JsonObject item = toolOperation(tool);
        JsonObject op = item.getAsJsonObject("post");
        op.addProperty("summary", tool.title() + " as a job");
        op.addProperty("description", "Starts " + tool.title() + " and answers 202 at once with the job (Location: its address). Poll"
                + " GET /api/jobs/{id} for its state (queued, running, done, failed, cancelled) and progress (0-1), DELETE it to cancel,"
                + " and fetch GET /api/jobs/{id}/result once.");
        op.addProperty("operationId", "start-" + tool.name());
        JsonObject responses = new JsonObject();
        responses.add("202", response("The job, started", "application/json", jobSchema()));
        addProblems(responses, true);
        op.add("responses", responses);
        return item;
    }

    private static JsonObject jobState() {
        JsonObject item = new JsonObject();
        for (String method : new String[] {"get", "delete"}) {
            JsonObject op = new JsonObject();
            op.addProperty("summary", method.equals("get") ? "A job's state and progress" : "Cancel a job (or forget a finished one)");
            op.addProperty("operationId", method + "-job");
            op.add("security", tokenSecurity());
            op.add("parameters", idParameter());
            JsonObject responses = new JsonObject();
            responses.add("200", response("The job", "application/json", jobSchema()));
            addProblems(responses, true);
            op.add("responses", responses);
            item.add(method, op);
        }
        return item;
    }

    private static JsonObject jobResult() {
        JsonObject op = new JsonObject();
        op.addProperty("summary", "A finished job's result, handed out once");
        op.addProperty("description", "The tool's answer as POST /api/tools/{tool} gives it; a failed job answers its problem. 409 while it"
                + " runs, 410 when cancelled, 404 once fetched.");
        op.addProperty("operationId", "job-result");
        op.add("security", tokenSecurity());
        op.add("parameters", idParameter());
        JsonObject responses = new JsonObject();
        JsonObject ok = new JsonObject();
        ok.addProperty("description", "The result: a score, MIDI or a report, with the facts as X-Kantor-* headers");
        responses.add("200", ok);
        addProblems(responses, true);
        responses.add("409", response("Not finished yet", "application/problem+json", problemRef()));
        responses.add("410", response("The job was cancelled", "application/problem+json", problemRef()));
        op.add("responses", responses);
        JsonObject item = new JsonObject();
        item.add("get", op);
        return item;
    }

    private static JsonArray idParameter() {
        JsonObject id = new JsonObject();
        id.addProperty("name", "id");
        id.addProperty("in", "path");
        id.addProperty("required", true);
        JsonObject type = new JsonObject();
        type.addProperty("type", "string");
        id.add("schema", type);
        JsonArray parameters = new JsonArray();
        parameters.add(id);
        return parameters;
    }

    private static JsonObject jobSchema() {
        JsonObject s = new JsonObject();
        s.addProperty("type", "object");
        JsonObject props = new JsonObject();
        for (String name : new String[] {"id", "tool", "state", "status", "result"}) {
            JsonObject t = new JsonObject();
            t.addProperty("type", "string");
            props.add(name, t);
        }
        JsonObject progress = new JsonObject();
        progress.addProperty("type", "number");
        props.add("progress", progress);
        props.add("problem", problemRef());
        s.add("properties", props);
        return s;
    }

    private static JsonObject problemRef() {
        JsonObject ref = new JsonObject();
        ref.addProperty("$ref", "#/components/schemas/Problem");
        return ref;
    }

    private static JsonObject binary(String mediaType) {
        JsonObject binary = schemaOf("string", null);
        binary.getAsJsonObject("schema").addProperty("contentMediaType", mediaType);
        return binary;
    }

    private static JsonObject noteListOperation(String tool, String summary, String description) {
        JsonObject op = new JsonObject();
        op.addProperty("summary", summary);
        op.addProperty("description", description);
        op.addProperty("operationId", tool + "Notes");
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
            {"422", "Recording longer than the server takes"},
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
