package org.kantor.musicxml.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kantor.musicxml.MusicXmlReader;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.MxlArchive;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * Measures read, write and round-trip throughput of Kantor's MusicXML layer over a corpus, and
 * MuseScore 3 converting a sample of the same files, so the two can be compared in one run.
 */
public final class IoBenchmark {

    /** Throughput of one corpus: medians over the runs. */
    /**
     * Throughput of one corpus: medians over the runs. MB are megabytes of MusicXML text (unpacked for .mxl);
     * {@code largestDocumentBytes} is the heap a read document of the corpus's largest file keeps alive,
     * {@code peakResidentBytes} the process's peak resident memory so far.
     */
    public record CorpusFigures(String corpus, int files, long xmlBytes, double readFilesPerSecond, double readMegabytesPerSecond,
                                double writeFilesPerSecond, double writeMegabytesPerSecond, double roundTripFilesPerSecond,
                                long largestDocumentBytes, long peakResidentBytes, int failures) {
    }

    /** Per-file conversion time of Kantor (in process) and MuseScore 3 (one process per file) on the same sample. */
    public record MuseScoreFigures(String corpus, int files, double kantorMillisPerFile, double museScoreMillisPerFile, int museScoreFailures) {
        public double ratio() {
            return museScoreMillisPerFile / kantorMillisPerFile;
        }
    }

    private IoBenchmark() {
    }

    public static CorpusFigures measure(String corpus, List<Path> files, int runs) throws IOException {
        long bytes = 0;
        Path largest = null;
        long largestSize = -1;
        for (Path f : files) {
            long size = xmlSize(f);
            bytes += size;
            if (size > largestSize) {
                largest = f;
                largestSize = size;
            }
        }
        // warm-up: JAXB context, JIT
        for (Path f : files.subList(0, Math.min(30, files.size()))) {
            roundTrip(f);
        }
        List<Double> read = new ArrayList<>();
        List<Double> readMb = new ArrayList<>();
        List<Double> write = new ArrayList<>();
        List<Double> writeMb = new ArrayList<>();
        List<Double> both = new ArrayList<>();
        int failures = 0;
        for (int run = 0; run < runs; run++) {
            long readNanos = 0;
            long writeNanos = 0;
            long written = 0;
            failures = 0;
            for (Path f : files) {
                long t0 = System.nanoTime();
                ScoreDocument doc;
                try {
                    doc = MusicXmlReader.read(f);
                } catch (ScoreFileException e) {
                    failures++;
                    continue;
                }
                long t1 = System.nanoTime();
                byte[] out = MusicXmlWriter.toBytes(doc);
                long t2 = System.nanoTime();
                readNanos += t1 - t0;
                writeNanos += t2 - t1;
                written += out.length;
            }
            read.add(files.size() / seconds(readNanos));
            readMb.add(bytes / 1e6 / seconds(readNanos));
            write.add(files.size() / seconds(writeNanos));
            writeMb.add(written / 1e6 / seconds(writeNanos));
            both.add(files.size() / seconds(readNanos + writeNanos));
        }
        return new CorpusFigures(corpus, files.size(), bytes, Stats.median(read), Stats.median(readMb), Stats.median(write),
                Stats.median(writeMb), Stats.median(both), largest == null ? 0 : retainedBytes(largest), peakResident(), failures);
    }

    /** Times MuseScore 3 converting each sample file to MusicXML, and Kantor's read-and-write of the same files. */
    public static MuseScoreFigures compareWithMuseScore(String corpus, List<Path> sample, int runs, String museScore, Path workDir)
            throws IOException, InterruptedException {
        List<Double> kantor = new ArrayList<>();
        List<Double> muse = new ArrayList<>();
        int failures = 0;
        Path runtime = Files.createDirectories(workDir.resolve("xdg-runtime"));
        runtime.toFile().setReadable(false, false);
        runtime.toFile().setReadable(true, true);
        runtime.toFile().setWritable(true, true);
        runtime.toFile().setExecutable(false, false);
        runtime.toFile().setExecutable(true, true);
        for (int run = 0; run < runs; run++) {
            for (Path f : sample) {
                Path out = workDir.resolve("kantor-out.musicxml");
                long t0 = System.nanoTime();
                try {
                    MusicXmlWriter.write(MusicXmlReader.read(f), out, false);
                    kantor.add((System.nanoTime() - t0) / 1e6);
                } catch (ScoreFileException e) {
                    // counted in the throughput figures
                }
                Path museOut = workDir.resolve("musescore-out.musicxml");
                Files.deleteIfExists(museOut);
                ProcessBuilder pb = new ProcessBuilder("timeout", "120", museScore, "-o", museOut.toString(), f.toAbsolutePath().toString());
                pb.environment().put("QT_QPA_PLATFORM", "offscreen");
                pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
                pb.redirectErrorStream(true);
                pb.redirectOutput(workDir.resolve("musescore.log").toFile());
                long m0 = System.nanoTime();
                Process p = pb.start();
                boolean done = p.waitFor(130, TimeUnit.SECONDS);
                double ms = (System.nanoTime() - m0) / 1e6;
                if (!done) {
                    p.destroyForcibly();
                }
                if (done && p.exitValue() == 0 && Files.exists(museOut) && Files.size(museOut) > 0) {
                    muse.add(ms);
                } else {
                    failures++;
                }
            }
        }
        return new MuseScoreFigures(corpus, sample.size(), Stats.median(kantor), Stats.median(muse), failures);
    }

    private static void roundTrip(Path f) {
        try {
            MusicXmlWriter.toBytes(MusicXmlReader.read(f));
        } catch (ScoreFileException e) {
            // warm-up only
        }
    }

    private static double seconds(long nanos) {
        return Math.max(nanos, 1) / 1e9;
    }

    /** Size of the MusicXML text: the file itself, or the score inside an .mxl. */
    private static long xmlSize(Path f) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        try {
            return f.toString().endsWith(".mxl") ? MxlArchive.readScore(bytes, f.toString()).length : bytes.length;
        } catch (ScoreFileException e) {
            return bytes.length;
        }
    }

    /** Heap kept alive by one read document, measured after full collections. */
    private static long retainedBytes(Path f) {
        Runtime rt = Runtime.getRuntime();
        settle();
        long before = rt.totalMemory() - rt.freeMemory();
        ScoreDocument doc;
        try {
            doc = MusicXmlReader.read(f);
        } catch (ScoreFileException e) {
            return 0;
        }
        settle();
        long after = rt.totalMemory() - rt.freeMemory();
        if (doc.score() == null) {
            return 0;
        }
        return Math.max(0, after - before);
    }

    private static void settle() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Peak resident set size of this process (VmHWM), or 0 where /proc is not available. */
    public static long peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
