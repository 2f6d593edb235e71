package org.kantor.harmonizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.kantor.checker.Finding;
import org.kantor.checker.MelodyLine;
import org.kantor.checker.SungNote;
import org.kantor.checker.VoiceLeadingChecker;
import org.kantor.core.Pitch;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * Reads each sampled harmonization as the checker does and resamples the new notes it flags (a seventh
 * that leaps away, a leap of a tenth, an augmented second, hidden octaves ...), given everything else,
 * keeping a change only when the written score has fewer faults. A few passes of this take out most of
 * what a teacher would mark while the notes it did not flag, and so each variation's own character, stay.
 */
final class FaultRepair {

    /** How a sampled roll becomes the score the checker reads. */
    interface Writer {
        ScoreDocument write(int[][] roll) throws ScoreFileException;
    }

    /** What each pass asks of the sampler: the flagged notes resampled in this many rounds. */
    static final int ROUNDS_PER_PASS = 3;

    private final GibbsSampler sampler;
    private final VoiceLeadingChecker checker;
    private final int passes;

    FaultRepair(GibbsSampler sampler, VoiceLeadingChecker checker, int passes) {
        this.sampler = sampler;
        this.checker = checker;
        this.passes = passes;
    }

    /**
     * The best version of each variation found: the written documents, one per roll.
     * @param rolls {@code [variation][step][voice]} as the sampler left them
     * @param unknown {@code [voice][step]}: the cells that were sampled (the only ones that may change)
     */
    ScoreDocument[] repair(int[][][] rolls, boolean[][] unknown, Writer writer, Random random, boolean[] mayMove, int[] beatPhases)
            throws ScoreFileException {
        int variations = rolls.length;
        if (passes == 0) {
            ScoreDocument[] written = new ScoreDocument[variations];
            for (int v = 0; v < variations; v++) {
                written[v] = writer.write(rolls[v]);
            }
            return written;
        }
        ScoreDocument[] best = new ScoreDocument[variations];
        int[][][] bestRolls = rolls.clone();
        double[] bestFaults = new double[variations];
        boolean[][][] flagged = new boolean[variations][][];
        int[][][] candidates = rolls;
        for (int pass = 0; pass <= passes; pass++) {
            boolean anyFlagged = false;
            for (int v = 0; v < variations; v++) {
                if (pass > 0 && flagged[v] == null) {
                    continue; // nothing was resampled: the best stays
                }
                ScoreDocument doc = writer.write(candidates[v]);
                VoiceLeadingChecker.Report report = checkedOrNull(doc);
                double faults = report == null ? 0 : weight(report);
                if (pass == 0 || faults < bestFaults[v]) {
                    best[v] = doc;
                    bestRolls[v] = candidates[v];
                    bestFaults[v] = faults;
                    flagged[v] = report == null ? null : cellsOf(report, unknown, candidates[v].length);
                }
                anyFlagged |= flagged[v] != null;
            }
            if (!anyFlagged || pass == passes) {
                break;
            }
            // in the later passes a fault that stayed gets more room: the other new voices move with the flagged notes
            boolean[][][] cells = pass < passes / 2 ? flagged : widened(flagged, unknown);
            candidates = sampler.resample(bestRolls, cells, unknown, ROUNDS_PER_PASS, random, mayMove, beatPhases);
        }
        return best;
    }

    /** The flagged cells with every new voice sounding at the same steps. */
    static boolean[][][] widened(boolean[][][] flagged, boolean[][] unknown) {
        boolean[][][] wide = new boolean[flagged.length][][];
        for (int v = 0; v < flagged.length; v++) {
            if (flagged[v] == null) {
                continue;
            }
            wide[v] = new boolean[PianoRoll.VOICES][flagged[v][0].length];
            for (int t = 0; t < flagged[v][0].length; t++) {
                boolean any = false;
                for (int voice = 0; voice < PianoRoll.VOICES; voice++) {
                    any |= flagged[v][voice][t];
                }
                for (int voice = 0; voice < PianoRoll.VOICES; voice++) {
                    wide[v][voice][t] = any && unknown[voice][t];
                }
            }
        }
        return wide;
    }

    private VoiceLeadingChecker.Report checkedOrNull(ScoreDocument doc) {
        try {
            return checker.check(doc.score(), doc.name());
        } catch (ScoreFileException e) {
            return null; // a texture the checker cannot read as four parts: leave it as sampled
        }
    }

    /** Faults no teacher lets pass and Bach all but never writes: they count three, so no repair trades one for lesser ones. */
    static final java.util.Set<String> HARD = java.util.Set.of("parallel-fifths", "parallel-octaves", "augmented-second", "large-leap",
            "chromatic-clash", "voice-crossing");

    /**
     * Errors count one, warnings (hidden fifths, overlaps ...) half: a sampler trading an error for two warnings gains nothing.
     * A chromatic inflection inside a voice (F-sharp then F) is no rule's fault but counts half as well: the model
     * writes twice as many as Bach, and each is heard as a wobble.
     */
    static double weight(VoiceLeadingChecker.Report report) {
        double sum = 0;
        for (Finding f : report.findings()) {
            sum += HARD.contains(f.rule()) ? 3 : f.severity() == Finding.Severity.ERROR ? 1 : 0.5;
        }
        return sum + 0.5 * inflections(report).size() / 2;
    }

    /** The two notes of each chromatic inflection inside a voice: one letter, two accidentals, one after the other. */
    static List<SungNote> inflections(VoiceLeadingChecker.Report report) {
        List<SungNote> notes = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            List<SungNote> line = report.chorale().voice(v);
            for (int i = 1; i < line.size(); i++) {
                Pitch a = line.get(i - 1).pitch();
                Pitch b = line.get(i).pitch();
                if (a.step() == b.step() && a.alter() != b.alter()) {
                    notes.add(line.get(i - 1));
                    notes.add(line.get(i));
                }
            }
        }
        return notes;
    }

    /** The new notes the findings (and inflections) mark, as roll cells; null when none marks a new note. */
    static boolean[][] cellsOf(VoiceLeadingChecker.Report report, boolean[][] unknown, int steps) {
        boolean[][] cells = new boolean[PianoRoll.VOICES][steps];
        boolean any = false;
        List<List<SungNote>> marked = new ArrayList<>();
        report.findings().forEach(f -> marked.add(f.marked()));
        marked.add(inflections(report));
        for (List<SungNote> notes : marked) {
            for (SungNote note : notes) {
                int from = (int) note.onset().dividedBy(MelodyLine.STEP).floor();
                int to = Math.min(steps, (int) note.end().dividedBy(MelodyLine.STEP).floor());
                for (int t = Math.max(0, from); t < to; t++) {
                    if (unknown[note.voice()][t]) {
                        cells[note.voice()][t] = true;
                        any = true;
                    }
                }
            }
        }
        return any ? cells : null;
    }
}
