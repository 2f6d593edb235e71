package org.kantor.tools.catalog;

/**
 * A request a tool cannot honour, with a message the user can act on: a wrong parameter, or a score
 * that does not fit the tool (the message names the file and measure). The command line turns it into
 * exit code 2 or 1, the server into a 400.
 */
public final class ToolInputException extends RuntimeException {

    /** What is at fault: a parameter, the file (not suitable for the tool), or its size (too long a recording for one run). */
    public enum Kind {
        PARAMETER, SCORE, TOO_LONG
    }

    private final Kind kind;

    public ToolInputException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static ToolInputException parameter(String message) {
        return new ToolInputException(Kind.PARAMETER, message);
    }

    public static ToolInputException score(String message) {
        return new ToolInputException(Kind.SCORE, message);
    }

    public Kind kind() {
        return kind;
    }
}
