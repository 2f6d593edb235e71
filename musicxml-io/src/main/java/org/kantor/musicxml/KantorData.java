package org.kantor.musicxml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the shared training and test data lives: {@code KANTOR_DATA} (environment) or
 * {@code kantor.data} (system property) when set, otherwise {@code ../shared/data} seen from the
 * project root or any folder below it.
 */
public final class KantorData {

    private KantorData() {
    }

    /** The data folder, or null when there is none. */
    public static Path root() {
        String configured = System.getProperty("kantor.data", System.getenv("KANTOR_DATA"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isDirectory(p) ? p.toAbsolutePath().normalize() : null;
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** A folder of the data, e.g. {@code corpus("bach-chorales-musicxml")}, or null when missing. */
    public static Path corpus(String name) {
        Path root = root();
        if (root == null) {
            return null;
        }
        Path p = root.resolve(name);
        return Files.exists(p) ? p : null;
    }

    /** The MusicXML files (.xml, .musicxml, .mxl) below a folder, sorted by path. */
    public static List<Path> scoreFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(xml|musicxml|mxl)$"))
                    .sorted()
                    .toList();
        }
    }
}
