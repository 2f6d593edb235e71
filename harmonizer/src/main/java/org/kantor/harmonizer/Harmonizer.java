package org.kantor.harmonizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.kantor.core.Score;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.core.timeline.TimedNote;
import org.kantor.models.harmony.CoconetConfig;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.models.harmony.PianoRoll;
import org.kantor.models.harmony.RollBatch;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * Harmonizes a melody in four parts, Bach-Doodle style: the melody becomes one voice of the piano
 * roll (soprano unless asked otherwise), the model writes the other three by annealed Gibbs sampling,
 * and the new voices are added to the original score as choir parts, the melody left exactly as it was.
 */
public final class Harmonizer {

    /** What to harmonize and how. {@code givenVoice}: 0 soprano .. 3 bass. */
    public record Request(int givenVoice, int variations, long seed, GibbsSampler.Settings sampling) {
        public static Request defaults() {
            return new Request(0, 1, 1, GibbsSampler.Settings.defaults());
        }
    }

    private final HarmonyModel model;

    public Harmonizer(HarmonyModel model) {
        this.model = model;
    }

    /** One harmonized document per variation. The input document is not changed. */
    public List<ScoreDocument> harmonize(ScoreDocument input, Request request) throws ScoreFileException {
        Score score = input.score();
        MelodyLine melody = MelodyLine.of(score, input.name());
        int steps = melody.steps();
        int given = request.givenVoice();
        int shift = transpositionIntoRange(melody.notes(), VoiceRange.TEXTBOOK[given]);

        int[][] pitches = new int[steps][PianoRoll.VOICES];
        boolean[][] unknown = new boolean[PianoRoll.VOICES][steps];
        Set<Integer> onsets = new HashSet<>();
        for (int[] row : pitches) {
            java.util.Arrays.fill(row, PianoRoll.SILENT);
        }
        for (TimedNote n : melody.notes()) {
            int from = (int) n.onset().dividedBy(MelodyLine.STEP).floor();
            int to = Math.min(steps, (int) n.offset().dividedBy(MelodyLine.STEP).floor());
            onsets.add(from);
            for (int t = from; t < to; t++) {
                pitches[t][given] = clampToModel(n.midi() + shift);
                for (int v = 0; v < PianoRoll.VOICES; v++) {
                    unknown[v][t] = v != given;
                }
            }
        }
        List<MeasureLayout.Slot> slots = MeasureLayout.of(score);
        int[] beatPhases = beatPhases(slots, steps);
        int[][][] sampled = new GibbsSampler(model, request.sampling()).sample(pitches, unknown, request.variations(),
                new Random(request.seed()), movesOnEighthsAndWithTheMelody(beatPhases, onsets), beatPhases);

        List<Integer> above = new ArrayList<>();
        List<Integer> below = new ArrayList<>();
        for (int v = 0; v < PianoRoll.VOICES; v++) {
            if (v < given) {
                above.add(v);
            } else if (v > given) {
                below.add(v);
            }
        }
        List<ScoreDocument> out = new ArrayList<>();
        for (int[][] variation : sampled) {
            int[][] roll = new int[steps][PianoRoll.VOICES];
            for (int t = 0; t < steps; t++) {
                for (int v = 0; v < PianoRoll.VOICES; v++) {
                    roll[t][v] = variation[t][v] == PianoRoll.SILENT ? PianoRoll.SILENT : variation[t][v] - shift;
                }
            }
            ScoreDocument doc = input.copy();
            int position = melody.partIndex();
            if (!above.isEmpty()) {
                doc.addParts(ChoirParts.build(roll, above, onsets, melody.fermataOnsets(), slots, 2), position);
                position += above.size();
            }
            if (!below.isEmpty()) {
                doc.addParts(ChoirParts.build(roll, below, onsets, melody.fermataOnsets(), slots, 2 + above.size()), position + 1);
            }
            out.add(doc);
        }
        return out;
    }

    /** Steps where the added voices may change pitch: every eighth, and wherever the melody strikes a note. */
    static boolean[] movesOnEighthsAndWithTheMelody(int[] beatPhases, Set<Integer> melodyOnsets) {
        boolean[] may = new boolean[beatPhases.length];
        for (int t = 0; t < may.length; t++) {
            may[t] = beatPhases[t] % 2 == 0 || melodyOnsets.contains(t);
        }
        return may;
    }

    /**
     * Each step's position within its quarter-note beat, counted from the barline before it (from the
     * barline after it in a pickup, which ends on the beat): the model learned where notes change from it.
     */
    static int[] beatPhases(List<MeasureLayout.Slot> measures, int steps) {
        int[] phases = RollBatch.beatPhases(steps, 0);
        for (int i = 0; i < measures.size(); i++) {
            MeasureLayout.Slot m = measures.get(i);
            boolean pickup = i == 0 && m.length().lessThan(m.time().measureLength());
            long anchor = (pickup ? m.end() : m.start()).dividedBy(MelodyLine.STEP).floor();
            long from = m.start().dividedBy(MelodyLine.STEP).floor();
            long to = Math.min(steps, m.end().dividedBy(MelodyLine.STEP).floor());
            for (long t = Math.max(0, from); t < to; t++) {
                phases[(int) t] = (int) Math.floorMod(t - anchor, (long) CoconetConfig.STEPS_PER_BEAT);
            }
        }
        return phases;
    }

    /** Whole-octave shift (or none) that brings most of the melody into the given voice's range. */
    static int transpositionIntoRange(List<TimedNote> melody, VoiceRange range) {
        int best = 0;
        int bestOutside = Integer.MAX_VALUE;
        for (int shift : new int[] {0, 12, -12, 24, -24}) {
            int outside = 0;
            for (TimedNote n : melody) {
                if (!range.contains(n.midi() + shift)) {
                    outside++;
                }
            }
            if (outside < bestOutside) {
                best = shift;
                bestOutside = outside;
            }
        }
        return best;
    }

    private static int clampToModel(int midi) {
        int m = midi;
        while (m < PianoRoll.LOWEST) {
            m += 12;
        }
        while (m > PianoRoll.HIGHEST) {
            m -= 12;
        }
        return m;
    }
}
