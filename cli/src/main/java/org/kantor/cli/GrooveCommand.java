package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kantor.models.drums.DrumModel;
import org.kantor.models.drums.DrumTask;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.tools.drums.DrumInputs;
import org.kantor.tools.drums.Groove;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kantor groove}: a stiff drum part played with a drummer's dynamics and timing. */
@Command(name = "groove", mixinStandardHelpOptions = true,
        header = "Play a drum part as a drummer would, with its own loudness and timing for every stroke.",
        description = {"Play a drum part as a drummer would: every stroke gets its own loudness and its own push or drag",
            "against the beat. The notation stays exactly as written; the performance goes into the notes' playback",
            "attributes (dynamics, attack, release) and, with --midi or OUT.mid, into a MIDI file. IN is a score with a",
            "drum staff or a MIDI file with drums on channel 10. 4/4 or 2/2 only."})
final class GrooveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "A score with a drum part (.musicxml, .xml, .mxl) or a MIDI file (.mid).")
    Path input;

    @Option(names = "--part", paramLabel = "N", description = "The drum part (1 = the top part; default: the first percussion part).")
    Integer part;

    @Option(names = "--amount", defaultValue = "1.0", paramLabel = "A", description = "0: as written; 1: fully humanized (default ${DEFAULT-VALUE}).")
    double amount;

    @Option(names = "--temperature", defaultValue = "0.7", paramLabel = "T", description = "0: the most typical feel; higher: a looser, more personal one (0-2, default ${DEFAULT-VALUE}).")
    double temperature;

    @Mixin
    DrumOutputs outputs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long s = outputs.seed();
        Groove.Request request;
        try {
            request = new Groove.Request(part == null ? null : part - 1, amount, outputs.variations.count(), temperature, s);
        } catch (IllegalArgumentException e) {
            throw new Kantor.UserError(e.getMessage());
        }
        List<List<Path>> targets = outputs.targets(input);
        ScoreDocument doc = DrumInputs.forGroove(input);
        outputs.write(out, input, new Groove(DrumModel.load(DrumTask.GROOVE)).run(doc, request), targets);
        return Kantor.EXIT_OK;
    }
}
