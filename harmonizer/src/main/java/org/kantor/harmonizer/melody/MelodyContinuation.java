package org.kantor.harmonizer.melody;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.kantor.core.Instrument;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.checker.FourPartScore;
import org.kantor.harmonizer.GibbsSampler;
import org.kantor.harmonizer.Harmonizer;
import org.kantor.models.melody.Melody;
import org.kantor.models.melody.MelodyCorpus;
import org.kantor.models.melody.MelodyExtractor;
import org.kantor.models.melody.MelodyInput;
import org.kantor.models.melody.Cadence;
import org.kantor.models.melody.LatentWalk;
import org.kantor.models.melody.MelodyLanguageModel;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * Continue: new measures after the end of a score, the melody written by the language model primed on
 * the melody so far. Every part gets the new measures (rests where nothing new is written). A
 * four-part chorale gets its soprano continued the same way and alto, tenor and bass infilled in the
 * new measures by the harmonizer, as in the Bach Doodle. The original measures are left exactly as
 * they were.
 */
public final class MelodyContinuation {

    /**
     * What to continue and how: {@code part} null picks the melody part (the soprano of a chorale);
     * {@code cadence} ends the new measures on a note of the tonic chord, as a tune ends.
     */
    public record Request(int measures, int variations, double temperature, long seed, Integer part, boolean cadence) {
        public Request(int measures, int variations, double temperature, long seed, Integer part) {
            this(measures, variations, temperature, seed, part, true);
        }

        public Request {
            if (measures < 1 || measures > 32) {
                throw new IllegalArgumentException("--measures must be 1 to 32, not " + measures);
            }
            if (variations < 1 || variations > 8) {
                throw new IllegalArgumentException("--variations must be 1 to 8, not " + variations);
            }
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("--temperature must be 0 to 2, not " + temperature);
            }
        }
    }

    private final MelodyLanguageModel model;
    private final Harmonizer harmonizer;

    /** @param harmonizer for four-part scores; null continues only their soprano */
    public MelodyContinuation(MelodyLanguageModel model, Harmonizer harmonizer) {
        this.model = model;
        this.harmonizer = harmonizer;
    }

    public List<ScoreDocument> continueScore(ScoreDocument input, Request request) throws ScoreFileException {
        Score score = input.score();
        FourPartScore four = request.part() == null ? fourParts(input) : null;
        FourPartScore.Source target = four != null ? four.sources()[0] : null;
        int part = target != null ? target.part() : request.part() != null ? request.part() : MelodyCorpus.melodyPart(score);
        if (part < 0 || part >= score.parts().size()) {
            throw new ScoreFileException(input.name(), "there is no part " + (part + 1) + " (the score has " + score.parts().size() + ")");
        }
        Melody primer = primer(input, part);
        List<MeasureLayout.Slot> before = MeasureLayout.of(score);
        MeasureLayout.Slot last = before.get(before.size() - 1);
        int first = before.size();
        int[] positions = MelodyNotation.positions(last.time(), request.measures());
        MelodyInput in = new MelodyInput(last.time(), last.key(), 0);
        MelodyLanguageModel.Cursor primed = model.prime(primer);
        Part melodyPart = score.parts().get(part);
        Instrument instrument = melodyPart.instrument();
        List<ScoreDocument> out = new ArrayList<>();
        List<ScoreDocument> extended = input.copiesWithMeasuresAppended(request.measures(), request.variations());
        List<MeasureLayout.Slot> slots = MeasureLayout.of(extended.get(0).score());
        MelodyLanguageModel.Cursor[] cursors = new MelodyLanguageModel.Cursor[request.variations()];
        Random[] randoms = new Random[request.variations()];
        for (int v = 0; v < cursors.length; v++) {
            cursors[v] = primed.copy();
            randoms[v] = new Random(request.seed() * 7919L + v);
        }
        int[][] continuations = model.sampleMany(cursors, in, positions, request.temperature(), randoms);
        int per = Melody.stepsPerMeasure(last.time());
        for (int v = 0; v < request.variations(); v++) {
            int[] tokens = continuations[v];
            // no measure of the continuation is left silent: one that leaves one is drawn again
            for (int attempt = 0; attempt < LatentWalk.ATTEMPTS && LatentWalk.hasSilentMeasure(tokens, per, primed.lastToken()); attempt++) {
                tokens = model.sample(primed.copy(), in, positions, request.temperature(), randoms[v]);
            }
            if (request.cadence()) {
                Cadence.close(tokens, per, last.key(), primed.lastToken());
            }
            ScoreDocument doc = extended.get(v);
            Rational start = slots.get(first).start();
            Score written = MelodyNotation.onePart(MelodyNotation.notes(tokens, start), slots, melodyPart.name(), instrument);
            int lastNew = first + request.measures() - 1;
            if (target == null || target.ownsPart()) {
                doc.replaceMeasures(part, written, first, lastNew);
            } else {
                doc.replaceVoice(target.part(), target.staff(), target.voice(), written, first, lastNew, target.upper());
            }
            if (four != null && harmonizer != null) {
                boolean[] lower = {false, true, true, true};
                doc = harmonizer.regenerate(doc, new Harmonizer.Region(lower, first, lastNew),
                        new Harmonizer.Request(0, 1, request.seed() + v, GibbsSampler.Settings.defaults())).get(0);
            }
            out.add(doc);
        }
        return out;
    }

    /**
     * The score's four voices when it is a four-part chorale, else null: a song with a vocal duet and
     * piano is not a chorale, only a score with a melody to continue.
     */
    public static FourPartScore fourParts(ScoreDocument input) {
        try {
            return FourPartScore.find(input.score(), input.name());
        } catch (ScoreFileException e) {
            return null;
        }
    }

    /** The last stretch of the melody the model can read; the continuation follows it. */
    private static Melody primer(ScoreDocument input, int part) throws ScoreFileException {
        Score score = input.score();
        List<Melody> melodies = MelodyExtractor.extract(score, part, input.name());
        if (melodies.isEmpty()) {
            String name = score.parts().get(part).name();
            throw new ScoreFileException(input.name(), "part " + (part + 1) + (name == null || name.isBlank() ? "" : " (" + name + ")")
                    + " has no melody to continue: it needs at least two measures of single notes on a 16th-note grid"
                    + " (no tuplets or 32nds), pitches C2 to E7, in one meter and key");
        }
        return melodies.get(melodies.size() - 1);
    }
}
