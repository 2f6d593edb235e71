package org.kantor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kantor.musicxml.ScoreFileException;
import java.util.ArrayList;
import java.util.List;

/** Output file names for several results: OUT for one, OUT-1, OUT-2 ... (same extension) for more. */
final class OutputNames {

    private OutputNames() {
    }

    static List<Path> numbered(Path output, int count) {
        List<Path> out = new ArrayList<>();
        if (count == 1) {
            out.add(output);
            return out;
        }
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int i = 1; i <= count; i++) {
            out.add(output.resolveSibling(base + "-" + i + extension));
        }
        return out;
    }

    /** Refuses an output that exists (above all the input itself) unless the user asked to overwrite. */
    static void refuseToOverwrite(Path input, Path output, boolean overwrite) throws ScoreFileException {
        if (overwrite || !Files.exists(output)) {
            return;
        }
        boolean same;
        try {
            same = input != null && Files.isSameFile(input, output);
        } catch (IOException e) {
            same = false;
        }
        throw new ScoreFileException(output.toString(), same
                ? "is the input itself; refusing to overwrite it (choose another output, or add --overwrite)"
                : "already exists; refusing to overwrite it (add --overwrite to replace it)");
    }
}
