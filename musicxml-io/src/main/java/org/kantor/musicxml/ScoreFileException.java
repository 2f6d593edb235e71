package org.kantor.musicxml;

import java.io.IOException;

/**
 * A score file that Kantor cannot read or write, with what is known about where: the file, the line
 * in the XML, the measure as printed. The message is meant for the musician, not for a developer.
 */
public class ScoreFileException extends IOException {

    private final String file;
    private final Integer line;
    private final String measure;
    private final String problem;

    public ScoreFileException(String file, Integer line, String measure, String problem, Throwable cause) {
        super(format(file, line, measure, problem), cause);
        this.file = file;
        this.line = line;
        this.measure = measure;
        this.problem = problem;
    }

    public ScoreFileException(String file, Integer line, String measure, String problem) {
        this(file, line, measure, problem, null);
    }

    public ScoreFileException(String file, String problem) {
        this(file, null, null, problem, null);
    }

    private static String format(String file, Integer line, String measure, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "input" : file);
        if (line != null) {
            sb.append(", line ").append(line);
        }
        if (measure != null) {
            sb.append(", measure ").append(measure);
        }
        return sb.append(": ").append(problem).toString();
    }

    public String file() {
        return file;
    }

    public Integer line() {
        return line;
    }

    public String measure() {
        return measure;
    }

    /** The problem alone, without the location. */
    public String problem() {
        return problem;
    }
}
