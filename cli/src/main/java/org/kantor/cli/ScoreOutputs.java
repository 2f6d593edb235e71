package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.musicxml.ScoreFormat;

/** Output files of the commands that write scores: checked before any work is done, written atomically after. */
final class ScoreOutputs {

    private ScoreOutputs() {
    }

    /** OUT, or OUT-1 ... OUT-N; refuses an unknown extension, an input, or an existing file without --overwrite. */
    static List<Path> targets(Path input, Path output, int count, boolean overwrite) throws ScoreFileException {
        if (ScoreFormat.ofFile(output) == null) {
            throw new Kantor.UserError("cannot tell the format of " + output + " from its extension: use .musicxml, .mxl or .mid");
        }
        List<Path> targets = OutputNames.numbered(output, count);
        for (Path target : targets) {
            OutputNames.refuseToOverwrite(input, target, overwrite);
        }
        return targets;
    }

    static void write(PrintWriter out, String from, List<ScoreDocument> results, List<Path> targets) throws ScoreFileException {
        for (int i = 0; i < results.size(); i++) {
            ScoreFiles.write(results.get(i), targets.get(i), ScoreFormat.ofFile(targets.get(i)));
            out.println(from + " -> " + targets.get(i));
        }
    }
}
