package org.kantor.harmonizer.melody;

import java.util.ArrayList;
import java.util.List;
import org.kantor.core.KeySignature;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.core.timeline.TimedNote;
import org.kantor.models.melody.Melody;
import org.kantor.models.melody.MelodyCorpus;
import org.kantor.models.melody.MelodyExtractor;
import org.kantor.models.melody.MelodyLatentModel;
import org.kantor.models.melody.MelodyVocabulary;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/**
 * Interpolate: encodes the first two measures of the melodies of A and B, walks from one latent
 * point to the other along the great circle (MusicVAE's slerp) and decodes each step. The result is
 * one score: A as the model hears it, the steps, then B, two measures each. The first half is
 * written in A's meter and key, the second half in B's.
 */
public final class MelodyInterpolation {

    public static final int MEASURES = 2;

    /** One section of the result: its rehearsal mark, first measure index and the share of B in it. */
    public record Section(String mark, int firstMeasure, double shareOfB) {
    }

    /** The score and where each section starts. */
    public record Result(Score score, List<Section> sections) {
    }

    private final MelodyLatentModel model;

    public MelodyInterpolation(MelodyLatentModel model) {
        this.model = model;
    }

    public Result interpolate(ScoreDocument a, ScoreDocument b, int steps) throws ScoreFileException {
        if (steps < 1 || steps > 16) {
            throw new IllegalArgumentException("--steps must be 1 to 16, not " + steps);
        }
        Melody first = opening(a);
        Melody last = opening(b);
        float[] za = model.encode(first);
        float[] zb = model.encode(last);
        List<TimedNote> notes = new ArrayList<>();
        List<MeasureLayout.Slot> slots = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        Rational at = Rational.ZERO;
        int sectionCount = steps + 2;
        for (int i = 0; i < sectionCount; i++) {
            double t = i / (double) (sectionCount - 1);
            Melody like = t < 0.5 ? first : last;
            TimeSignature time = like.meter();
            KeySignature key = like.key();
            int[] tokens = model.decode(slerp(za, zb, t), time, key, MelodyNotation.positions(time, MEASURES),
                    MelodyVocabulary.START, 0, null);
            notes.addAll(MelodyNotation.notes(tokens, at));
            String mark = i == 0 ? "A" : i == sectionCount - 1 ? "B" : Integer.toString(i);
            sections.add(new Section(mark, slots.size(), t));
            slots.addAll(MelodyNotation.measures(at, MEASURES, time, key, slots.size() + 1));
            at = slots.get(slots.size() - 1).end();
        }
        Score one = MelodyNotation.onePart(notes, slots, "Melody", MelodyGeneration.MELODY);
        return new Result(new Score("Interpolation", "Kantor", one.parts()), sections);
    }

    /** The first two full measures of a score's melody, from its first downbeat. */
    static Melody opening(ScoreDocument doc) throws ScoreFileException {
        Score score = doc.score();
        int part = MelodyCorpus.melodyPart(score);
        for (Melody m : MelodyExtractor.extract(score, part, doc.name())) {
            List<Melody> windows = m.windows(MEASURES);
            if (!windows.isEmpty()) {
                return windows.get(0);
            }
        }
        throw new ScoreFileException(doc.name(), "the melody (part " + (part + 1) + ") has no two measures Kantor can read: it needs"
                + " single notes on a 16th-note grid (no tuplets or 32nds), pitches C2 to E7, in one meter and key");
    }

    /** Spherical interpolation, as MusicVAE walks between latent points; linear when they point the same way. */
    static float[] slerp(float[] a, float[] b, double t) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        double cos = dot / Math.max(Math.sqrt(na * nb), 1e-12);
        double omega = Math.acos(Math.max(-1, Math.min(1, cos)));
        float[] out = new float[a.length];
        double so = Math.sin(omega);
        for (int i = 0; i < a.length; i++) {
            out[i] = so < 1e-6 ? (float) ((1 - t) * a[i] + t * b[i])
                    : (float) (Math.sin((1 - t) * omega) / so * a[i] + Math.sin(t * omega) / so * b[i]);
        }
        return out;
    }
}
