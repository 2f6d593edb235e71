package org.kantor.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * A chromatic line: one voice moving three or more semitone steps in a row in one direction (F-sharp,
 * F, E, E-flat). Bach writes one now and then over a chromatic bass; in a harmonization it is mostly a
 * voice slithering where a step of the scale was wanted.
 */
final class ChromaticLine implements Rule {

    static final int STEPS = 3;

    @Override
    public String id() {
        return "chromatic-line";
    }

    @Override
    public Finding.Severity severity() {
        return Finding.Severity.WARNING;
    }

    @Override
    public String definition() {
        return "A voice moves by " + STEPS + " or more semitones in a row in one direction (F-sharp, F, E, E-flat), with no rest between.";
    }

    @Override
    public void check(Chorale chorale, List<Finding> findings) {
        for (int v = 0; v < 4; v++) {
            List<SungNote> line = chorale.voice(v);
            List<SungNote> run = new ArrayList<>();
            int direction = 0;
            for (int i = 1; i <= line.size(); i++) {
                SungNote from = line.get(i - 1);
                SungNote to = i < line.size() ? line.get(i) : null;
                int move = to == null || !to.onset().equals(from.end()) ? 0 : to.midi() - from.midi();
                boolean continues = Math.abs(move) == 1 && (run.isEmpty() || Integer.signum(move) == direction);
                if (continues) {
                    if (run.isEmpty()) {
                        run.add(from);
                        direction = Integer.signum(move);
                    }
                    run.add(to);
                    continue;
                }
                report(chorale, v, run, findings);
                run = new ArrayList<>();
                if (Math.abs(move) == 1) {
                    run.add(from);
                    run.add(to);
                    direction = Integer.signum(move);
                }
            }
        }
    }

    private void report(Chorale chorale, int v, List<SungNote> run, List<Finding> findings) {
        if (run.size() < STEPS + 1) {
            return;
        }
        SungNote last = run.get(run.size() - 1);
        String notes = String.join(", ", run.stream().map(n -> n.pitch().toString()).toList());
        findings.add(finding(chorale, chorale.at(last), List.of(v), "Chromatic line in the " + Chorale.VOICES[v] + ": " + notes + " ("
                + (run.size() - 1) + " semitone steps in a row). It sounds like sliding; keep to the steps of the key unless the harmony"
                + " is chromatic.", List.copyOf(run)));
    }
}
