package org.kantor.tools.drums;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.kantor.core.Part;
import org.kantor.core.Score;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;
import org.kantor.models.drums.DrumModel;
import org.kantor.models.drums.DrumPattern;
import org.kantor.models.drums.DrumStaff;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * Drumify (Magenta Studio's Drumify, in notation): a drum part that fits the rhythm of a score. The
 * onsets of one part (or of all parts together) become a tap on the 16th-note grid, the Drumify model
 * writes a whole kit with its groove for it, and the score comes back with a drum-set part added at
 * the bottom; nothing else in it changes.
 */
public final class Drumify {

    /**
     * @param part the part whose rhythm is followed (0 = the top part), or null for all parts' onsets together
     * @param bars how many bars from the first full one get drums, or null for the whole score
     */
    public record Request(Integer part, Integer bars, int variations, double temperature, long seed) {
        public Request {
            if (variations < 1 || variations > 8) {
                throw new IllegalArgumentException("--variations must be 1 to 8, not " + variations);
            }
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("--temperature must be between 0 and 2, not " + temperature);
            }
            if (bars != null && (bars < 1 || bars > 1000)) {
                throw new IllegalArgumentException("--bars must be 1 to 1000, not " + bars);
            }
            if (part != null && part < 0) {
                throw new IllegalArgumentException("parts are numbered from 1");
            }
        }
    }

    /** A score with its drum part, where that part is, how it is played, and as MIDI. */
    public record Result(ScoreDocument score, int drumPart, DrumPattern drums, byte[] midi) implements DrumResult {
    }

    /** A tempo for scores that do not say (the dataset's most common). */
    static final double DEFAULT_TEMPO = 120;
    /** The loudness of a written drum note, which has no velocity of its own: mezzo-forte. */
    static final float TAP_VELOCITY = 0.7f;

    private final DrumModel model;

    public Drumify(DrumModel model) {
        this.model = model;
    }

    public List<Result> run(ScoreDocument doc, Request request) throws ScoreFileException {
        Score score = doc.score();
        if (request.part() != null && request.part() >= score.parts().size()) {
            throw new ScoreFileException(doc.name(), "the score has " + score.parts().size() + " part"
                    + (score.parts().size() == 1 ? "" : "s") + ", no part " + (request.part() + 1));
        }
        DrumGrid grid = DrumGrid.of(score, doc.name(), request.bars());
        Timeline timeline = ScoreToTimeline.convert(score);
        DrumPattern tap = tap(timeline, grid, request);
        if (tap.hitCount() == 0) {
            String where = request.part() == null ? "the score" : "part " + (request.part() + 1) + " (" + score.parts().get(request.part()).name() + ")";
            throw new ScoreFileException(doc.name(), where + " has no notes after the pickup for the drums to follow");
        }
        double tempo = timeline.tempo().tempoAt(grid.start());
        List<Result> results = new ArrayList<>();
        for (int v = 0; v < request.variations(); v++) {
            Random random = new Random(request.seed() * 1_000_003L + v);
            DrumPattern drums = model.drumify(tap, tempo, model.sampleCode(request.temperature(), random));
            ScoreDocument copy = doc.copy();
            Part drumPart = DrumStaff.part("D", grid.measures(), grid.firstMeasure(), drums);
            // the performance goes into the new part's notes before the part is merged into the XML
            copy.addParts(new Score(null, null, List.of(drumPart)), -1, added -> DrumPerformanceOutput.mark(added, grid, drums));
            int index = copy.score().parts().size() - 1;
            results.add(new Result(copy, index, drums, DrumPerformanceOutput.midi(copy, index, grid, drums)));
        }
        return results;
    }

    /** The tap Drumify hears in a score (for benchmarks and tests). */
    public static DrumPattern tapOf(ScoreDocument doc, Request request) throws ScoreFileException {
        Score score = doc.score();
        return tap(ScoreToTimeline.convert(score), DrumGrid.of(score, doc.name(), request.bars()), request);
    }

    /**
     * The onsets of the chosen part(s) as a tap on the grid, up to the bars asked for. A score has no
     * velocities, but the drummers' taps the model learned from do: their loudest stroke on a beat is
     * the kick or the backbeat, off the beat the softer hi-hat. So each onset is accented as a player
     * would accent it, by where it falls in the bar and by how many notes start together.
     */
    static DrumPattern tap(Timeline timeline, DrumGrid grid, Request request) {
        int steps = grid.steps();
        if (request.bars() != null) {
            steps = Math.min(steps, request.bars() * DrumPattern.STEPS_PER_BAR);
        }
        int[] onsets = new int[steps];
        for (TimedNote n : timeline.notes()) {
            boolean percussion = n.part() < timeline.parts().size() && timeline.parts().get(n.part()).instrument() != null
                    && timeline.parts().get(n.part()).instrument().percussion();
            if ((request.part() == null && percussion) || (request.part() != null && n.part() != request.part())) {
                continue;
            }
            int step = grid.step(n.onset());
            if (step >= 0 && step < steps) {
                onsets[step]++;
            }
        }
        DrumPattern tap = new DrumPattern(steps);
        for (int step = 0; step < steps; step++) {
            if (onsets[step] > 0) {
                float chord = Math.min(onsets[step] - 1, 3) * CHORD_ACCENT;
                tap.strike(step, 0, metricVelocity(step) + chord, 0f);
            }
        }
        return tap;
    }

    /** Extra loudness for each further note that starts with the first (up to three). */
    static final float CHORD_ACCENT = 0.03f;

    /**
     * How loud a drummer's tap is on each 16th of a 4/4 bar, as in one backbeat groove: the backbeats 2
     * and 4 loudest (the snare), 1 and 3 next (the kick), the eighths between the beats softer (the
     * hi-hat), the other 16ths softest. The dataset's mean taps have the same order with less contrast
     * (0.77, 0.70, 0.63 and 0.50 on average over the training split), because they average many grooves;
     * with that little contrast the model hears hi-hats everywhere and writes no backbeat.
     */
    private static final float[] TAP_LOUDNESS = {0.8f, 0.45f, 0.55f, 0.45f, 0.9f, 0.45f, 0.55f, 0.45f,
        0.8f, 0.45f, 0.55f, 0.45f, 0.9f, 0.45f, 0.55f, 0.45f};

    /** How loud a drummer's tap on this step of the grid usually is. */
    static float metricVelocity(int step) {
        return TAP_LOUDNESS[step % DrumPattern.STEPS_PER_BAR];
    }
}
