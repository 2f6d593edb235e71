package org.kantor.bridge;

import org.kantor.musicxml.ScoreFileException;
import org.kantor.tools.catalog.ToolInputException;

/**
 * How a failure is answered, the same for a request and for a job: a bad parameter or an unsuitable or
 * unreadable file is a 400, too long a recording a 422, anything unexpected a 500 that names no class.
 */
final class Problems {

    private Problems() {
    }

    static ProblemException of(ToolInputException e) {
        return switch (e.kind()) {
            case PARAMETER -> new ProblemException(400, "bad-parameter", "Bad parameter", e.getMessage());
            case SCORE -> new ProblemException(400, "unsuitable-score", "File not suitable for this tool", e.getMessage());
            case TOO_LONG -> new ProblemException(422, "too-long", "Recording too long", e.getMessage());
        };
    }

    static ProblemException of(ScoreFileException e) {
        return new ProblemException(400, "unreadable-score", "Score cannot be used", e.getMessage());
    }

    static ProblemException of(Exception e) {
        if (e instanceof ProblemException p) {
            return p;
        }
        if (e instanceof ToolInputException t) {
            return of(t);
        }
        if (e instanceof ScoreFileException s) {
            return of(s);
        }
        return internal(e);
    }

    static ProblemException internal(Exception e) {
        return new ProblemException(500, "internal", "Internal error",
                "an unexpected error (" + e.getClass().getSimpleName() + "); the server log has a line about it; please report it");
    }
}
