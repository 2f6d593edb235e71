package org.kantor.models.melody;

import java.util.Random;
import org.kantor.core.KeySignature;
import org.kantor.core.TimeSignature;

/**
 * A melody from random points of the latent model, two measures per point. Longer melodies walk
 * through the latent space (each point correlated with the one before, so the phrases belong
 * together); each phrase is decoded from the last token of the one before and kept in its register,
 * and one that a singer could not sing (a silent measure, a leap over an octave, a compass over a
 * twelfth) is drawn again.
 */
public final class LatentWalk {

    /** How closely one phrase's latent point follows the previous one (1: the same phrase again). */
    static final double CORRELATION = 0.7;

    /** How many latent points a phrase may be drawn from before a silent measure is let stand. */
    public static final int ATTEMPTS = 12;

    private LatentWalk() {
    }

    /**
     * Whether a phrase has a measure in which nothing sounds: no note starts in it and none is held into it
     * from before its barline ({@code before}: the token before the phrase; START counts as silence).
     */
    public static boolean hasSilentMeasure(int[] tokens, int stepsPerMeasure, int before) {
        boolean sounding = MelodyVocabulary.isNote(before);
        for (int start = 0; start < tokens.length; start += stepsPerMeasure) {
            // a note sounds into the measure only if its first step holds it (a rest there ends it at the barline)
            boolean soundingAtStart = sounding && tokens[start] == MelodyVocabulary.HOLD;
            boolean noteStarts = false;
            for (int i = start; i < Math.min(tokens.length, start + stepsPerMeasure); i++) {
                if (MelodyVocabulary.isNote(tokens[i])) {
                    noteStarts = true;
                    sounding = true;
                } else if (tokens[i] == MelodyVocabulary.REST) {
                    sounding = false;
                }
            }
            if (!noteStarts && !soundingAtStart) {
                return true;
            }
        }
        return false;
    }

    /** The widest compass a tune keeps to (a twelfth) and the largest leap in it (an octave), in semitones. */
    static final int COMPASS = 19;
    static final int LEAP = 12;

    /**
     * Whether {@code phrase}, following the first {@code length} tokens of {@code before}, leaps more than an octave
     * (from the note before it too) or makes the tune span more than a twelfth.
     */
    static boolean unsingable(int[] before, int length, int[] phrase) {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        int last = -1;
        for (int i = 0; i < length + phrase.length; i++) {
            int t = i < length ? before[i] : phrase[i - length];
            if (!MelodyVocabulary.isNote(t)) {
                continue;
            }
            int pitch = MelodyVocabulary.pitch(t);
            if (last >= 0 && Math.abs(pitch - last) > LEAP) {
                return true;
            }
            last = pitch;
            low = Math.min(low, pitch);
            high = Math.max(high, pitch);
        }
        return high - low > COMPASS;
    }

    /** Tokens for {@code measures} full measures (a multiple of two) of the meter, in the key. */
    public static int[] melody(MelodyLatentModel model, TimeSignature time, KeySignature key, int measures, double temperature, Random random) {
        int per = Melody.stepsPerMeasure(time);
        int[] positions = new int[per * MelodyTraining.LATENT_MEASURES];
        for (int s = 0; s < positions.length; s++) {
            positions[s] = s % per;
        }
        int[] all = new int[per * measures];
        float[] z = new float[model.latentSize()];
        int previous = MelodyVocabulary.START;
        double rest = Math.sqrt(1 - CORRELATION * CORRELATION);
        for (int phrase = 0; phrase * positions.length < all.length; phrase++) {
            float[] from = z.clone();
            int[] tokens = null;
            int filled = phrase * positions.length;
            // a melody has no silent measure and can be sung: a phrase that leaves a measure silent, leaps more than an
            // octave or stretches the tune beyond a twelfth is drawn again from another point
            for (int attempt = 0; attempt < ATTEMPTS
                    && (tokens == null || hasSilentMeasure(tokens, per, previous) || unsingable(all, filled, tokens)); attempt++) {
                for (int i = 0; i < z.length; i++) {
                    z[i] = (float) (phrase == 0 ? random.nextGaussian() : CORRELATION * from[i] + rest * random.nextGaussian());
                }
                tokens = model.decode(z, time, key, positions, previous, temperature, random);
                if (phrase > 0) {
                    tokens = inRegisterOf(tokens, all, filled);
                }
            }
            System.arraycopy(tokens, 0, all, phrase * positions.length, Math.min(tokens.length, all.length - phrase * positions.length));
            previous = tokens[tokens.length - 1];
        }
        return all;
    }

    /**
     * A phrase moved by whole octaves to sit nearest the register of the music before it: after a rest the
     * decoder has no pitch to follow and may start two octaves away, which no melody does.
     */
    static int[] inRegisterOf(int[] phrase, int[] before, int length) {
        double here = meanPitch(phrase, phrase.length);
        double there = meanPitch(before, length);
        if (Double.isNaN(here) || Double.isNaN(there)) {
            return phrase;
        }
        int octaves = (int) Math.round((there - here) / 12);
        for (int shift = 12 * octaves; shift != 0; shift -= Integer.signum(shift) * 12) {
            int[] moved = new int[phrase.length];
            boolean fits = true;
            for (int i = 0; i < phrase.length && fits; i++) {
                int t = phrase[i];
                fits = !MelodyVocabulary.isNote(t) || MelodyVocabulary.inRange(MelodyVocabulary.pitch(t) + shift);
                moved[i] = fits ? MelodyVocabulary.transpose(t, shift) : t;
            }
            if (fits) {
                return moved;
            }
        }
        return phrase;
    }

    private static double meanPitch(int[] tokens, int length) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (MelodyVocabulary.isNote(tokens[i])) {
                sum += MelodyVocabulary.pitch(tokens[i]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }


}
