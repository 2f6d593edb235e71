package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kantor.models.melody.MelodyLatentModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.tools.catalog.GenerateTool;
import org.kantor.tools.catalog.LazyModel;
import org.kantor.tools.catalog.ToolArguments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kantor generate}: new melodies from Kantor's latent melody model (Magenta's Generate, in notation). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        header = "Write new melodies in the key and meter you ask for.",
        description = {"Write new melodies in the key and meter asked for, two measures at a time; a longer melody is a walk",
            "through related two-measure ideas, so that it hangs together."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output score; with --variations N, OUT-1, OUT-2 ... are written.")
    Path output;

    @Option(names = "--measures", defaultValue = "4", paramLabel = "N", description = "Length: 2, 4, 8 or 16 measures (default ${DEFAULT-VALUE}).")
    int measures;


    @Option(names = "--key", defaultValue = "C", paramLabel = "K", description = "Key, e.g. C, Eb, f#m or \"D minor\" (default ${DEFAULT-VALUE}).")
    String key;

    @Option(names = "--time", defaultValue = "4/4", paramLabel = "T", description = "Meter, e.g. 3/4 or 6/8 (default ${DEFAULT-VALUE}).")
    String time;

    @Option(names = "--temperature", defaultValue = "0.5", paramLabel = "T", description = "0: the likeliest notes; higher: bolder (0-2, default ${DEFAULT-VALUE}).")
    double temperature;



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
        try (LazyModel<MelodyLatentModel> model = new LazyModel<>("latent melody", MelodyLatentModel::load).startLoading()) {
            GenerateTool tool = new GenerateTool(model);
            ToolArguments arguments = CommandArguments.of(tool, "measures", measures, "key", key, "time", time, "temperature", temperature,
                    "seed", s, "cadence", !noCadence);
            List<Path> targets = variations.targets(null, output);
            List<ScoreDocument> docs = tool.generate(arguments, variations.count(), s, output.getFileName().toString());
            ScoreOutputs.write(out, "generated", docs, targets);
        }
        variations.tellHowToRepeat(out);
        return Kantor.EXIT_OK;
    }
}
