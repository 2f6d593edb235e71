package org.kantor.batch;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What a run did, in a few lines: counts, failures grouped by cause, and the slowest files. */
final class BatchSummary {

    private static final int SLOWEST = 5;

    private BatchSummary() {
    }

    static void print(List<ResultRow> rows, int resumed, double seconds, PrintStream out) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        out.printf(Locale.ROOT, "%d files: %d ok, %d failed, %d skipped%s, in %.1f s%n", rows.size(),
                counts.getOrDefault(ResultRow.OK, 0), counts.getOrDefault(ResultRow.FAILED, 0), counts.getOrDefault(ResultRow.SKIPPED, 0),
                resumed > 0 ? " (" + resumed + " done by an earlier run)" : "", seconds);
        Map<String, Integer> causes = new LinkedHashMap<>();
        rows.stream().filter(r -> r.status().equals(ResultRow.FAILED)).forEach(r -> causes.merge(cause(r), 1, Integer::sum));
        if (!causes.isEmpty()) {
            out.println("failures by cause:");
            causes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> out.printf(Locale.ROOT, "  %5d  %s%n", e.getValue(), e.getKey()));
        }
        List<ResultRow> slowest = rows.stream().filter(r -> r.totalMillis() > 0)
                .sorted(Comparator.comparingLong(ResultRow::totalMillis).reversed()).limit(SLOWEST).toList();
        if (!slowest.isEmpty()) {
            out.println("slowest files:");
            slowest.forEach(r -> out.printf(Locale.ROOT, "  %7.1f s  %s%n", r.totalMillis() / 1000.0, r.path()));
        }
    }

    /** A failure's cause without the file's name and the details particular to it: "not an XML file", "the file ends too early". */
    static String cause(ResultRow row) {
        String m = withoutLocation(row);
        int cut = m.length();
        for (String stop : List.of(": ", " (", "; ")) {
            int at = m.indexOf(stop);
            if (at > 0 && at < cut) {
                cut = at;
            }
        }
        m = m.substring(0, cut).replaceAll("\\d+", "N");
        return m.length() > 80 ? m.substring(0, 77) + "..." : m;
    }

    /** The message without the file's name and where in it (line, measure). */
    private static String withoutLocation(ResultRow row) {
        return row.errorWithoutPath().replaceFirst("^((line|measure) [^,:]+(, )?)*: ", "");
    }
}
