package org.kantor.studio;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * MuseScore, where it is installed: the studio hands it the version shown, written to a file of its own (the score's
 * name with "-kantor" in the temporary folder), so the musician goes on editing there. The original is never touched.
 */
final class MuseScoreApp {

    /** Program names of MuseScore 4 and 3 on Linux (Debian, AppImage links), macOS and Windows launchers on the PATH. */
    static final List<String> NAMES = List.of("mscore4portable", "musescore4", "MuseScore4", "mscore", "musescore", "mscore3", "musescore3",
            "MuseScore3", "MuseScore4.exe", "MuseScore3.exe");

    private final Path program;

    private MuseScoreApp(Path program) {
        this.program = program;
    }

    /** MuseScore found on this PATH, or null. */
    static MuseScoreApp find(String path) {
        if (path == null) {
            return null;
        }
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return new MuseScoreApp(candidate);
                }
            }
        }
        return null;
    }

    static MuseScoreApp find() {
        return find(System.getenv("PATH"));
    }

    Path program() {
        return program;
    }

    /** Writes {@code musicXml} to a new file named after {@code scoreName} and opens it in MuseScore; returns the file. */
    Path open(byte[] musicXml, String scoreName) throws IOException {
        String base = scoreName.replaceAll("\\.[^.]*$", "").replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        Path dir = Files.createTempDirectory("kantor-musescore-");
        Path file = dir.resolve(base + "-kantor.musicxml");
        org.kantor.musicxml.AtomicFiles.write(file, musicXml);
        new ProcessBuilder(program.toString(), file.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return file;
    }
}
