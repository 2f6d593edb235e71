package org.kantor.batch;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch run does to every file: the tool, its parameters (by name, as the server takes them), where results go,
 * and how long one file may take. Travels to every executor.
 */
public record BatchSettings(String tool, Map<String, String> arguments, String outFolder, double timeoutSeconds) implements Serializable {

    public BatchSettings {
        arguments = new TreeMap<>(arguments);
    }
}
