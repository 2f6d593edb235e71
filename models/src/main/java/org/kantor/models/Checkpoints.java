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

    /**
     * Loads a checkpoint into an initialized block by copying values into the arrays its trainer holds
     * (replacing the arrays would detach them from the optimizer); {@code fresh} is an uninitialized
     * block of the same network to read the file into.
     */
    public static void copyInto(Block block, Block fresh, ai.djl.ndarray.NDManager manager, java.nio.file.Path file) throws IOException {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file)));
             ai.djl.ndarray.NDManager scratch = manager.newSubManager()) {
            fresh.loadParameters(scratch, in);
            var targets = block.getParameters();
            var sources = fresh.getParameters();
            for (int i = 0; i < targets.size(); i++) {
                targets.get(i).getValue().getArray().set(sources.get(i).getValue().getArray().toByteBuffer());
            }
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException(file + ": not weights of this network (" + e.getMessage() + ")", e);
        }
    }

    public static long parameterCount(Block block) {
        long n = 0;
        for (var p : block.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }
}
