package org.kantor.models;

import ai.djl.nn.Block;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.kantor.musicxml.AtomicFiles;

/** A training run's full-precision checkpoints, written atomically so that a killed run leaves the last good one. */
public final class Checkpoints {

    private Checkpoints() {
    }

    public static void save(Block block, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    public static long parameterCount(Block block) {
        long n = 0;
        for (var p : block.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }
}
