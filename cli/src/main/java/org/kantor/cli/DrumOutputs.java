package org.kantor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.kantor.musicxml.AtomicFiles;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.musicxml.ScoreFormat;
import org.kantor.tools.drums.DrumResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What drumify and groove write, as options both share (picocli mixin): the score (or, for OUT.mid, the
 * performance), with --midi the performance too, one per variation, from a seed that is printed.
 */
final class DrumOutputs {

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output score (.musicxml, .mxl; .mid: the performance as MIDI); with --variations N, OUT-1, OUT-2 ...")
    Path output;

    @Option(names = "--midi", paramLabel = "OUT.mid", description = "Also write the performance (the drums with their dynamics and timing, on channel 10) as MIDI.")
    Path midi;




    @Mixin
    VariationOptions variations;

    /** The seed to use: the one given, or a new one (remembered, to be printed). */
    long seed() {
        return variations.seed();
    }

    /** The score targets and the --midi targets (null when not asked), checked before any work. */
    List<List<Path>> targets(Path input) throws ScoreFileException {
        List<Path> scores = variations.targets(input, output);
        List<Path> midis = null;
        if (midi != null) {
            if (ScoreFormat.ofFile(midi) != ScoreFormat.MIDI) {
                throw new Kantor.UserError("--midi " + midi + " must end in .mid");
            }
            midis = variations.targets(input, midi);
        }
        return java.util.Arrays.asList(scores, midis);
    }

    /** Writes each variation's score and performance to its targets, and says where they went and how to repeat them. */
    void write(PrintWriter out, Path input, List<? extends DrumResult> results, List<List<Path>> targets) throws ScoreFileException {
        List<Path> scoreTargets = targets.get(0);
        List<Path> midiTargets = targets.get(1);
        for (int i = 0; i < results.size(); i++) {
            Path target = scoreTargets.get(i);
            if (ScoreFormat.ofFile(target) == ScoreFormat.MIDI) {
                writeMidi(target, results.get(i).midi());
            } else {
                ScoreFiles.write(results.get(i).score(), target, ScoreFormat.ofFile(target));
            }
            out.println(input + " -> " + target);
            if (midiTargets != null) {
                writeMidi(midiTargets.get(i), results.get(i).midi());
                out.println("  the performance -> " + midiTargets.get(i));
            }
        }
        variations.tellHowToRepeat(out);
    }

    private static void writeMidi(Path target, byte[] midi) throws ScoreFileException {
        try {
            AtomicFiles.write(target, midi);
        } catch (IOException e) {
            throw new ScoreFileException(target.toString(), "cannot be written (" + e.getMessage() + ")");
        }
    }
}
