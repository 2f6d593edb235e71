package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kantor.harmonizer.Harmonizer;
import org.kantor.harmonizer.melody.MelodyContinuation;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.melody.MelodyLanguageModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kantor continue}: new measures after the end of a score, in its key and meter (Magenta's Continue, in notation). */
@Command(name = "continue", mixinStandardHelpOptions = true,
        header = "Continue a melody for a few measures, in its key and meter.",
        description = {"Continue the melody of a score for some measures with Kantor's melody language model, in the score's key",
            "and meter. The whole score is written with the new measures added (other parts rest there); the original",
            "measures are unchanged. A four-part chorale (Soprano, Alto, Tenor, Bass) gets its soprano continued and the",
            "lower voices of the new measures written by the harmonizer."})
final class ContinueCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "A score (.musicxml, .xml, .mxl, .mid).")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output score; with --variations N, OUT-1, OUT-2 ... are written.")
    Path output;

    @Option(names = "--measures", defaultValue = "4", paramLabel = "N", description = "Measures to add (1-32, default ${DEFAULT-VALUE}).")
    int measures;

    @Option(names = "--variations", defaultValue = "1", paramLabel = "N", description = "How many different continuations (1-8, default ${DEFAULT-VALUE}).")
    int variations;

    @Option(names = "--temperature", defaultValue = "1.0", paramLabel = "T", description = "0: the likeliest notes; higher: bolder (0-2, default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--part", paramLabel = "N", description = "Continue part N (1 = the top part; default: the melody part, or the soprano).")
    Integer part;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for a reproducible result (default: a new one each run).")
    Long seed;

    @Option(names = "--overwrite", description = "Allow replacing existing output files.")
    boolean overwrite;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MelodyContinuation.Request request;
        long s = Seeds.chosen(seed);
        try {
            request = new MelodyContinuation.Request(measures, variations, temperature, s, part == null ? null : part - 1);
        } catch (IllegalArgumentException e) {
            throw new Kantor.UserError(e.getMessage());
        }
        List<Path> targets = ScoreOutputs.targets(input, output, variations, overwrite);
        ScoreDocument doc = ScoreFiles.read(input);
        MelodyLanguageModel model = MelodyLanguageModel.load();
        List<ScoreDocument> results;
        if (part == null && MelodyContinuation.fourParts(doc) != null) {
            try (HarmonyModel harmony = HarmonyModel.load()) {
                results = new MelodyContinuation(model, new Harmonizer(harmony)).continueScore(doc, request);
            }
        } else {
            results = new MelodyContinuation(model, null).continueScore(doc, request);
        }
        ScoreOutputs.write(out, input.toString(), results, targets);
        Seeds.tellHowToRepeat(out, seed, s);
        return Kantor.EXIT_OK;
    }
}
