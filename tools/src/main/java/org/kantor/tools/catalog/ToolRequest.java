package org.kantor.tools.catalog;

import java.util.List;
import java.util.function.DoubleConsumer;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * One run of a tool: the files it takes (as many as its {@link ToolInput} says), the checked
 * arguments, and where to report progress (0..1). Long work stops when its thread is interrupted:
 * a tool reports progress often, and a front end that cancels may throw from the progress listener.
 */
public record ToolRequest(List<ToolFile> files, ToolArguments arguments, DoubleConsumer progress) {

    public ToolRequest {
        files = List.copyOf(files);
        progress = progress == null ? fraction -> { } : progress;
    }

    public ToolRequest(List<ToolFile> files, ToolArguments arguments) {
        this(files, arguments, null);
    }

    /** The {@code index}-th file as a score. */
    public ScoreDocument score(int index) throws ScoreFileException {
        return file(index).score();
    }

    public ToolFile file(int index) {
        if (index >= files.size()) {
            throw ToolInputException.parameter(arguments.tool() + " needs " + (index + 1) + " file" + (index == 0 ? "" : "s")
                    + "; " + files.size() + " given");
        }
        return files.get(index);
    }
}
