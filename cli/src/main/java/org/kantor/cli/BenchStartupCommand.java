package org.kantor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kantor.harmonizer.Harmonizer;
import org.kantor.harmonizer.HarmonizerBenchmark;
import org.kantor.models.DjlEngine;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.musicxml.bench.Stats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kantor bench startup}: what a one-off call costs a musician's script or a plugin's first
 * request. Each figure is the median over fresh processes, run with the JVM options the launcher
 * gives (class-data sharing archive, compiler level) and, as the baseline in the same run, with none.
 */
@Command(name = "startup", header = "End-to-end times of one-off calls (info, harmonize) and the stages inside them.", mixinStandardHelpOptions = true,
        description = {"Runs fresh processes of Kantor: kantor --version, kantor info and kantor harmonize of a 16-measure melody, each",
            "with the launcher's JVM options and with none (the baseline), and prints the medians; then the stages inside one",
            "fresh harmonize (JVM start, XML binding set-up, engine start, model load, sampling, writing), and the server's",
            "first harmonize request against its tenth."})
final class BenchStartupCommand implements Callable<Integer> {

    /** The options the launcher passes the JVM (it exports them so that this benchmark runs what a user runs). */
    static final String LAUNCH_OPTIONS = "KANTOR_JVM_OPTIONS";

    @Option(names = "--runs", defaultValue = "5", description = "Fresh processes per figure (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--stages", hidden = true, description = "Print the stages of one harmonize in this process (used by the benchmark itself).")
    Path stagesOf;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (stagesOf != null) {
            stages(out, ManagementFactory.getRuntimeMXBean().getUptime());
            return Kantor.EXIT_OK;
        }
        if (runs < 1 || runs > 50) {
            throw new Kantor.UserError("--runs must be 1 to 50, not " + runs);
        }
        Path dir = Files.createTempDirectory("kantor-bench-startup-");
        try {
            Path melody = dir.resolve("melody16.musicxml");
            MusicXmlWriter.write(ScoreDocument.fromScore(HarmonizerBenchmark.sixteenMeasureMelody(), "melody16.musicxml"), melody, false);
            String output = dir.resolve("harmonized.musicxml").toString();
            List<String> launcher = launcherOptions();
            out.printf("Start-up, %d cores, median of %d fresh processes; launcher's JVM options: %s%n",
                    Runtime.getRuntime().availableProcessors(), runs, launcher.isEmpty() ? "(none: run through ./kantor to use them)" : String.join(" ", launcher));
            out.printf("  %-40s %10s %10s %7s%n", "", "launcher", "plain", "ratio");
            // the launcher adds the quick compiler alone for commands that read a score and stop
            List<String> quick = new ArrayList<>(launcher);
            quick.add("-XX:TieredStopAtLevel=1");
            row(out, "kantor --version (JVM, command line)", quick, null, "--version");
            row(out, "kantor info, 16 measures", quick, "goal under 600 ms", "info", melody.toString());
            row(out, "kantor harmonize, 16 measures", launcher, "goal under 2,500 ms", "harmonize", melody.toString(), "-o", output,
                    "--overwrite", "--seed", "1");
            out.println("Stages of one harmonize in a fresh process (launcher's options):");
            List<String> stageLines = new ArrayList<>();
            run(launcher, stageLines, "bench", "startup", "--stages", melody.toString());
            stageLines.forEach(l -> out.println("  " + l));
            server(out, launcher, melody, dir);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Kantor.EXIT_OK;
    }

    private void row(PrintWriter out, String label, List<String> launcher, String goal, String... command) throws Exception {
        double with = medianMillis(launcher, command);
        double plain = medianMillis(List.of(), command);
        out.printf(Locale.ROOT, "  %-40s %7.0f ms %7.0f ms %6.2fx%s%n", label, with, plain, with / plain, goal == null ? "" : "  (" + goal + ")");
    }

