package org.kantor.bridge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bounded load on a running server over loopback: N clients, each sending M requests in turn from a
 * fixed mix (health, tool list, check, annotated check, harmonize, a malformed score that must get
 * 400). Counts what came back: 429 is intended back-pressure, the 400 of the malformed score is
 * intended, anything else that is not 200 is an error.
 */
public final class LoadTest {

    /** One kind of request in the mix and the status it should get. */
    private record Kind(String name, String method, String path, byte[] body, int expected) {
    }

    /** The outcome: counts, latency percentiles over all answers, per-kind medians, throughput. */
    public record Report(int requests, int ok, int intendedRefusals, int busy, int errors, double p50Millis, double p95Millis,
                         Map<String, Double> medianMillisByKind, double requestsPerSecond, double seconds, List<String> errorSamples) {

        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "requests %d in %.1f s: %.1f requests/s%n", requests, seconds, requestsPerSecond));
            sb.append(String.format(Locale.ROOT, "answers: %d ok, %d intended 400 (malformed score), %d busy (429), %d errors%n",
                    ok, intendedRefusals, busy, errors));
            sb.append(String.format(Locale.ROOT, "latency over all answers: p50 %.1f ms, p95 %.1f ms%n", p50Millis, p95Millis));
            medianMillisByKind.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  median %-18s %8.1f ms%n", k, v)));
            errorSamples.forEach(e -> sb.append("  error: ").append(e).append('\n'));
            return sb.toString();
        }
    }

    private LoadTest() {
    }

    public static Report run(String url, String token, int clients, int requestsPerClient, byte[] melody, byte[] chorale)
            throws Exception {
        byte[] malformed = "<score-partwise version=\"4.0\"><part-list>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<Kind> mix = List.of(
                new Kind("health", "GET", "/api/health", null, 200),
                new Kind("tools", "GET", "/api/tools", null, 200),
                new Kind("check", "POST", "/api/tools/check", chorale, 200),
                new Kind("check-annotated", "POST", "/api/tools/check?format=musicxml", chorale, 200),
                new Kind("harmonize", "POST", "/api/tools/harmonize?seed=1&gibbs-steps=16", melody, 200),
                new Kind("malformed", "POST", "/api/tools/check", malformed, 400));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<long[]>>> futures = new ArrayList<>();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<long[]> results = new ArrayList<>();
                for (int i = 0; i < requestsPerClient; i++) {
                    int k = (client + i) % mix.size();
                    Kind kind = mix.get(k);
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + kind.path())).timeout(Duration.ofMinutes(3))
                            .header("Authorization", "Bearer " + token);
                    b = kind.body() == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofByteArray(kind.body()))
                            .header("Content-Type", "application/vnd.recordare.musicxml+xml");
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        status = r.statusCode();
                        if (status != kind.expected() && status != 429 && errors.size() < 5) {
                            errors.add(kind.name() + " -> " + status + " " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    } catch (java.io.IOException e) {
                        status = -1;
                        if (errors.size() < 5) {
                            errors.add(kind.name() + " -> " + e);
                        }
                    }
                    results.add(new long[] {k, status, System.nanoTime() - t0});
                }
                return results;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<List<long[]>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        int ok = 0;
        int intended = 0;
        int busy = 0;
        int bad = 0;
        List<Double> latencies = new ArrayList<>();
        Map<String, List<Double>> byKind = new TreeMap<>();
        for (long[] r : all) {
            Kind kind = mix.get((int) r[0]);
            double ms = r[2] / 1e6;
            latencies.add(ms);
            if (r[1] == 429) {
                busy++;
                continue;
            }
            byKind.computeIfAbsent(kind.name(), x -> new ArrayList<>()).add(ms);
            if (r[1] == kind.expected()) {
                if (kind.expected() == 200) {
                    ok++;
                } else {
                    intended++;
                }
            } else {
                bad++;
            }
        }
        Map<String, Double> medians = new TreeMap<>();
        byKind.forEach((k, v) -> medians.put(k, percentile(v, 50)));
        return new Report(all.size(), ok, intended, busy, bad, percentile(latencies, 50), percentile(latencies, 95), medians,
                all.size() / seconds, seconds, List.copyOf(errors));
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
