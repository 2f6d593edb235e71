package org.kantor.batch;

import java.util.List;
import java.util.Map;

/**
 * For a checked folder of exercises: a line per submission a teacher can hand back (its findings, or that it is clean, or
 * why it could not be checked), beside each submission's annotated score.
 */
final class TeacherReport {

    static final String FILE = "report.txt";

    private TeacherReport() {
    }

    static String of(List<ResultRow> rows) {
        StringBuilder report = new StringBuilder();
        for (ResultRow r : ResultsTable.sorted(rows)) {
            String name = java.nio.file.Path.of(r.path()).getFileName().toString();
            Map<String, String> f = r.figures();
            switch (r.status()) {
                case ResultRow.OK -> {
                    int n = Integer.parseInt(f.getOrDefault("findings", "0"));
                    report.append(name).append(": ").append(n == 0 ? "no findings" : n + (n == 1 ? " finding: " : " findings: ")
                            + f.getOrDefault(FileWork.FINDINGS_LINE, "")).append(n == 0 ? "" : " (marked in " + r.output() + ")");
                }
                case ResultRow.FAILED -> report.append(name).append(": not checked: ").append(r.errorWithoutPath());
                default -> report.append(name).append(": skipped: ").append(r.error());
            }
            report.append('\n');
        }
        return report.toString();
    }
}
