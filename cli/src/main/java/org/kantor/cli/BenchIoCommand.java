package org.kantor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.bench.IoBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor bench io}: MusicXML read/write/round-trip throughput, beside MuseScore 3 on the same files. */
@Command(name = "io", header = "Read, write and round-trip speed over the score corpora, beside MuseScore 3.", mixinStandardHelpOptions = true,
        description = {"Read, write and round-trip throughput (files/s, MB/s) and peak heap over the score corpora of the shared data,",
            "then MuseScore 3 (mscore3 -o out.musicxml in) converting a sample of the same files, with the ratio."})
final class BenchIoCommand implements Callable<Integer> {

    static final List<String> CORPORA = List.of("musicxml-testsuite", "bach-chorales-musicxml", "openscore-lieder", "openscore-quartets");

    @Option(names = "--runs", defaultValue = "5", description = "Measured passes over each corpus (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--corpus", split = ",", description = "Corpora to measure (default: all four).")
    List<String> corpora;

    @Option(names = "--limit", defaultValue = "0", description = "At most this many files per corpus (0: all).")
    int limit;

    @Option(names = "--musescore-sample", defaultValue = "10", description = "Files per corpus to convert with MuseScore (0: skip MuseScore).")
    int museScoreSample;

    @Option(names = "--musescore-runs", defaultValue = "3", description = "Passes over the MuseScore sample (default ${DEFAULT-VALUE}).")
    int museScoreRuns;

    @Option(names = "--musescore", defaultValue = "mscore3", description = "MuseScore 3 executable (default ${DEFAULT-VALUE}).")
    String museScore;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = KantorData.root();
        if (data == null) {
            throw new Kantor.UserError("the shared data folder was not found: set KANTOR_DATA to the folder that holds " + CORPORA.get(0), Kantor.EXIT_BAD_INPUT);
        }
        List<String> names = corpora == null ? CORPORA : corpora;
        out.printf("MusicXML I/O, median of %d runs, Java %s, %d cores, max heap %d MB%n", runs, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        out.println("MB: megabytes of MusicXML text (unpacked for .mxl). doc heap: heap one read document of the corpus's largest file keeps alive.");
        out.printf("%-24s %6s %7s %9s %9s %9s %10s %9s %9s %9s%n", "corpus", "files", "MB", "read f/s", "read MB/s", "write f/s", "write MB/s",
                "trip f/s", "doc heap", "peak RSS");
        List<List<Path>> samples = new ArrayList<>();
        for (String name : names) {
            List<Path> files = files(data.resolve(name));
            if (limit > 0 && files.size() > limit) {
                files = files.subList(0, limit);
            }
            IoBenchmark.CorpusFigures f = IoBenchmark.measure(name, files, runs);
            out.printf("%-24s %6d %7.1f %9.1f %9.2f %9.1f %10.2f %9.1f %6.1f MB %6d MB%s%n", name, f.files(), f.xmlBytes() / 1e6,
                    f.readFilesPerSecond(), f.readMegabytesPerSecond(), f.writeFilesPerSecond(), f.writeMegabytesPerSecond(),
                    f.roundTripFilesPerSecond(), f.largestDocumentBytes() / 1e6, f.peakResidentBytes() >> 20,
                    f.failures() > 0 ? "  (" + f.failures() + " unreadable)" : "");
            out.flush();
            samples.add(sample(files, museScoreSample));
        }
        if (museScoreSample > 0) {
            if (!onPath(museScore)) {
                out.println("MuseScore comparison skipped: " + museScore + " is not installed (Debian package musescore3).");
                return Kantor.EXIT_OK;
            }
            out.printf("%nConverting to MusicXML, per file, median over %d runs of %d sampled files per corpus:%n", museScoreRuns, museScoreSample);
            out.println("  Kantor: read + write in one warm process.  MuseScore 3: `mscore3 -o out.musicxml in`, one process per file, start-up included.");
            out.printf("%-24s %6s %12s %14s %8s%n", "corpus", "files", "Kantor ms", "MuseScore ms", "ratio");
            Path work = Files.createTempDirectory("kantor-bench");
            for (int i = 0; i < names.size(); i++) {
                IoBenchmark.MuseScoreFigures m = IoBenchmark.compareWithMuseScore(names.get(i), samples.get(i), museScoreRuns, museScore, work);
                out.printf("%-24s %6d %12.1f %14.1f %7.1fx%s%n", m.corpus(), m.files(), m.kantorMillisPerFile(), m.museScoreMillisPerFile(),
                        m.ratio(), m.museScoreFailures() > 0 ? "  (MuseScore failed " + m.museScoreFailures() + " times)" : "");
                out.flush();
            }
        }
        return Kantor.EXIT_OK;
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new Kantor.UserError("corpus folder not found: " + dir, Kantor.EXIT_BAD_INPUT);
        }
        return KantorData.scoreFiles(dir);
    }

    /** Every k-th file, so the sample spreads over the corpus. */
    private static List<Path> sample(List<Path> files, int n) {
        List<Path> out = new ArrayList<>();
        if (n <= 0 || files.isEmpty()) {
            return out;
        }
        double step = Math.max(1.0, files.size() / (double) n);
        for (double i = 0; i < files.size() && out.size() < n; i += step) {
            out.add(files.get((int) i));
        }
        return out;
    }

    private static boolean onPath(String command) {
        if (command.contains("/")) {
            return Files.isExecutable(Path.of(command));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
