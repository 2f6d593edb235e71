package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.kantor.bridge.BridgeServer;
import org.kantor.bridge.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor serve}: the local REST server the MuseScore plugins talk to. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve Kantor's tools on 127.0.0.1 for the MuseScore plugins (kantor plugin install) and other local programs.",
            "Every request except /api/health needs \"Authorization: Bearer TOKEN\"; the token is made at first start and kept in",
            "the token file (only you can read it). The API is described at /api/openapi.json. Stop with Ctrl+C."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "7771", paramLabel = "PORT", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--token-file", paramLabel = "PATH", description = "Where the token is kept (default: ~/.config/kantor/token).")
    Path tokenFile;

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", description = "A web origin allowed to call the server, e.g. http://localhost:3000 (repeatable; default: none).")
    List<String> allowedOrigins;

    @Option(names = "--workers", defaultValue = "2", paramLabel = "N", description = "Tools running at once (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--queue", defaultValue = "8", paramLabel = "N", description = "Requests that may wait; more are answered 429 (default ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--time-limit", defaultValue = "120", paramLabel = "SECONDS", description = "Longest time one request may take; longer ones are stopped with 503 (default ${DEFAULT-VALUE}).")
    int timeLimit;

    @Option(names = "--max-body", defaultValue = "32", paramLabel = "MB", description = "Largest request body; larger ones get 413 (default ${DEFAULT-VALUE}).")
    int maxBody;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535 || workers < 1 || workers > 64 || queue < 0 || queue > 10_000 || timeLimit < 1 || maxBody < 1) {
            throw new Kantor.UserError("--port 0-65535, --workers 1-64, --queue 0-10000, --time-limit and --max-body at least 1");
        }
        Path tokens = ServerToken.file(tokenFile);
        String token = ServerToken.read(tokens);
        ServerSettings settings = ServerSettings.defaults(port, token, tokens)
                .withLimits(workers, queue, Duration.ofSeconds(timeLimit), (long) maxBody << 20)
                .withAllowedOrigins(allowedOrigins == null ? List.of() : allowedOrigins);
        CountDownLatch stopped = new CountDownLatch(1);
        BridgeServer server;
        try {
            server = BridgeServer.start(settings, line -> {
                out.println(line);
                out.flush();
            });
        } catch (java.io.IOException e) {
            throw new Kantor.UserError(e.getMessage(), Kantor.EXIT_BAD_INPUT);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "kantor-serve-stop"));
        out.println("Kantor is serving on " + server.url() + " (tools: " + String.join(", ", server.toolNames()) + "; API: " + server.url() + "/api/openapi.json)");
        out.println("Token file: " + tokens.toAbsolutePath() + " (clients send \"Authorization: Bearer TOKEN\"; kantor plugin install writes it into the plugin)");
        out.println("Press Ctrl+C to stop.");
        out.flush();
        long start = System.nanoTime();
        server.warmUp();
        out.printf(java.util.Locale.ROOT, "warmed up in %.1f s (a melody harmonized); ready%n", (System.nanoTime() - start) / 1e9);
        out.flush();
        stopped.await();
        return Kantor.EXIT_OK;
    }
}
