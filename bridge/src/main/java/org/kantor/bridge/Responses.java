package org.kantor.bridge;

import com.google.gson.JsonObject;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** How the server answers: a body with its media type, JSON, or an RFC 9457 problem; and what the request log reads back. */
final class Responses {

    private Responses() {
    }

    static void json(Context ctx, String json) {
        send(ctx, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    static void send(Context ctx, byte[] body, String mediaType) {
        ctx.attribute("bytesOut", (long) body.length);
        ctx.attribute("outcome", "ok");
        ctx.contentType(mediaType.startsWith("application/json") || mediaType.endsWith("+xml") ? mediaType + "; charset=utf-8" : mediaType);
        ctx.result(body);
    }

    /** An RFC 9457 problem as JSON; {@code instance} is the address it concerns. */
    static JsonObject problemJson(ProblemException e, String instance) {
        JsonObject p = new JsonObject();
        p.addProperty("type", e.type());
        p.addProperty("title", e.title());
        p.addProperty("status", e.status());
        p.addProperty("detail", e.getMessage());
        p.addProperty("instance", instance);
        return p;
    }

    static void problem(Context ctx, ProblemException e) {
        byte[] body = problemJson(e, ctx.path()).toString().getBytes(StandardCharsets.UTF_8);
        e.headers().forEach(ctx::header);
        ctx.status(e.status());
        ctx.attribute("bytesOut", (long) body.length);
        ctx.attribute("outcome", e.slug());
        ctx.contentType("application/problem+json; charset=utf-8");
        ctx.result(body);
    }

    static boolean isProblem(Context ctx) {
        return ctx.attribute("outcome") != null;
    }

    static long bytesOut(Context ctx) {
        Long n = ctx.attribute("bytesOut");
        return n == null ? 0 : n;
    }

    static String outcome(Context ctx) {
        String o = ctx.attribute("outcome");
        return o == null ? (ctx.statusCode() < 400 ? "ok" : "error") : o;
    }
}
