package org.kantor.cli;

import java.nio.file.Path;
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
}
