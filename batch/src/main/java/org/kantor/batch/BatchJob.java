package org.kantor.batch;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.kantor.musicxml.AtomicFiles;
import org.kantor.tools.catalog.CheckService;

/**
 * A batch run from the driver's side: the output folder claimed for this tool and its parameters, the inputs spread over
 * the executors, progress shown while they work, then the results table, the summary and (for check) the teacher's report.
 */
final class BatchJob {

    static final String JOB_FILE = "job.json";

    /** What the run gave: every input's row, how many were done by an earlier run, and the seconds it took. */
    record Outcome(List<ResultRow> rows, int resumed, double seconds, double tableSeconds) {
        long failed() {
            return rows.stream().filter(r -> r.status().equals(ResultRow.FAILED)).count();
        }
    }

    private BatchJob() {
    }

    static Outcome run(SparkSession spark, BatchSettings settings, List<BatchInput> inputs, boolean retryFailed, PrintStream err,
                       boolean terminal) throws IOException {
        Path out = Path.of(settings.outFolder());
        claim(out, settings);
        RowStore rows = new RowStore(out);
        if (retryFailed) {
            rows.forgetFailures();
        }
        int resumed = rows.total();
        long started = System.nanoTime();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(inputs.size(), Math.max(context.defaultParallelism() * 4, inputs.size() / 20)));
        List<ResultRow> results;
        try (BatchProgress progress = new BatchProgress(rows, inputs.size(), err, terminal)) {
            results = context.parallelize(interleaved(inputs, slices), slices).map(new FileTask(settings)).collect();
        }
        long tableStarted = System.nanoTime();
        ResultsTable.write(spark, results, out);
        if (settings.tool().equals(CheckService.NAME)) {
            AtomicFiles.write(out.resolve(TeacherReport.FILE), TeacherReport.of(results).getBytes(StandardCharsets.UTF_8));
        }
        long finished = System.nanoTime();
        return new Outcome(ResultsTable.sorted(results), Math.min(resumed, inputs.size()), (finished - started) / 1e9,
                (finished - tableStarted) / 1e9);
    }

    /**
     * The inputs reordered so that each of the {@code slices} contiguous slices Spark cuts takes every slices-th file: a
     * corpus sorted by path keeps its heavy files together (all the songs after all the chorales), and whole slices of
     * them would leave a core idle at the end.
     */
    static List<BatchInput> interleaved(List<BatchInput> inputs, int slices) {
        List<BatchInput> order = new java.util.ArrayList<>(inputs.size());
        for (int slice = 0; slice < slices; slice++) {
            for (int i = slice; i < inputs.size(); i += slices) {
                order.add(inputs.get(i));
            }
        }
        return order;
    }

    /**
     * Makes the output folder this run's, or checks that it is already: resuming a run with another tool or other parameters
     * would mix two kinds of result in one table.
     */
    static void claim(Path out, BatchSettings settings) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BatchError("--out " + out + " is a file, not a folder");
        }
        Files.createDirectories(out);
        Path job = out.resolve(JOB_FILE);
        Gson gson = new Gson();
        String wanted = gson.toJson(new Claim(settings.tool(), settings.arguments()));
        if (Files.exists(job)) {
            String earlier = Files.readString(job, StandardCharsets.UTF_8);
            if (!gson.fromJson(earlier, Claim.class).equals(gson.fromJson(wanted, Claim.class))) {
                throw new BatchError(out + " holds the results of another run (" + earlier.strip() + "): rerun that same command to resume"
                        + " it, or choose another --out");
            }
            return;
        }
        AtomicFiles.write(job, wanted.getBytes(StandardCharsets.UTF_8));
    }

    private record Claim(String tool, java.util.Map<String, String> arguments) {
    }

    /** A mistake in the command itself: said in one line, with a non-zero exit. */
    static final class BatchError extends RuntimeException {
        BatchError(String message) {
            super(message);
        }
    }
}
