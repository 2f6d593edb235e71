package org.kantor.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.kantor.tools.catalog.Tool;
import org.kantor.tools.catalog.ToolArguments;
import org.kantor.tools.catalog.ToolCatalog;
import org.kantor.tools.catalog.ToolInput;
import org.kantor.tools.catalog.ToolParameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kantor batch TOOL INPUTS... --out DIR [tool parameters]}: one tool over many files, on Spark. */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a tool over folders, globs or list files of inputs on Apache Spark: embedded on this machine by default,"
                + " or on a cluster (--master, or spark-submit of kantor-batch.jar).",
            "Tools: convert, check, harmonize, continue, transcribe, drumify, groove, stats. Their parameters follow as on the"
                + " command line (--format mxl, --rules parallel-fifths ...).",
            "OUT gets outputs/ (each input's result), results.parquet and results.csv (one row per input), rows/ (what a rerun"
                + " resumes from), and for check report.txt (a line per submission).",
            "Exit status: 0 when every file is done or skipped, 1 when some failed (see the table), 2 for a mistake in the command."})
final class BatchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TOOL", description = "The tool to run on every input.")
    String tool;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUTS",
            description = "Folders (walked for the files the tool reads), globs (quote them: 'scores/**/*.mxl'), @list.txt files"
                    + " (a path a line) and single files; the tool's own options (--format mxl ...) may come among them.")
    List<String> inputsAndToolOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output folder; rerun with the same one to resume.")
    Path outFolder;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[*] (the default: every core here), local[2],"
            + " spark://host:7077, yarn, k8s://...")
    String master;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "Give up a file after this long (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--retry-failed", description = "Try the files that failed in an earlier run again (done ones are still skipped).")
    boolean retryFailed;

    private final PrintStream out;
    private final PrintStream err;

    BatchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        ToolCatalog catalog = ExecutorTools.catalog();
        Tool chosen = catalog.find(tool).orElseThrow(() -> new BatchJob.BatchError("unknown tool \"" + tool + "\"; the tools are "
                + String.join(", ", catalog.tools().stream().filter(t -> t.takes().files() == 1).map(Tool::name).toList())));
        if (chosen.takes() == ToolInput.TWO_SCORES || chosen.takes() == ToolInput.NOTHING) {
            throw new BatchJob.BatchError(tool + " takes " + chosen.takes().description() + ", not one file at a time: it has no batch run");
        }
        if (!(timeout > 0)) {
            throw new BatchJob.BatchError("--timeout must be a number of seconds above 0");
        }
        List<String> inputs = new ArrayList<>();
        Map<String, String> given = toolArguments(chosen, inputsAndToolOptions, inputs);
        ToolArguments checked = ToolArguments.of(chosen.name(), chosen.parameters(), given, "--");
        chosen.check(checked);
        BatchSettings settings = new BatchSettings(chosen.name(), given, outFolder.toAbsolutePath().normalize().toString(), timeout);
        List<BatchInput> files = new InputFinder(chosen.takes(), outFolder).find(inputs);
        if (files.isEmpty()) {
            throw new BatchJob.BatchError("no files to " + chosen.name() + " in " + String.join(" ", inputs) + " (it reads "
                    + InputKinds.describe(chosen.takes()) + ")");
        }
        err.println("kantor batch: " + chosen.name() + " on " + files.size() + " files -> " + settings.outFolder());
        SparkSession spark = BatchSpark.session(master);
        try {
            BatchJob.Outcome outcome = BatchJob.run(spark, settings, files, retryFailed, err, System.console() != null);
            BatchSummary.print(outcome.rows(), outcome.resumed(), outcome.seconds(), out);
            out.println("results: " + Path.of(settings.outFolder(), ResultsTable.CSV) + " and " + ResultsTable.PARQUET
                    + (chosen.name().equals("check") ? "; a line per submission: " + Path.of(settings.outFolder(), TeacherReport.FILE) : ""));
            return outcome.failed() == 0 ? BatchMain.EXIT_OK : BatchMain.EXIT_SOME_FAILED;
        } finally {
            spark.stop();
        }
    }

    /**
     * Splits what follows the tool into inputs and the tool's options ({@code --name value}, {@code --name=value}, bare
     * flags), checked against the tool's own parameter names.
     */
    static Map<String, String> toolArguments(Tool tool, List<String> words, List<String> inputs) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") || word.length() == 2) {
                inputs.add(word);
                continue;
            }
            String name = word.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            String key = name;
            ToolParameter parameter = tool.parameters().stream().filter(p -> p.name().equals(key)).findFirst()
                    .orElseThrow(() -> new BatchJob.BatchError(tool.name() + " has no option --" + key + (tool.parameters().isEmpty()
                            ? "" : "; its options are " + String.join(", ", tool.parameters().stream().map(p -> "--" + p.name()).toList()))));
            if (value == null) {
                boolean flag = parameter.type() == ToolParameter.Type.BOOLEAN;
                boolean next = i + 1 < words.size() && !words.get(i + 1).startsWith("--");
                if (flag && !(next && List.of("true", "false").contains(words.get(i + 1)))) {
                    value = "true";
                } else if (next) {
                    value = words.get(++i);
                } else {
                    throw new BatchJob.BatchError("--" + name + " needs a value");
                }
            }
            given.put(name, value);
        }
        return given;
    }
}
