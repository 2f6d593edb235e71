package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.melody.MelodyLanguageModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.tools.catalog.ContinueTool;
import org.kantor.tools.catalog.LazyModel;
import org.kantor.tools.catalog.ToolArguments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kantor continue}: new measures after the end of a score, in its key and meter (Magenta's Continue, in notation). */
@Command(name = "continue", mixinStandardHelpOptions = true,
        header = "Continue a melody for a few measures, in its key and meter.",
        description = {"Write new measures after the end of a score's melody that go on the way it goes, in the score's key",
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


    @Option(names = "--temperature", defaultValue = "1.0", paramLabel = "T", description = "0: the likeliest notes; higher: bolder (0-2, default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--part", paramLabel = "N", description = "Continue part N (1 = the top part; default: the melody part, or the soprano).")
    Integer part;



    @Option(names = "--no-cadence", description = "Leave the ending open instead of closing on a note of the tonic chord.")
    boolean noCadence;

    @Mixin
    VariationOptions variations;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long s = variations.seed();
        try (LazyModel<MelodyLanguageModel> melody = new LazyModel<>("melody", MelodyLanguageModel::load).startLoading();
             LazyModel<HarmonyModel> harmony = new LazyModel<>("harmony", HarmonyModel::load)) {
            ContinueTool tool = new ContinueTool(melody, harmony);
            ToolArguments arguments = CommandArguments.of(tool, "measures", measures, "temperature", temperature, "part", part, "seed", s, "cadence", !noCadence);
            List<Path> targets = variations.targets(input, output);
            List<ScoreDocument> results = tool.continueScore(ScoreFiles.read(input), arguments, variations.count(), s);
            ScoreOutputs.write(out, input.toString(), results, targets);
        }
        variations.tellHowToRepeat(out);
        return Kantor.EXIT_OK;
    }
}
