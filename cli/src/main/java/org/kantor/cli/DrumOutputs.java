package org.kantor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.kantor.musicxml.AtomicFiles;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.musicxml.ScoreFormat;

/** The files drumify and groove write: the score (or, for OUT.mid, the performance), and with --midi the performance too. */
final class DrumOutputs {

    private DrumOutputs() {
    }

    /** The score targets and the --midi targets (null when not asked), checked before any work. */
    static List<List<Path>> targets(Path input, Path output, Path midi, int count, boolean overwrite) throws ScoreFileException {
        List<Path> scores = ScoreOutputs.targets(input, output, count, overwrite);
        List<Path> midis = null;
        if (midi != null) {
            if (ScoreFormat.ofFile(midi) != ScoreFormat.MIDI) {
                throw new Kantor.UserError("--midi " + midi + " must end in .mid");
            }
            midis = ScoreOutputs.targets(input, midi, count, overwrite);
        }
        return java.util.Arrays.asList(scores, midis);
    }

    static void write(PrintWriter out, String from, List<ScoreDocument> scores, List<byte[]> performances, List<List<Path>> targets)
            throws ScoreFileException {
        List<Path> scoreTargets = targets.get(0);
        List<Path> midiTargets = targets.get(1);
        for (int i = 0; i < scores.size(); i++) {
            Path target = scoreTargets.get(i);
            if (ScoreFormat.ofFile(target) == ScoreFormat.MIDI) {
                writeMidi(target, performances.get(i));
            } else {
                ScoreFiles.write(scores.get(i), target, ScoreFormat.ofFile(target));
            }
            out.println(from + " -> " + target);
            if (midiTargets != null) {
                writeMidi(midiTargets.get(i), performances.get(i));
                out.println("  the performance -> " + midiTargets.get(i));
            }
        }
    }

    private static void writeMidi(Path target, byte[] midi) throws ScoreFileException {
        try {
            AtomicFiles.write(target, midi);
        } catch (IOException e) {
            throw new ScoreFileException(target.toString(), "cannot be written (" + e.getMessage() + ")");
        }
    }
}
