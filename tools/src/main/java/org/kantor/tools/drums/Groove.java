package org.kantor.tools.drums;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.kantor.core.Part;
import org.kantor.core.Score;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.models.drums.DrumModel;
import org.kantor.models.drums.DrumPattern;
import org.kantor.models.drums.DrumStaff;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * Groove (Magenta Studio's Groove, in notation): a stiff drum part played as a drummer would, with
 * dynamics and micro-timing from the Groove model. The notation stays exactly as it was; the
 * performance is added to the drum notes' playback attributes and to the MIDI.
 */
public final class Groove {

    /**
     * @param part the drum part (0 = the top part), or null for the first percussion part
     * @param amount 0: as written, 1: fully the model's performance
     */
    public record Request(Integer part, double amount, int variations, double temperature, long seed) {
        public Request {
            if (!(amount >= 0 && amount <= 1)) {
                throw new IllegalArgumentException("--amount must be between 0 (as written) and 1 (fully humanized), not " + amount);
            }
            if (variations < 1 || variations > 8) {
                throw new IllegalArgumentException("--variations must be 1 to 8, not " + variations);
            }
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("--temperature must be between 0 and 2, not " + temperature);
            }
            if (part != null && part < 0) {
                throw new IllegalArgumentException("parts are numbered from 1");
            }
        }
    }

    /** The score with its performance, which part was played, the performance, and the MIDI. */
    public record Result(ScoreDocument score, int drumPart, DrumPattern drums, byte[] midi) implements DrumResult {
    }

    private final DrumModel model;

    public Groove(DrumModel model) {
        this.model = model;
    }

    public List<Result> run(ScoreDocument doc, Request request) throws ScoreFileException {
        Score score = doc.score();
        int part = drumPart(score, request.part(), doc.name());
        DrumGrid grid = DrumGrid.of(score, doc.name(), null);
        DrumPattern written = writtenPattern(score, part, grid);
        if (written.hitCount() == 0) {
            throw new ScoreFileException(doc.name(), "part " + (part + 1) + " (" + score.parts().get(part).name()
                    + ") has no notes of the drum kit (bass drum, snare, hi-hat, toms, crash, ride) to play");
        }
        double tempo = ScoreToTimeline.convert(score).tempo().tempoAt(grid.start());
        List<Result> results = new ArrayList<>();
        for (int v = 0; v < request.variations(); v++) {
            Random random = new Random(request.seed() * 1_000_003L + v);
            DrumPattern performed = model.groove(written, tempo, model.sampleCode(request.temperature(), random), request.amount());
            ScoreDocument copy = doc.copy();
            DrumPerformanceOutput.mark(copy, part, grid, performed);
            results.add(new Result(copy, part, performed, DrumPerformanceOutput.midi(copy, part, grid, performed)));
        }
        return results;
    }

    /** The strokes of a score's drum part (the first one when {@code part} is null), every one mezzo-forte on the grid. */
    public static DrumPattern writtenPattern(ScoreDocument doc, Integer part) throws ScoreFileException {
        Score score = doc.score();
        return writtenPattern(score, drumPart(score, part, doc.name()), DrumGrid.of(score, doc.name(), null));
    }

    private static DrumPattern writtenPattern(Score score, int part, DrumGrid grid) {
        return DrumStaff.pattern(score.parts().get(part), grid.firstMeasure(), Drumify.TAP_VELOCITY);
    }

    /** The part asked for, which must hold drums, or the first part that does. */
    static int drumPart(Score score, Integer asked, String file) throws ScoreFileException {
        if (asked != null) {
            if (asked >= score.parts().size()) {
                throw new ScoreFileException(file, "the score has " + score.parts().size() + " part"
                        + (score.parts().size() == 1 ? "" : "s") + ", no part " + (asked + 1));
            }
            if (!isDrumPart(score.parts().get(asked))) {
                throw new ScoreFileException(file, "part " + (asked + 1) + " (" + score.parts().get(asked).name()
                        + ") is not a drum part: it has no unpitched notes");
            }
            return asked;
        }
        for (int p = 0; p < score.parts().size(); p++) {
            if (isDrumPart(score.parts().get(p))) {
                return p;
            }
        }
        throw new ScoreFileException(file, "the score has no drum part (a percussion staff with unpitched notes) to groove;"
                + " write one, or let kantor drumify write one");
    }

    private static boolean isDrumPart(Part part) {
        return part.notes().stream().anyMatch(n -> n.unpitched() != null);
    }
}