    private double medianMillis(List<String> options, String... command) throws Exception {
        run(options, null, command);
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            run(options, null, command);
            times.add((System.nanoTime() - t) / 1e6);
        }
        return Stats.median(times);
    }

    /** Runs Kantor in a fresh JVM; its output lines go to {@code lines} when given. */
    private static void run(List<String> options, List<String> lines, String... arguments) throws Exception {
        Process p = new ProcessBuilder(command(options, arguments)).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new Kantor.UserError("kantor " + String.join(" ", arguments) + " failed:\n" + text, Kantor.EXIT_INTERNAL);
        }
        if (lines != null) {
            lines.addAll(Arrays.asList(text.split("\n")));
        }
    }

    private static List<String> command(List<String> options, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Kantor.class.getName());
        command.addAll(Arrays.asList(arguments));
        return command;
    }

    static List<String> launcherOptions() {
        String options = System.getenv(LAUNCH_OPTIONS);
        if (options == null || options.isBlank()) {
            return List.of();
        }
        return Arrays.stream(options.trim().split("\\s+")).filter(o -> !o.startsWith("-Xmx")).toList();
    }

    /** The stages of a harmonize, timed inside this (fresh) process. */
    private void stages(PrintWriter out, long uptimeAtStart) throws Exception {
        String format = "%-42s %7.0f ms%n";
        out.printf(Locale.ROOT, format, "JVM start and command line", (double) uptimeAtStart);
        long t = System.nanoTime();
        ScoreDocument melody = ScoreFiles.read(stagesOf);
        double first = (System.nanoTime() - t) / 1e6;
        t = System.nanoTime();
        ScoreFiles.read(stagesOf);
        double second = (System.nanoTime() - t) / 1e6;
        out.printf(Locale.ROOT, format, "read the melody, first time", first);
        out.printf(Locale.ROOT, format, "  of which XML binding set-up (first - second)", first - second);
        t = System.nanoTime();
        DjlEngine.get();
        out.printf(Locale.ROOT, format, "engine start-up (libtorch)", (System.nanoTime() - t) / 1e6);
        t = System.nanoTime();
        try (HarmonyModel model = HarmonyModel.load()) {
            out.printf(Locale.ROOT, format, "harmony model load", (System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            List<ScoreDocument> result = new Harmonizer(model).harmonize(melody, new Harmonizer.Request(0, 1, 1,
                    org.kantor.harmonizer.GibbsSampler.Settings.defaults()));
            out.printf(Locale.ROOT, format, "harmonize 16 measures (first, cold)", (System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            MusicXmlWriter.toBytes(result.get(0));
            out.printf(Locale.ROOT, format, "write the result as MusicXML", (System.nanoTime() - t) / 1e6);
        }
    }

    /** The server's first harmonize request against its later ones. */
    private void server(PrintWriter out, List<String> launcher, Path melody, Path dir) throws Exception {
        Path tokenFile = dir.resolve("token");
        Process server = new ProcessBuilder(command(launcher, "serve", "--port", "0", "--token-file", tokenFile.toString()))
                .redirectErrorStream(true).start();
        try {
            int port = awaitPort(server);
            String token = Files.readString(tokenFile).trim();
            byte[] body = Files.readAllBytes(melody);
            HttpClient http = HttpClient.newHttpClient();
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long t = System.nanoTime();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tools/harmonize?seed=" + i))
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                times.add((System.nanoTime() - t) / 1e6);
                if (r.statusCode() != 200) {
                    throw new Kantor.UserError("the server answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8),
                            Kantor.EXIT_INTERNAL);
                }
            }
            double later = Stats.median(times.subList(5, 10));
            out.printf(Locale.ROOT, "Server (kantor serve, after its warm-up): first harmonize request %.0f ms, requests 6-10 median %.0f ms,"
                    + " ratio %.2f (goal at most 1.30)%n", times.get(0), later, times.get(0) / later);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The server's port, once it has said it is warmed up and ready. */
    private static int awaitPort(Process server) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern serving = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)");
        int port = -1;
        for (String line; (line = reader.readLine()) != null; ) {
            Matcher m = serving.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
            if (port > 0 && line.endsWith("ready")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (reader.readLine() != null) {
                            // the request log is not needed here
                        }
                    } catch (IOException ignored) {
                        // the server stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return port;
            }
        }
        throw new Kantor.UserError("kantor serve did not start", Kantor.EXIT_INTERNAL);
    }
}
