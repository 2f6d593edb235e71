package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kantor.harmonizer.GibbsSampler;
import org.kantor.harmonizer.Harmonizer;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.musicxml.ScoreFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kantor harmonize}: a melody in, a four-part choir score out. */
@Command(name = "harmonize", mixinStandardHelpOptions = true,
        description = {"Harmonize a melody in four parts, in the style of Bach's chorales (a Coconet-style model, annealed Gibbs sampling).",
            "The melody stays exactly as it was; alto, tenor and bass (or the voices missing around --given) are added as choir parts."})
final class HarmonizeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "A score with one melody part (.musicxml, .xml, .mxl, .mid).")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output score; with --variations N, OUT-1, OUT-2 ... are written.")
    Path output;

    @Option(names = "--given", defaultValue = "soprano", paramLabel = "VOICE", description = "Which voice the melody is: soprano, alto, tenor or bass (default ${DEFAULT-VALUE}).")
    String given;

    @Option(names = "--variations", defaultValue = "1", paramLabel = "N", description = "How many different harmonizations (1-8, default ${DEFAULT-VALUE}).")
    int variations;

    @Option(names = "--temperature", defaultValue = "0.9", paramLabel = "T", description = "Below 1: safer choices; above 1: bolder (0.1-2, default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for a reproducible result (default: a new one each run).")
    Long seed;

    @Option(names = "--gibbs-steps", defaultValue = "48", paramLabel = "N", description = "Resampling rounds (default ${DEFAULT-VALUE}).")
    int gibbsSteps;

    @Option(names = "--overwrite", description = "Allow replacing existing output files.")
    boolean overwrite;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int voice = List.of(PianoRoll.VOICE_NAMES).indexOf(given.toLowerCase(java.util.Locale.ROOT));
        if (voice < 0) {
            throw new Kantor.UserError("--given must be soprano, alto, tenor or bass, not \"" + given + "\"");
        }
        if (variations < 1 || variations > 8) {
            throw new Kantor.UserError("--variations must be between 1 and 8");
        }
        if (temperature < 0.1 || temperature > 2) {
            throw new Kantor.UserError("--temperature must be between 0.1 and 2");
        }
        if (gibbsSteps < 0 || gibbsSteps > 1000) {
            throw new Kantor.UserError("--gibbs-steps must be between 0 and 1000");
        }
        ScoreFormat format = ScoreFormat.ofFile(output);
        if (format == null) {
            throw new Kantor.UserError("cannot tell the format of " + output + " from its extension: use .musicxml, .mxl or .mid");
        }
        List<Path> targets = OutputNames.numbered(output, variations);
        for (Path target : targets) {
            OutputNames.refuseToOverwrite(input, target, overwrite);
        }
        ScoreDocument doc = ScoreFiles.read(input);
        long s = seed != null ? seed : System.nanoTime();
        GibbsSampler.Settings sampling = new GibbsSampler.Settings(gibbsSteps, temperature, 0.9, 0.05, 0.75, true);
        List<ScoreDocument> results;
        try (HarmonyModel model = HarmonyModel.load()) {
            results = new Harmonizer(model).harmonize(doc, new Harmonizer.Request(voice, variations, s, sampling));
        }
        for (int i = 0; i < results.size(); i++) {
            ScoreFiles.write(results.get(i), targets.get(i), format);
            out.println(input + " -> " + targets.get(i));
        }
        if (seed == null) {
            out.println("(seed " + s + "; pass --seed " + s + " to get the same result again)");
        }
        return Kantor.EXIT_OK;
    }
}
