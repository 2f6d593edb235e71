package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kantor.models.melody.MelodyLatentModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.tools.catalog.InterpolateTool;
import org.kantor.tools.catalog.LazyModel;
import org.kantor.tools.catalog.ToolArguments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kantor interpolate}: a walk from the opening of one melody to the opening of another (Magenta's Interpolate, in notation). */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        header = "Walk from the opening of one melody to the opening of another, in steps.",
        description = {"Take the first two measures of the melodies of A and B and write a gradual change from one to the other:",
            "every step is two measures, one after another in one score, with rehearsal marks A (A as Kantor hears it),",
            "1 .. N, B."})
final class InterpolateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "The score to start from.")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "The score to arrive at.")
    Path second;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output score.")
    Path output;

    @Option(names = "--steps", defaultValue = "5", paramLabel = "N", description = "Steps between A and B (1-16, default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--overwrite", description = "Allow replacing an existing output file.")
    boolean overwrite;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (LazyModel<MelodyLatentModel> model = new LazyModel<>("latent melody", MelodyLatentModel::load).startLoading()) {
            InterpolateTool tool = new InterpolateTool(model);
            ToolArguments arguments = CommandArguments.of(tool, "steps", steps);
            List<Path> targets = ScoreOutputs.targets(first, output, 1, overwrite);
            OutputNames.refuseToOverwrite(second, output, overwrite);
            ScoreDocument doc = tool.interpolate(ScoreFiles.read(first), ScoreFiles.read(second), arguments, output.getFileName().toString());
            ScoreOutputs.write(out, first + " + " + second, List.of(doc), targets);
        }
        return Kantor.EXIT_OK;
    }
}
