package org.kantor.bridge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the server runs: its port (0 = any free one), the token and where it is kept, the web origins
 * allowed to call it besides none, the largest request body, how many tools run at once and how many
 * may wait, and how long one request may take.
 */
public record ServerSettings(int port, String token, Path tokenFile, List<String> allowedOrigins, long maxBodyBytes, int workers,
                             int waiting, Duration timeLimit) {

    public static final int DEFAULT_PORT = 7771;
    public static final long DEFAULT_MAX_BODY = 32L << 20;
    /** The longest recording one transcription takes: ten minutes, a few minutes of work on two cores. */
    public static final double MAX_RECORDING_SECONDS = 600;
    /** Jobs held at once (waiting, running, or finished and not yet fetched), how long one may run, and how long a result waits. */
    public static final int JOBS_HELD = 8;
    public static final Duration JOB_TIME_LIMIT = Duration.ofMinutes(20);
    public static final Duration KEEP_FINISHED_JOBS = Duration.ofMinutes(10);

    public ServerSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        if (workers < 1 || waiting < 0) {
            throw new IllegalArgumentException("at least one worker, and no negative queue");
        }
    }

    /** Defaults for this machine: two tools at once, eight waiting, two minutes each. */
    public static ServerSettings defaults(int port, String token, Path tokenFile) {
        return new ServerSettings(port, token, tokenFile, List.of(), DEFAULT_MAX_BODY, 2, 8, Duration.ofMinutes(2));
    }

    public ServerSettings withLimits(int newWorkers, int newWaiting, Duration newTimeLimit, long newMaxBody) {
        return new ServerSettings(port, token, tokenFile, allowedOrigins, newMaxBody, newWorkers, newWaiting, newTimeLimit);
    }

    public ServerSettings withAllowedOrigins(List<String> origins) {
        return new ServerSettings(port, token, tokenFile, origins, maxBodyBytes, workers, waiting, timeLimit);
    }
}
