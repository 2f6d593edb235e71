package org.kantor.batch;

import org.kantor.tools.catalog.StandardTools;
import org.kantor.tools.catalog.ToolCatalog;

/**
 * The tools of this JVM (one executor, or the driver when embedded): made on the first file and kept, so that each model
 * loads once per executor however many files and tasks it runs.
 */
final class ExecutorTools {

    /** Transcribe's longest recording in a batch: an archive's longest tapes, not a server's upload limit. */
    private static final double MAX_RECORDING_SECONDS = 6 * 3600;

    private static volatile StandardTools tools;
    private static volatile ToolCatalog catalog;

    private ExecutorTools() {
    }

    static ToolCatalog catalog() {
        ToolCatalog c = catalog;
        if (c == null) {
            synchronized (ExecutorTools.class) {
                if (catalog == null) {
                    tools = new StandardTools(MAX_RECORDING_SECONDS);
                    catalog = tools.batchCatalog();
                    Runtime.getRuntime().addShutdownHook(new Thread(tools::close, "kantor-batch-models"));
                }
                c = catalog;
            }
        }
        return c;
    }
}
