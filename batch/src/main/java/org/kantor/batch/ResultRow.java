package org.kantor.batch;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * One input's line in the results table.
 *
 * @param hash SHA-256 of the file's content
 * @param status {@link #OK}, {@link #FAILED} or {@link #SKIPPED} (a file of a kind the tool does not read)
 * @param error what went wrong, for a musician: which file, which measure, what
 * @param output the output's path below the output folder, or empty
 * @param readMillis reading and hashing the file
 * @param toolMillis the tool's own work, output written
 * @param figures the tool's figures (findings per rule, key, meter ...)
 */
public record ResultRow(String path, String hash, String status, String error, String output, long readMillis, long toolMillis,
                        Map<String, String> figures) implements Serializable {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public ResultRow {
        error = error == null ? "" : error;
        output = output == null ? "" : output;
        figures = figures == null ? new TreeMap<>() : new TreeMap<>(figures);
    }

    public static ResultRow failed(String path, String hash, String error, long readMillis, long toolMillis) {
        return new ResultRow(path, hash, FAILED, error, "", readMillis, toolMillis, Map.of());
    }

    /** The error without the file's name it starts with (the row names the file): "line 23, measure 2: the file ends ...". */
    public String errorWithoutPath() {
        return error.startsWith(path) ? error.substring(path.length()).replaceFirst("^[,:] ", "") : error;
    }

    public long totalMillis() {
        return readMillis + toolMillis;
    }
}
