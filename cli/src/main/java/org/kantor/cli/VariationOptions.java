package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.kantor.musicxml.ScoreFileException;
import picocli.CommandLine.Option;

/**
 * The options every command that draws at random shares (picocli mixin): how many variations, the
 * seed (the one given, or a new one printed so that the result can be had again), and whether existing
 * outputs may be replaced.
 */
final class VariationOptions {

    @Option(names = "--variations", defaultValue = "1", paramLabel = "N", description = "How many different results (1-8, default ${DEFAULT-VALUE}).")
    int variations;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for a reproducible result (default: a new one each run).")
    Long seed;

    @Option(names = "--overwrite", description = "Allow replacing existing output files.")
    boolean overwrite;

    private long used;

    /** The number of variations, checked. */
    int count() {
        if (variations < 1 || variations > 8) {
            throw new Kantor.UserError("--variations must be between 1 and 8, not " + variations, Kantor.EXIT_USAGE);
        }
        return variations;
    }

    /** The seed to use: the one given, or a new one (remembered, to be printed). */
    long seed() {
        used = Seeds.chosen(seed);
        return used;
    }

    /** OUT, or OUT-1, OUT-2 ... for several variations; refused before any work when one would replace a file unasked. */
    List<Path> targets(Path input, Path output) throws ScoreFileException {
        return ScoreOutputs.targets(input, output, count(), overwrite);
    }

    /** Prints how to get the same result again, when the seed was not given. */
    void tellHowToRepeat(PrintWriter out) {
        Seeds.tellHowToRepeat(out, seed, used);
    }
}
