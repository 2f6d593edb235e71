package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.kantor.core.KeySignature;
import org.kantor.core.Measure;
import org.kantor.core.Part;
import org.kantor.core.Pitch;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.Timeline;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kantor info}: what is in a score, at a glance. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show title, composer, parts (name, staves, range), measures, keys, meters, note count and duration of scores.")
final class InfoCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scores to describe (.musicxml, .xml, .mxl, .mid).")
    List<Path> files;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        for (Path file : files) {
            try {
                describe(file, ScoreFiles.read(file).score(), out);
            } catch (ScoreFileException e) {
                err.println("kantor: " + e.getMessage());
                failures++;
            }
        }
        return failures == 0 ? Kantor.EXIT_OK : Kantor.EXIT_BAD_INPUT;
    }

    static void describe(Path file, Score score, PrintWriter out) {
        out.println(file);
        row(out, "Title", score.title() == null ? "(none)" : score.title());
        row(out, "Composer", score.composer() == null ? "(none)" : score.composer());
        List<String> parts = new ArrayList<>();
        for (Part p : score.parts()) {
            Pitch[] range = p.range();
            // a name may hold line breaks ("Violino\nI" on two lines in the score): one line here
            parts.add((p.name().isBlank() ? p.id() : p.name().strip().replaceAll("\\s+", " ")) + " (" + p.staves() + (p.staves() == 1 ? " staff" : " staves")
                    + (range == null ? ", no notes" : ", " + range[0] + "-" + range[1]) + ")");
        }
        row(out, "Parts", parts.isEmpty() ? "(none)" : String.join(", ", parts));
        List<Measure> measures = score.parts().isEmpty() ? List.of() : score.parts().get(0).measures();
        boolean pickup = !measures.isEmpty() && measures.get(0).isIncomplete() && measures.size() > 1;
        row(out, "Measures", measures.size() + (pickup ? " (with a pickup measure)" : ""));
        row(out, "Key", score.keySignatures().stream().map(KeySignature::displayName).collect(Collectors.joining(", ")));
        row(out, "Time", score.timeSignatures().stream().map(TimeSignature::toString).collect(Collectors.joining(", ")));
        row(out, "Notes", Integer.toString(score.noteCount()));
        Timeline timeline = ScoreToTimeline.convert(score);
        Rational length = score.lengthInQuarters();
        double seconds = timeline.seconds(length);
        row(out, "Duration", mixedNumber(length) + " quarter notes, " + clock(seconds) + " at the score's tempo ("
                + Math.round(timeline.tempo().tempoAt(Rational.ZERO)) + " quarter notes per minute at the start)");
    }

    /** 1161/2 as "580 1/2", the way a musician reads it (not 1161 halves, nor 116 1/2). */
    static String mixedNumber(Rational r) {
        long whole = Math.floorDiv(r.numerator(), r.denominator());
        long rest = r.numerator() - whole * r.denominator();
        if (rest == 0) {
            return Long.toString(whole);
        }
        return (whole == 0 ? "" : whole + " ") + rest + "/" + r.denominator();
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-9s %s%n", label + ":", value);
    }

    static String clock(double seconds) {
        return org.kantor.core.ClockTime.of(seconds);
    }
}
