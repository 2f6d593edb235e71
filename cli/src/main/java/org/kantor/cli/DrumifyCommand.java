package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kantor.models.drums.DrumModel;
import org.kantor.models.drums.DrumTask;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.tools.drums.DrumInputs;
import org.kantor.tools.drums.Drumify;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kantor drumify}: a drum part that fits the rhythm of a score, a MIDI file or a recording. */
@Command(name = "drumify", mixinStandardHelpOptions = true,
        header = "Add a drum part that fits the rhythm of a score, as a drummer would play it.",
        description = {"Write a drum-set part that fits the rhythm of a part (a bass line, a riff, a melody) or of all parts",
            "together, as a drummer would play it. The score comes back with a drum staff added at the bottom (percussion",
            "clef, hands and feet in two voices, x noteheads for cymbals) that MuseScore shows and plays; nothing else",
            "changes. IN may be a score, a MIDI file or a recording (its onsets are heard first). 4/4 or 2/2 only."})
final class DrumifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "A score (.musicxml, .xml, .mxl), a MIDI file (.mid) or a recording (.wav, .flac, .mp3, .ogg).")
    Path input;

    @Option(names = "--part", paramLabel = "N", description = "Follow the rhythm of part N (1 = the top part; default: all parts together).")
    Integer part;

    @Option(names = "--bars", paramLabel = "N", description = "Drum only the first N bars (default: the whole score).")
    Integer bars;

    @Option(names = "--temperature", defaultValue = "0.7", paramLabel = "T", description = "0: the most typical drummer; higher: more adventurous (0-2, default ${DEFAULT-VALUE}).")
    double temperature;

    @Mixin
    DrumOutputs outputs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long s = outputs.seed();
        Drumify.Request request;
        try {
            request = new Drumify.Request(part == null ? null : part - 1, bars, outputs.variations.count(), temperature, s);
        } catch (IllegalArgumentException e) {
            throw new Kantor.UserError(e.getMessage());
        }
        List<List<Path>> targets = outputs.targets(input);
        ScoreDocument doc = DrumInputs.forDrumify(input, fraction -> { });
        outputs.write(out, input, new Drumify(DrumModel.load(DrumTask.DRUMIFY)).run(doc, request), targets);
        return Kantor.EXIT_OK;
    }
}
