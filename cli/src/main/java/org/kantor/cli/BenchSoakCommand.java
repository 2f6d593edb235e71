package org.kantor.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kantor.bridge.BridgeServer;
import org.kantor.bridge.ServerSettings;
import org.kantor.musicxml.KantorData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kantor bench soak}: every tool of a server started for the run, round after round, with the
 * heap after a full GC and the process's resident memory printed as it goes: a server that leaks shows
 * a rising line, one that does not a flat one.
 */
@Command(name = "soak", header = "Every tool over HTTP for many rounds; heap after GC and resident memory as they go.", mixinStandardHelpOptions = true,
        description = {"Starts a server in this process and sends every tool (harmonize, check, continue, generate, interpolate,",
            "transcribe when the shared data is there, drumify, groove) once a round, for N rounds. Every few rounds it prints",
            "the requests so far, the heap in use after a full GC and the resident memory (VmRSS), then the growth over the",
            "second half of the run. Run it with the heap the launcher gives the server to check that the cap is enough."})
final class BenchSoakCommand implements Callable<Integer> {

    private static final String BOUNDARY = "kantorSoak";

    @Option(names = "--rounds", defaultValue = "150", paramLabel = "N", description = "Rounds of every tool (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--every", defaultValue = "10", paramLabel = "K", description = "Print a line every K rounds (default ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--clients", defaultValue = "1", paramLabel = "C", description = "Clients sending each round's requests at once (1-8, default ${DEFAULT-VALUE}).")
    int clients;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One request of the round. */
    private record Call(String name, String path, String contentType, byte[] body) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (rounds < 2 || rounds > 100_000 || every < 1 || clients < 1 || clients > 8) {
            throw new Kantor.UserError("--rounds must be 2 to 100000, --every at least 1, --clients 1 to 8");
        }
        byte[] melody = read(Path.of("examples", "melody.musicxml"));
        byte[] chorale = read(Path.of("examples", "chorale.musicxml"));
        Path folder = Files.createTempDirectory("kantor-bench-soak");
        Path tokenFile = folder.resolve("token");
        String token = ServerToken.read(tokenFile);
        try (BridgeServer server = BridgeServer.start(ServerSettings.defaults(0, token, tokenFile), line -> { })) {
            server.warmUp();
            HttpClient http = HttpClient.newHttpClient();
            List<Call> calls = new ArrayList<>(List.of(
                    new Call("harmonize", "/api/tools/harmonize?seed=1&gibbs-steps=16", null, melody),
                    new Call("check", "/api/tools/check?format=musicxml", null, chorale),
                    new Call("continue", "/api/tools/continue?seed=1", null, melody),
                    new Call("generate", "/api/tools/generate?seed=1&measures=8", null, null),
                    new Call("interpolate", "/api/tools/interpolate?steps=3", "multipart/form-data; boundary=" + BOUNDARY, form(melody, chorale)),
                    new Call("drumify", "/api/tools/drumify?seed=1", null, chorale)));
            byte[] drummed = send(http, server.url(), token, calls.get(calls.size() - 1));
            calls.add(new Call("groove", "/api/tools/groove?seed=1", null, drummed));
            Path recording = recording();
            if (recording != null) {
                calls.add(new Call("transcribe", "/api/tools/transcribe?instrument=voice", null, Files.readAllBytes(recording)));
            }
            out.printf("server on %s; %d tools a round (%s), %d rounds, %d client(s) at once; heap limit %d MB%n", server.url(), calls.size(),
                    String.join(", ", calls.stream().map(Call::name).toList()), rounds, clients, Runtime.getRuntime().maxMemory() >> 20);
            out.printf("  %8s %10s %12s %10s%n", "requests", "seconds", "heap (MB)", "RSS (MB)");
            List<double[]> samples = new ArrayList<>();
            long start = System.nanoTime();
            int requests = 0;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
            for (int round = 1; round <= rounds; round++) {
                // each client sends the round's requests one after another, the clients at once (at most 8: the server's queue)
                List<java.util.concurrent.Future<Integer>> sent = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    sent.add(pool.submit(() -> {
                        for (Call call : calls) {
                            send(http, server.url(), token, call);
                        }
                        return calls.size();
                    }));
                }
                for (java.util.concurrent.Future<Integer> f : sent) {
                    requests += f.get();
                }
                if (round % every == 0 || round == rounds) {
                    double[] sample = {requests, heapAfterGcMegabytes(), residentMegabytes()};
                    samples.add(sample);
                    out.printf(Locale.ROOT, "  %8d %10.0f %12.1f %10.0f%n", requests, (System.nanoTime() - start) / 1e9, sample[1], sample[2]);
                    out.flush();
                }
            }
            pool.shutdown();
            double[] middle = samples.get(samples.size() / 2);
            double[] last = samples.get(samples.size() - 1);
            double per1000 = 1000 / Math.max(1, last[0] - middle[0]);
            out.printf(Locale.ROOT, "second half (%d -> %d requests): heap %+.1f MB (%+.1f MB per 1000 requests), RSS %+.0f MB (%+.0f MB per 1000)%n",
                    (int) middle[0], (int) last[0], last[1] - middle[1], (last[1] - middle[1]) * per1000, last[2] - middle[2],
                    (last[2] - middle[2]) * per1000);
            return Kantor.EXIT_OK;
        } finally {
            Files.deleteIfExists(tokenFile);
            Files.deleteIfExists(folder);
        }
    }

    private static byte[] send(HttpClient http, String url, String token, Call call) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + call.path())).header("Authorization", "Bearer " + token)
                .POST(call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (call.contentType() != null) {
            b.header("Content-Type", call.contentType());
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new Kantor.UserError(call.name() + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8),
                    Kantor.EXIT_INTERNAL);
        }
        return r.body();
    }

    private static byte[] form(byte[] first, byte[] second) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] fields = {"file", "second"};
        byte[][] files = {first, second};
        for (int i = 0; i < 2; i++) {
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"; filename=\"" + fields[i]
                    + ".musicxml\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(files[i]);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A short sung recording from the shared data, or null when it is not there. */
    private static Path recording() {
        try {
            Path wav = KantorData.corpus("basic-pitch-golden").resolve("vocadito_10.wav");
            return Files.isReadable(wav) ? wav : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static double heapAfterGcMegabytes() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
    }

    /** VmRSS of this process (Linux), or -1. */
    private static double residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Kantor.UserError("cannot read " + file + " (run from the project folder)", Kantor.EXIT_BAD_INPUT);
        }
    }
}
