package org.kantor.bridge;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own answers (a request with no Host header, a path with "..", a request line it cannot parse)
 * as problem+json like every other answer of the server, instead of Jetty's HTML error page.
 */
final class ProblemErrorHandler extends ErrorHandler {

    static final String MEDIA_TYPE = "application/problem+json; charset=utf-8";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, MEDIA_TYPE);
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int status, String reason) {
        JsonObject p = new JsonObject();
        p.addProperty("type", "urn:kantor:problem:" + (status >= 500 ? "internal" : "bad-request"));
        p.addProperty("title", status >= 500 ? "Internal error" : "Request refused");
        p.addProperty("status", status);
        p.addProperty("detail", "the request cannot be answered" + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")
                + "; the API is described at /api/openapi.json");
        return p.toString().getBytes(StandardCharsets.UTF_8);
    }
}
