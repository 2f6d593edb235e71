package org.kantor.batch;

import java.io.Serializable;

/**
 * One file of a batch run: where it is, and the name its output takes under the output folder (its path below the folder
 * it was found in, without the extension), unique within the run.
 */
public record BatchInput(String path, String outputName) implements Serializable {
}
