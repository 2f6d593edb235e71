package org.kantor.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.bench.Stats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kantor bench batch}: files per second for convert and check over a thousand real scores, three ways in the same
 * run: the batch job on Spark, a single-threaded loop doing the same work in one process, and a loop that starts the
 * command line once per file (timed on a sample: a thousand JVM starts would take most of an hour).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the batch jar.")
final class BenchBatchCommand {

    private final PrintStream out;
    private final PrintStream err;

    BenchBatchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Command(name = "batch", mixinStandardHelpOptions = true,
            description = "Files per second for convert and check: batch on Spark against a single-threaded in-process loop and"
                    + " against a loop of the kantor command, medians over --runs.")
    int batch(@Option(names = "--files", defaultValue = "1000", description = "Scores (default: ${DEFAULT-VALUE}).") int files,
              @Option(names = "--runs", defaultValue = "3", description = "Runs of each (default: ${DEFAULT-VALUE}).") int runs,
              @Option(names = "--master", defaultValue = "local[2]", description = "Spark master (default: ${DEFAULT-VALUE}).") String master,
              @Option(names = "--cli-jar", defaultValue = "cli/target/kantor.jar", description = "The command-line jar (default: ${DEFAULT-VALUE}).") Path cliJar,
              @Option(names = "--cli-sample", defaultValue = "20", description = "Files the command loop times (default: ${DEFAULT-VALUE}; 0: no command loop).") int cliSample,
              @Option(names = "--tools", defaultValue = "convert,check", split = ",", description = "Tools (default: ${DEFAULT-VALUE}).") List<String> tools)
            throws Exception {
        List<BatchInput> inputs = corpus(files);
        if (!Files.isRegularFile(cliJar)) {
            throw new BatchJob.BatchError("no command-line jar at " + cliJar + " (build it with mvn package, or give --cli-jar)");
        }
        Path scratch = Files.createTempDirectory("kantor-bench-batch");
        out.printf(Locale.ROOT, "%d scores (%s), %d runs each, Spark %s, %d cores%n", inputs.size(), "bach-chorales-musicxml, openscore-lieder",
                runs, master, Runtime.getRuntime().availableProcessors());
        long sparkStart = System.nanoTime();
        SparkSession spark = BatchSpark.session(master);
        out.printf(Locale.ROOT, "Spark session started in %.1f s (once per job, not counted below)%n", (System.nanoTime() - sparkStart) / 1e9);
        try {
            out.println("tool      in-process  batch     command loop  batch/in-process  batch/command");
            for (String tool : tools) {
                List<Double> inProcess = new ArrayList<>();
                List<Double> batch = new ArrayList<>();
                List<Double> command = new ArrayList<>();
                List<Double> toInProcess = new ArrayList<>();
                List<Double> toCommand = new ArrayList<>();
                // one short round of each first, not counted: the JIT compiles the readers and writers
                List<BatchInput> warmUp = inputs.subList(0, Math.min(inputs.size(), 100));
                inProcess(tool, warmUp, scratch.resolve(tool + "-warm-serial"));
                batch(spark, tool, warmUp, scratch.resolve(tool + "-warm-batch"));
                for (int run = 0; run < runs; run++) {
                    Rate serialRate = inProcess(tool, inputs, scratch.resolve(tool + "-serial-" + run));
                    Rate batchRate = batch(spark, tool, inputs, scratch.resolve(tool + "-batch-" + run));
                    double serial = serialRate.filesPerSecond();
                    double spread = batchRate.filesPerSecond();
                    double loop = cliSample == 0 ? Double.NaN : commandLoop(tool, inputs, cliJar, cliSample, scratch.resolve(tool + "-cli-" + run));
                    inProcess.add(serial);
                    batch.add(spread);
                    command.add(loop);
                    toInProcess.add(spread / serial);
                    toCommand.add(spread / loop);
                    err.printf(Locale.ROOT, "  %s run %d: in-process %.1f files/s (%.2f cores busy), batch %.1f files/s (%.2f cores busy,"
                            + " results table %.1f s), command %.2f files/s%n", tool, run + 1, serial, serialRate.cores(), spread,
                            batchRate.cores(), batchRate.tableSeconds(), loop);
                }
                out.printf(Locale.ROOT, "%-9s %6.1f /s  %6.1f /s  %6.2f /s     %5.2fx            %5.1fx%n", tool, Stats.median(inProcess),
                        Stats.median(batch), Stats.median(command), Stats.median(toInProcess), Stats.median(toCommand));
            }
        } finally {
            spark.stop();
            ResultsTable.deleteTree(scratch);
        }
        return 0;
    }

    /** The first {@code count} scores of the chorales, then the songs. */
    static List<BatchInput> corpus(int count) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (String name : List.of("bach-chorales-musicxml", "openscore-lieder")) {
            Path folder = KantorData.corpus(name);
            if (folder == null) {
                throw new BatchJob.BatchError("the corpus " + name + " is not there (set KANTOR_DATA to the data folder)");
            }
            paths.addAll(KantorData.scoreFiles(folder));
        }
        if (paths.size() < count) {
            throw new BatchJob.BatchError("only " + paths.size() + " scores in the corpora, " + count + " asked for");
        }
        List<BatchInput> inputs = new ArrayList<>();
        for (Path p : paths.subList(0, count)) {
            inputs.add(new BatchInput(p.toString(), "f" + inputs.size()));
        }
        return inputs;
    }

    /** Files per second, and the cores the process kept busy meanwhile (JIT and garbage collection included). */
    record Rate(double filesPerSecond, double cores, double tableSeconds) {
    }

    private static Rate inProcess(String tool, List<BatchInput> inputs, Path out) throws IOException {
        FileTask task = new FileTask(new BatchSettings(tool, Map.of(), out.toString(), 120));
        long cpu = processCpuNanos();
        long started = System.nanoTime();
        for (BatchInput input : inputs) {
            task.call(input);
        }
        long wall = System.nanoTime() - started;
        return new Rate(inputs.size() / (wall / 1e9), (processCpuNanos() - cpu) / (double) wall, 0);
    }

    private static Rate batch(SparkSession spark, String tool, List<BatchInput> inputs, Path out) throws IOException {
        long cpu = processCpuNanos();
        BatchJob.Outcome outcome = BatchJob.run(spark, new BatchSettings(tool, Map.of(), out.toString(), 120), inputs, false,
                new PrintStream(java.io.OutputStream.nullOutputStream()), false);
        return new Rate(inputs.size() / outcome.seconds(), (processCpuNanos() - cpu) / 1e9 / outcome.seconds(), outcome.tableSeconds());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The command line started once per file, as a shell loop would, with the launcher's options for quick commands. */
    private static double commandLoop(String tool, List<BatchInput> inputs, Path jar, int sample, Path out) throws Exception {
        Files.createDirectories(out);
        Path archive = jar.resolveSibling("kantor.jsa");
        long started = System.nanoTime();
        int step = Math.max(1, inputs.size() / sample);
        int done = 0;
        for (int i = 0; i < inputs.size() && done < sample; i += step, done++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1"));
            if (Files.isRegularFile(archive)) {
                command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            }
            command.addAll(List.of("-jar", jar.toString(), tool, inputs.get(i).path()));
            if (tool.equals("convert")) {
                command.addAll(List.of("-o", out.resolve(done + ".musicxml").toString()));
            }
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        return done / ((System.nanoTime() - started) / 1e9);
    }
}
