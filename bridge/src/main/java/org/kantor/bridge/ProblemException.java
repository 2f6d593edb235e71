package org.kantor.bridge;

import java.util.Map;

/**
 * An error answered as an RFC 9457 problem: HTTP status, a stable type a client can branch on, a
 * title, and a detail that tells the user what to do. Never a stack trace.
 */
public final class ProblemException extends RuntimeException {

    /** The type URIs are {@code urn:kantor:problem:} followed by this slug. */
    private final String slug;
    private final int status;
    private final String title;
    private final Map<String, String> headers;

    public ProblemException(int status, String slug, String title, String detail, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String type() {
        return "urn:kantor:problem:" + slug;
    }

    public String title() {
        return title;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
