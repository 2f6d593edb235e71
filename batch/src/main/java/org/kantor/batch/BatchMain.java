package org.kantor.batch;

import java.io.PrintStream;
import org.kantor.tools.catalog.ToolInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The batch jar's entry: {@code kantor batch ...} and {@code kantor bench batch}, run by the launcher with Spark on the
 * class path, or by spark-submit on a cluster that brings its own.
 */
@Command(name = "kantor", subcommands = {BatchCommand.class, BenchBatchCommand.class})
public final class BatchMain {

    static final int EXIT_OK = 0;
    static final int EXIT_SOME_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERNAL = 3;

    private BatchMain() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != EXIT_OK || !"false".equals(System.getProperty("kantor.batch.exit"))) {
            System.exit(status);
        }
    }

    /** Runs a command line; answers its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new BatchMain(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == BatchCommand.class) {
                    return type.cast(new BatchCommand(out, err));
                }
                if (type == BenchBatchCommand.class) {
                    return type.cast(new BenchBatchCommand(out, err));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        // the tool's options are not known until the tool is: BatchCommand sorts them from the inputs, in order
        line.getSubcommands().get("batch").setUnmatchedOptionsArePositionalParams(true);
        line.setOut(new java.io.PrintWriter(out, true)).setErr(new java.io.PrintWriter(err, true));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BatchJob.BatchError || e instanceof ToolInputException) {
                err.println("kantor batch: " + e.getMessage());
                return EXIT_USAGE;
            }
            if (e instanceof java.io.IOException) {
                err.println("kantor batch: " + e.getMessage());
                return EXIT_SOME_FAILED;
            }
            err.println("kantor batch: internal error: " + e);
            e.printStackTrace(err);
            return EXIT_INTERNAL;
        });
        return line.execute(args);
    }
}
