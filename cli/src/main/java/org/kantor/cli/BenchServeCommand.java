package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.kantor.bridge.BridgeServer;
import org.kantor.bridge.LoadTest;
import org.kantor.bridge.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor bench serve}: a bounded load on a server started for the run, over loopback. */
@Command(name = "serve", header = "Latency, throughput and errors of a local server under a bounded load.", mixinStandardHelpOptions = true,
        description = {"Start a server on a free port and load it: N clients x M mixed requests (health, tool list, check,",
            "annotated check, harmonize, a malformed score). Prints p50/p95 latency, throughput, errors (429s are the",
            "intended back-pressure) and the heap after the run."})
final class BenchServeCommand implements Callable<Integer> {

    @Option(names = "--clients", defaultValue = "8", paramLabel = "N", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", defaultValue = "50", paramLabel = "M", description = "Requests per client (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--melody", defaultValue = "examples/melody.musicxml", paramLabel = "FILE", description = "Melody to harmonize (default ${DEFAULT-VALUE}).")
    Path melodyFile;

    @Option(names = "--chorale", defaultValue = "examples/chorale.musicxml", paramLabel = "FILE", description = "Chorale to check (default ${DEFAULT-VALUE}).")
    Path choraleFile;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (clients < 1 || clients > 256 || requests < 1 || requests > 10_000) {
            throw new Kantor.UserError("--clients 1-256 and --requests 1-10000");
        }
        byte[] melody = read(melodyFile);
        byte[] chorale = read(choraleFile);
        Path folder = Files.createTempDirectory("kantor-bench-serve");
        Path tokenFile = folder.resolve("token");
        String token = ServerToken.read(tokenFile);
        java.util.concurrent.atomic.AtomicLong logged = new java.util.concurrent.atomic.AtomicLong();
        ServerSettings settings = ServerSettings.defaults(0, token, tokenFile).withLimits(2, 8, Duration.ofMinutes(2), ServerSettings.DEFAULT_MAX_BODY);
        try (BridgeServer server = BridgeServer.start(settings, line -> logged.incrementAndGet())) {
            server.warmUp();
            out.println("server on " + server.url() + ": 2 workers, 8 waiting; " + clients + " clients x " + requests + " requests");
            out.flush();
            LoadTest.Report report = LoadTest.run(server.url(), token, clients, requests, melody, chorale);
            out.print(report.table());
            // the log line is written just after the answer is sent: give the last ones a moment
            for (int i = 0; i < 100 && logged.get() < report.requests(); i++) {
                Thread.sleep(10);
            }
            System.gc();
            Runtime rt = Runtime.getRuntime();
            out.printf("heap after the run (after a GC): %d MB used of %d MB; %d request lines logged%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20, logged.get());
            return report.errors() == 0 ? Kantor.EXIT_OK : Kantor.EXIT_BAD_INPUT;
        } finally {
            Files.deleteIfExists(tokenFile);
            Files.deleteIfExists(folder);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new Kantor.UserError("cannot read " + file + " (run from the project folder, or give --melody and --chorale)", Kantor.EXIT_BAD_INPUT);
        }
    }
}
