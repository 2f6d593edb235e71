package org.kantor.cli;

import java.nio.file.Path;
import org.kantor.musicxml.KantorData;

/** The shared data folders that training, evaluation and benchmarks read, or a clear error when one is missing. */
final class SharedData {

    private SharedData() {
    }

    static Path require(String corpus) {
        Path p = KantorData.corpus(corpus);
        if (p == null) {
            throw new Kantor.UserError("the shared data folder " + corpus + " was not found: set KANTOR_DATA to the folder that holds it",
                    Kantor.EXIT_BAD_INPUT);
        }
        return p;
    }
}
