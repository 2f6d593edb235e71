package org.kantor.musicxml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The four score corpora of the shared data, with the number of files each must hold. */
enum Corpora {
    TEST_SUITE("musicxml-testsuite", 166),
    BACH_CHORALES("bach-chorales-musicxml", 410),
    OPENSCORE_LIEDER("openscore-lieder", 1314),
    OPENSCORE_QUARTETS("openscore-quartets", 110);

    final String folder;
    final int expectedFiles;

    Corpora(String folder, int expectedFiles) {
        this.folder = folder;
        this.expectedFiles = expectedFiles;
    }

    /** Score files of the corpus, sorted; skips the test when the shared data is not there. */
    List<Path> files() {
        Path dir = KantorData.corpus(folder);
        assumeTrue(dir != null, "shared data folder " + folder + " not found (set KANTOR_DATA)");
        return scoreFiles(dir);
    }

    static List<Path> scoreFiles(Path dir) {
        try {
            return KantorData.scoreFiles(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
