package org.kantor.bridge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Consumer;

/** One line per request: when, what, which tool, bytes in and out, milliseconds, status and outcome. */
final class RequestLog {

    private final Consumer<String> sink;

    RequestLog(Consumer<String> sink) {
        this.sink = sink;
    }

    void log(String method, String path, String tool, long bytesIn, long bytesOut, double millis, int status, String outcome) {
        sink.accept(String.format(Locale.ROOT, "%s %s %s tool=%s in=%dB out=%dB %.0fms %d %s",
                Instant.now().truncatedTo(ChronoUnit.MILLIS), method, path, tool == null ? "-" : tool, bytesIn, bytesOut, millis, status,
                outcome));
    }
}
