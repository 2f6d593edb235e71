package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kantor.musicxml.bench.Stats;
import org.kantor.studio.Offscreen;
import org.kantor.studio.StudioBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor bench studio}: how quickly the studio shows a score, from the command and inside the window. */
@Command(name = "studio", mixinStandardHelpOptions = true,
        header = "Time from the command to the studio's first engraved page, re-engraving, and preparing playback.",
        description = {"Fresh processes of `kantor studio FILE --screenshot` (the command to the first page painted and saved), and in one",
            "offscreen window: the first engraving, re-engraving (as after every tool), and preparing playback; medians.",
            "Scores: bwv26.6 (a 10-bar chorale) and a 99-measure song (Bishop, Home, Sweet Home) from ../shared/data."})
final class BenchStudioCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "3", description = "Measured runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> scores = new ArrayList<>();
        Path data = SharedData.require("bach-chorales-musicxml");
        scores.add(data.resolve("bwv26.6.mxl"));
        scores.add(SharedData.require("openscore-lieder").resolve("Bishop,_Henry/_/Home,_Sweet_Home/lc6486038.mxl"));
        out.printf(Locale.ROOT, "Kantor Studio, %d cores, offscreen (software rendering), median of %d runs%n",
                Runtime.getRuntime().availableProcessors(), runs);
        out.printf(Locale.ROOT, "  %-26s %8s %12s %12s %11s %11s %11s %11s%n", "score", "measures", "on screen", "exited", "first (ms)",
                "re-engrave", "first Play", "Play");
        try {
            for (Path score : scores) {
                FromTheCommand command = fromTheCommand(score);
                StudioBenchmark.Figures f = StudioBenchmark.run(score, runs);
                out.printf(Locale.ROOT, "  %-26s %8d %12.0f %12.0f %11.0f %11.0f %11.0f %11.1f%n", f.score(), f.measures(), command.paintedMillis(),
                        command.exitedMillis(), f.firstMillis(), f.reengraveMillis(), f.firstPlayMillis(), f.playMillis());
                out.flush();
            }
        } finally {
            Offscreen.stop();
        }
        out.println("  on screen / exited: a fresh `kantor studio FILE --screenshot` from the JVM's start until the page it saved was on");
        out.println("  screen (the first of two identical snapshots), and the process's whole run (also making sure the page is");
        out.println("  painted, saving the PNG and exiting); first: the first engraving in an open offscreen window;");
        out.println("  first Play / Play: from pressing Play to the music moving, with the synthesizer still to open and its SoundFont");
        out.println("  to load (the window does that in the background once a score is open: only a Play within a second or so of");
        out.println("  opening waits for it), and with them ready; the synthesizer renders to a stream here, so a sound card's own");
        out.println("  buffer is not counted.");
        out.println("  goals on 2 cores: first page under 3000 ms from the command, re-engraving under 1000 ms for 16 bars,");
        out.println("  playback starting under 200 ms");
        return Kantor.EXIT_OK;
    }

    /** What a fresh process took: until it exited, and until the page it saved was on screen (from the JVM's start). */
    private record FromTheCommand(double exitedMillis, double paintedMillis) {
    }

    /** Medians over fresh processes that open the studio offscreen on the score and save its first page. */
    private FromTheCommand fromTheCommand(Path score) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of(BenchStudioCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Double> times = new ArrayList<>();
        List<Double> painted = new ArrayList<>();
        Pattern onScreen = Pattern.compile("on screen by ([0-9.]+) s after Java started");
        for (int r = 0; r < runs; r++) {
            Path png = Files.createTempFile("kantor-bench-studio", ".png");
            Files.delete(png);
            List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto"));
            // as the launcher starts the studio: with the class-data archive it recorded for it, when there is one
            Path archive = jar.resolveSibling("kantor-studio.jsa");
            if (Files.isRegularFile(archive)) {
                command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            }
            command.addAll(List.of("-jar", jar.toString(), "studio", score.toString(), "--screenshot", png.toString()));
            long t = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new Kantor.UserError("kantor studio --screenshot failed on " + score + ": " + said.strip(), Kantor.EXIT_BAD_INPUT);
            }
            times.add((System.nanoTime() - t) / 1e6);
            Matcher m = onScreen.matcher(said);
            if (m.find()) {
                painted.add(Double.parseDouble(m.group(1)) * 1000);
            }
            Files.deleteIfExists(png);
        }
        return new FromTheCommand(Stats.median(times), painted.isEmpty() ? Double.NaN : Stats.median(painted));
    }
}
