package org.kantor.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code kantor batch} in the help, and where it runs: Spark is kept out of this jar, so the launcher starts the batch jar
 * (kantor-batch.jar, with Spark beside it) for it.
 */
@Command(name = "batch", description = "Run a tool over whole folders of scores or recordings on Apache Spark (results table,"
        + " resumable, a cluster when you outgrow one machine): ./kantor batch TOOL INPUTS... --out DIR; see docs/batch.md.")
final class BatchHintCommand implements Callable<Integer> {

    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        throw new Kantor.UserError("batch runs are in their own jar, with Spark beside it: run them with the kantor launcher"
                + " (./kantor batch TOOL INPUTS... --out DIR) or spark-submit batch/target/kantor-batch.jar; see docs/batch.md");
    }
}
