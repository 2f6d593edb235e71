package org.kantor.models;

import java.nio.file.Path;

/**
 * The project's one split of the shared scores into training and held-out pieces, by file name
 * alone (stable across machines and runs, held out by piece, never by excerpt): 85% train, 5%
 * valid, 10% test. Everything Kantor learns from scores trains on TRAIN; evaluations use TEST.
 */
public enum PieceSplit {
    TRAIN, VALID, TEST;

    public static PieceSplit of(Path file) {
        int bucket = Math.floorMod(file.getFileName().toString().hashCode(), 20);
        return bucket < 2 ? TEST : bucket == 2 ? VALID : TRAIN;
    }
}
