package org.kantor.bridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who may talk to the server. Any web page the user opens can send requests to 127.0.0.1, so: the
 * Host must name this server (a rebound DNS name does not), a browser's Origin must be absent or
 * allowed (no cross-site requests), and every request but the health check carries the token.
 */
final class AccessGuard {

    private final List<String> hosts;
    private final List<String> allowedOrigins;
    private final byte[] token;
    private final String tokenFile;

    AccessGuard(int port, List<String> allowedOrigins, String token, String tokenFile) {
        this.hosts = List.of("127.0.0.1:" + port, "localhost:" + port);
        this.allowedOrigins = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
        this.token = token.getBytes(StandardCharsets.US_ASCII);
        this.tokenFile = tokenFile;
    }

    void checkHostAndOrigin(String host, String origin) {
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw new ProblemException(403, "host-not-allowed", "Host not allowed",
                    "this server answers only requests addressed to " + hosts.get(0) + " or " + hosts.get(1) + ", not to \"" + host + "\"");
        }
        if (origin != null && !isAllowedOrigin(origin)) {
            throw new ProblemException(403, "origin-not-allowed", "Origin not allowed",
                    "requests from web pages (Origin " + origin + ") are refused; start the server with --allow-origin " + origin
                            + " to allow this one");
        }
    }

    boolean isAllowedOrigin(String origin) {
        return origin != null && allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
    }

    void checkToken(String authorization) {
        String fix = "send the header \"Authorization: Bearer TOKEN\" with the token kept in " + tokenFile
                + " (kantor plugin install writes it into the MuseScore plugin)";
        if (authorization == null || authorization.isBlank()) {
            throw new ProblemException(401, "token-missing", "Token missing", "no token: " + fix, Map.of("WWW-Authenticate", "Bearer"));
        }
        String given = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : "";
        // constant-time comparison: the time taken says nothing about how much of the token was right
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII), token)) {
            throw new ProblemException(401, "token-wrong", "Wrong token",
                    "the token does not match this server's: " + fix + "; if the server was started with another --token-file,"
                            + " reinstall the plugin", Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
    }
}
