package org.kantor.models.melody;

import org.kantor.core.KeySignature;

/**
 * A melody's ending made a cadence: its last measure becomes one note of the tonic chord (the tonic, or
 * its third when that lies a step nearer), held to the final barline, reached by step from the note
 * before it where the melody allows (the note before is turned into the step above or the leading tone
 * below when it stood a leap away or outside the key). What a singer expects at the end of a tune; the models alone often
 * stop anywhere (on D in E-flat, on C natural in D).
 */
public final class Cadence {

    private Cadence() {
    }

    /**
     * Rewrites the last measure of {@code tokens} in place.
     * @param before the token before the melody (START, a rest or the primer's last note), for a melody with no note of its own
     */
    public static void close(int[] tokens, int stepsPerMeasure, KeySignature key, int before) {
        int last = tokens.length - stepsPerMeasure;
        if (last < 0) {
            return;
        }
        int approach = -1;
        for (int i = last - 1; i >= 0 && approach < 0; i--) {
            if (MelodyVocabulary.isNote(tokens[i])) {
                approach = i;
            }
        }
        int tonic = Math.floorMod(key.tonic(4).midi(), 12);
        int third = (tonic + (key.isMinor() ? 3 : 4)) % 12;
        int previous = approach >= 0 ? MelodyVocabulary.pitch(tokens[approach])
                : MelodyVocabulary.isNote(before) ? MelodyVocabulary.pitch(before) : 60 + tonic;
        int target = nearest(previous, tonic);
        int toThird = nearest(previous, third);
        if (Math.abs(target - previous) > 2 && Math.abs(toThird - previous) <= 2) {
            target = toThird;
        }
        // a final note reached by a leap, or from a note outside the key (G-flat to G in E-flat), is reached by a step of the scale instead
        boolean chromatic = !key.isDiatonic(previous) && !isLeadingTone(previous, tonic, key);
        if (approach >= 0 && (Math.abs(target - previous) > 2 || chromatic) && approachMayChange(tokens, approach)) {
            // the scale step above or below the final note: to the tonic from the second or the leading tone, to the
            // third from the fourth or the second (a semitone below a minor third)
            boolean onTonic = Math.floorMod(target, 12) == tonic;
            int above = target + (onTonic || key.isMinor() ? 2 : 1);
            int below = target - (onTonic || key.isMinor() ? 1 : 2);
            int step = Math.abs(above - previous) <= Math.abs(below - previous) ? above : below;
            if (MelodyVocabulary.inRange(step)) {
                tokens[approach] = MelodyVocabulary.note(step);
            }
        }
        tokens[last] = MelodyVocabulary.note(target);
        for (int i = last + 1; i < tokens.length; i++) {
            tokens[i] = MelodyVocabulary.HOLD;
        }
    }

    /** Whether a melody ends on a note of the tonic chord that starts on its last downbeat and lasts to the end. */
    public static boolean endsOnTheTonicChord(int[] tokens, int stepsPerMeasure, KeySignature key) {
        int last = tokens.length - stepsPerMeasure;
        if (last < 0 || !MelodyVocabulary.isNote(tokens[last])) {
            return false;
        }
        for (int i = last + 1; i < tokens.length; i++) {
            if (tokens[i] != MelodyVocabulary.HOLD) {
                return false;
            }
        }
        int tonic = Math.floorMod(key.tonic(4).midi(), 12);
        int pc = Math.floorMod(MelodyVocabulary.pitch(tokens[last]), 12);
        return pc == tonic || pc == (tonic + (key.isMinor() ? 3 : 4)) % 12;
    }

    /** The raised seventh of a minor key, outside its key signature but where a cadence wants it. */
    private static boolean isLeadingTone(int midi, int tonic, KeySignature key) {
        return key.isMinor() && Math.floorMod(midi - tonic, 12) == 11;
    }

    /** The approach note may change when it is a note of its own (its first step), not the primer's. */
    private static boolean approachMayChange(int[] tokens, int approach) {
        return MelodyVocabulary.isNote(tokens[approach]);
    }

    /** The pitch of the pitch class nearest {@code from} (a tie goes down, towards the middle of most voices). */
    private static int nearest(int from, int pitchClass) {
        int up = from + Math.floorMod(pitchClass - from, 12);
        int down = up - 12;
        int best = up - from < from - down ? up : down;
        if (!MelodyVocabulary.inRange(best)) {
            best = best == up ? down : up;
        }
        return best;
    }
}
