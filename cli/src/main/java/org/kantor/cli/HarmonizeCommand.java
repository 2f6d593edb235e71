package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kantor.tools.catalog.HarmonizeService;
import org.kantor.tools.catalog.LazyModel;
import org.kantor.tools.catalog.ToolArguments;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kantor harmonize}: a melody in, a four-part choir score out; or chosen voices and measures of a four-part score anew. */
@Command(name = "harmonize", mixinStandardHelpOptions = true,
        header = "Add alto, tenor and bass to a melody, in the style of Bach's chorales.",
        description = {"Harmonize a melody in four parts, in the style of Bach's chorales.",
            "The melody stays exactly as it was; alto, tenor and bass (or the voices missing around --given) are added as choir parts.",
            "Given a four-part score (parts Soprano, Alto, Tenor, Bass), the voices other than --given are written anew,",
            "or only --voices in --measures, everything else kept."})
final class HarmonizeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "A score with one melody part (.musicxml, .xml, .mxl, .mid).")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output score; with --variations N, OUT-1, OUT-2 ... are written.")
    Path output;

    @Option(names = "--given", defaultValue = "soprano", paramLabel = "VOICE", description = "Which voice the melody is: soprano, alto, tenor or bass (default ${DEFAULT-VALUE}).")
    String given;

    @Option(names = "--part", paramLabel = "NAME",
            description = "Scores with several parts (a song with piano): the part whose melody is harmonized, by name or number, e.g. Voice or 1."
                    + " Parts that would clash with the new voices are left out, with a note saying so.")
    String part;

    @Option(names = "--voices", split = ",", paramLabel = "VOICE", description = "Four-part scores: the voices to write anew, e.g. alto,tenor (default: all but --given).")
    List<String> voices;

    @Option(names = "--measures", paramLabel = "A-B", description = "Four-part scores: only these measures, by their printed numbers, e.g. 5-8 or 3 (default: all).")
    String measures;


    @Option(names = "--temperature", defaultValue = "0.9", paramLabel = "T", description = "Below 1: safer choices; above 1: bolder (0.1-2, default ${DEFAULT-VALUE}).")
    double temperature;


    @Option(names = "--gibbs-steps", defaultValue = "48", paramLabel = "N", description = "Resampling rounds (default ${DEFAULT-VALUE}).")
    int gibbsSteps;

    @Option(names = "--layout", defaultValue = "four-staves", paramLabel = "LAYOUT",
            description = "Melodies: four-staves (a staff per voice, default) or two-staves (soprano and alto on one staff, tenor and bass on another).")
    String layout;


    @Mixin
    VariationOptions variations;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> given = new LinkedHashMap<>();
        given.put("given", this.given);
        given.put("part", part);
        given.put("voices", voices == null ? null : String.join(",", voices));
        given.put("measures", measures);
        given.put("temperature", Double.toString(temperature));
        given.put("seed", Long.toString(variations.seed()));
        given.put("gibbs-steps", Integer.toString(gibbsSteps));
        given.put("layout", layout);
        ToolArguments arguments = HarmonizeService.arguments(given, "--");
        List<Path> targets = variations.targets(input, output);
        HarmonizeService.Result result;
        // the model loads on the other core while the score is read (each takes about half a second)
        try (LazyModel<HarmonyModel> model = new LazyModel<>("harmony", HarmonyModel::load).startLoading()) {
            ScoreDocument doc = ScoreFiles.read(input);
            result = new HarmonizeService(model).harmonize(doc, arguments, variations.count(),
                    ProgressBar.onTerminal(spec.commandLine().getErr(), "harmonizing"));
        }
        result.messages().forEach(m -> spec.commandLine().getErr().println("kantor harmonize: " + m));
        ScoreOutputs.write(out, input.toString(), result.scores(), targets);
        variations.tellHowToRepeat(out);
        return Kantor.EXIT_OK;
    }
}
