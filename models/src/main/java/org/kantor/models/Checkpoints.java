package org.kantor.models;

import ai.djl.nn.Block;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.kantor.musicxml.AtomicFiles;

/** A training run's full-precision checkpoints, written atomically so that a killed run leaves the last good one. */
public final class Checkpoints {

    public static final String PROGRESS = "progress.json";

    private Checkpoints() {
    }

    public static void save(Block block, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    private static final com.google.gson.Gson GSON = new com.google.gson.GsonBuilder().setPrettyPrinting()
            .serializeSpecialFloatingPointValues().create();

    /** A run's progress record ({@code progress.json} beside its weights), or null when the run has no checkpoint yet. */
    public static <T> T readProgress(Path folder, String weights, Class<T> type) throws IOException {
        Path p = folder.resolve(PROGRESS);
        if (!java.nio.file.Files.exists(p) || !java.nio.file.Files.exists(folder.resolve(weights))) {
            return null;
        }
        return GSON.fromJson(java.nio.file.Files.readString(p, java.nio.charset.StandardCharsets.UTF_8), type);
    }

    /** Writes a progress record as pretty JSON, atomically. */
    public static void writeJson(Path file, Object record) throws IOException {
        AtomicFiles.write(file, GSON.toJson(record).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static long parameterCount(Block block) {
        long n = 0;
        for (var p : block.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }
}
