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
import org.kantor.models.melody.Melody;
import org.kantor.models.melody.MelodyLatentModel;
import org.kantor.models.melody.MelodyVocabulary;

/**
 * Generate: new melodies from random points of the latent model, two measures per point. Longer
 * melodies walk through the latent space (each point correlated with the one before, so the phrases
 * belong together) and each phrase is decoded from the last note of the one before.
 */
public final class MelodyGeneration {

    /** How closely one two-measure phrase's latent point follows the previous one (1: the same phrase again). */
    static final double WALK_CORRELATION = 0.7;
    static final int PHRASE_MEASURES = 2;

    /** What to generate. */
    public record Request(int measures, int variations, KeySignature key, TimeSignature time, double temperature, long seed) {
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
            List<MeasureLayout.Slot> slots = MelodyNotation.measures(Rational.ZERO, request.measures(), request.time(), request.key(), 1);
            List<TimedNote> notes = MelodyNotation.notes(tokens, Rational.ZERO);
            Score one = MelodyNotation.onePart(notes, slots, "Melody", MELODY);
            String title = request.variations() > 1 ? "Generated melody " + (v + 1) : "Generated melody";
            out.add(new Score(title, "Kantor", one.parts()));
        }
        return out;
    }

    private int[] tokens(Request request, Random random) {
        int[] positions = MelodyNotation.positions(request.time(), PHRASE_MEASURES);
        int[] all = new int[positions.length * (request.measures() / PHRASE_MEASURES)];
        float[] z = gaussian(random);
        int previous = MelodyVocabulary.START;
        for (int phrase = 0; phrase * positions.length < all.length; phrase++) {
            if (phrase > 0) {
                float[] fresh = gaussian(random);
                double rest = Math.sqrt(1 - WALK_CORRELATION * WALK_CORRELATION);
                for (int i = 0; i < z.length; i++) {
                    z[i] = (float) (WALK_CORRELATION * z[i] + rest * fresh[i]);
                }
            }
            int[] tokens = model.decode(z, request.time(), request.key(), positions, previous, request.temperature(), random);
            System.arraycopy(tokens, 0, all, phrase * positions.length, tokens.length);
            previous = tokens[tokens.length - 1];
        }
        return all;
    }

    private float[] gaussian(Random random) {
        float[] z = new float[model.latentSize()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }
}
