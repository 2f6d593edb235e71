package org.kantor.harmonizer.melody;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.kantor.core.Instrument;
import org.kantor.core.KeySignature;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.core.timeline.TimedNote;
import org.kantor.models.melody.Cadence;
import org.kantor.models.melody.Melody;
import org.kantor.models.melody.MelodyLatentModel;
import org.kantor.models.melody.MelodyVocabulary;
import org.kantor.models.melody.LatentWalk;

/**
 * Generate: new melodies from random points of the latent model ({@link LatentWalk}), as one-part scores.
 */
public final class MelodyGeneration {


    /** What to generate. */
    public record Request(int measures, int variations, KeySignature key, TimeSignature time, double temperature, long seed, boolean cadence) {
        public Request(int measures, int variations, KeySignature key, TimeSignature time, double temperature, long seed) {
            this(measures, variations, key, time, temperature, seed, true);
        }

        public Request {
            if (measures != 2 && measures != 4 && measures != 8 && measures != 16) {
                throw new IllegalArgumentException("--measures must be 2, 4, 8 or 16, not " + measures);
            }
            if (variations < 1 || variations > 8) {
                throw new IllegalArgumentException("--variations must be 1 to 8, not " + variations);
            }
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("--temperature must be 0 to 2, not " + temperature);
            }
            if (Melody.stepsPerMeasure(time) < 1 || !time.measureLength().times(4).isMultipleOf(Rational.ONE)) {
                throw new IllegalArgumentException("--time " + time + " does not fill whole 16th notes");
            }
        }
    }

    static final Instrument MELODY = new Instrument("Melody", 0, 1, false);

    private final MelodyLatentModel model;

    public MelodyGeneration(MelodyLatentModel model) {
        this.model = model;
    }

    /** One one-part score per variation. */
    public List<Score> generate(Request request) {
        List<Score> out = new ArrayList<>();
        for (int v = 0; v < request.variations(); v++) {
            Random random = new Random(request.seed() * 104_729L + v);
            int[] tokens = tokens(request, random);
            if (request.cadence()) {
                Cadence.close(tokens, Melody.stepsPerMeasure(request.time()), request.key(), MelodyVocabulary.START);
            }
            List<MeasureLayout.Slot> slots = MelodyNotation.measures(Rational.ZERO, request.measures(), request.time(), request.key(), 1);
            List<TimedNote> notes = MelodyNotation.notes(tokens, Rational.ZERO);
            Score one = MelodyNotation.onePart(notes, slots, "Melody", MELODY);
            String title = request.variations() > 1 ? "Generated melody " + (v + 1) : "Generated melody";
            out.add(new Score(title, "Kantor", one.parts()));
        }
        return out;
    }

    private int[] tokens(Request request, Random random) {
        return LatentWalk.melody(model, request.time(), request.key(), request.measures(), request.temperature(), random);
    }
}
