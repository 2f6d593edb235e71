package org.kantor.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.kantor.musicxml.AtomicFiles;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.tools.catalog.Tool;
import org.kantor.tools.catalog.ToolFile;
import org.kantor.tools.catalog.ToolInputException;

/**
 * One input, on an executor: its content hashed, the earlier result reused when there is one, else the tool run under the
 * time limit, the output and the row written atomically. Whatever the file does, it ends as one row: a bad or hostile
 * file fails its own row, never the job.
 */
final class FileTask implements Function<BatchInput, ResultRow> {

    private static final long serialVersionUID = 1L;

    private final BatchSettings settings;

    FileTask(BatchSettings settings) {
        this.settings = settings;
    }

    @Override
    public ResultRow call(BatchInput input) throws IOException {
        RowStore rows = new RowStore(Path.of(settings.outFolder()));
        Path file = Path.of(input.path());
        Tool tool = ExecutorTools.catalog().find(settings.tool()).orElseThrow();
        long started = System.nanoTime();
        String hash;
        try {
            // streamed, not read whole: an hour of WAV is gigabytes, and the tool reads the file itself
            hash = RowStore.contentHash(file);
        } catch (IOException | SecurityException e) {
            ResultRow row = ResultRow.failed(input.path(), "", input.path() + ": cannot be read (" + reason(e) + ")", millisSince(started), 0);
            rows.save(row);
            return row;
        }
        ResultRow earlier = rows.find(input.path(), hash);
        if (earlier != null) {
            return earlier;
        }
        ResultRow row = process(tool, input, hash, millisSince(started));
        rows.save(row);
        return row;
    }

    private ResultRow process(Tool tool, BatchInput input, String hash, long readMillis) {
        long started = System.nanoTime();
        if (!InputKinds.reads(tool.takes(), Path.of(input.path()))) {
            return new ResultRow(input.path(), hash, ResultRow.SKIPPED, "not a file " + tool.name() + " reads (it takes "
                    + InputKinds.describe(tool.takes()) + ")", "", readMillis, 0, Map.of());
        }
        double limit = settings.timeoutSeconds();
        long deadline = started + Math.round(limit * 1e9);
        try {
            FileWork.Outcome outcome = TimeLimit.run(() -> FileWork.run(tool, ToolFile.of(Path.of(input.path())), settings.arguments(),
                    fraction -> {
                        if (System.nanoTime() > deadline) { // a tool stops at its next progress report once its time is up
                            throw new IllegalStateException("time limit reached");
                        }
                    }), limit);
            String output = input.outputName() + "." + outcome.extension();
            Path target = Path.of(settings.outFolder(), "outputs").resolve(output);
            Files.createDirectories(target.getParent());
            AtomicFiles.write(target, outcome.output());
            return new ResultRow(input.path(), hash, ResultRow.OK, "", "outputs/" + output, readMillis, millisSince(started), outcome.figures());
        } catch (TimeLimit.Exceeded e) {
            return ResultRow.failed(input.path(), hash, input.path() + ": " + e.getMessage(), readMillis, millisSince(started));
        } catch (ScoreFileException | ToolInputException e) {
            return ResultRow.failed(input.path(), hash, message(input, e), readMillis, millisSince(started));
        } catch (StackOverflowError e) {
            return ResultRow.failed(input.path(), hash, input.path() + ": nested too deeply to read", readMillis, millisSince(started));
        } catch (OutOfMemoryError e) {
            return ResultRow.failed(input.path(), hash, input.path() + ": too large to process in this executor's memory", readMillis,
                    millisSince(started));
        } catch (Exception | Error e) {
            return ResultRow.failed(input.path(), hash, input.path() + ": Kantor could not process it (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", readMillis, millisSince(started));
        }
    }

    /** The tool's own message names the file already when it read it; a parameter's message does not. */
    private static String message(BatchInput input, Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.contains(input.path()) ? m : input.path() + ": " + m;
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
