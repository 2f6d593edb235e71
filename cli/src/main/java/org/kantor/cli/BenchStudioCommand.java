package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
        out.printf(Locale.ROOT, "  %-26s %8s %13s %11s %11s %11s %11s%n", "score", "measures", "command (ms)", "first (ms)", "re-engrave",
                "first Play", "Play");
        try {
            for (Path score : scores) {
                double command = fromTheCommand(score);
                StudioBenchmark.Figures f = StudioBenchmark.run(score, runs);
                out.printf(Locale.ROOT, "  %-26s %8d %13.0f %11.0f %11.0f %11.0f %11.1f%n", f.score(), f.measures(), command, f.firstMillis(),
                        f.reengraveMillis(), f.firstPlayMillis(), f.playMillis());
                out.flush();
            }
        } finally {
            Offscreen.stop();
        }
        out.println("  command: a fresh `kantor studio FILE --screenshot` (JVM start, window, engraving, painting, saving the PNG);");
        out.println("  first Play / Play: from pressing Play to the music moving, with the synthesizer still to open and its SoundFont");
        out.println("  to load (the window does that in the background once a score is open: only a Play within a second or so of");
        out.println("  opening waits for it), and with them ready; the synthesizer renders to a stream here, so a sound card's own");
        out.println("  buffer is not counted.");
        out.println("  goals on 2 cores: first page under 3000 ms from the command, re-engraving under 1000 ms for 16 bars,");
        out.println("  playback starting under 200 ms");
        return Kantor.EXIT_OK;
    }

    /** Median wall time of a fresh process that opens the studio offscreen on the score and saves its first page. */
    private double fromTheCommand(Path score) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of(BenchStudioCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            Path png = Files.createTempFile("kantor-bench-studio", ".png");
            Files.delete(png);
            long t = System.nanoTime();
            List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto"));
            // as the launcher starts the studio: with the class-data archive it recorded for it, when there is one
            Path archive = jar.resolveSibling("kantor-studio.jsa");
            if (Files.isRegularFile(archive)) {
                command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            }
            command.addAll(List.of("-jar", jar.toString(), "studio", score.toString(), "--screenshot", png.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new Kantor.UserError("kantor studio --screenshot failed on " + score, Kantor.EXIT_BAD_INPUT);
            }
            times.add((System.nanoTime() - t) / 1e6);
            Files.deleteIfExists(png);
        }
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }
}
