package org.kantor.core.theory;

import org.kantor.core.Pitch;

/**
 * The interval between two written pitches, counted from the lower: letter-name steps (0 unison, 4 a
 * fifth, 7 an octave) and semitones. Spelling matters: C-G is a perfect fifth, C-Abb a diminished sixth.
 */
public record Interval(int steps, int semitones) {

    /** Semitones of the major and perfect intervals within an octave, by steps. */
    private static final int[] MAJOR_OR_PERFECT = {0, 2, 4, 5, 7, 9, 11};

    /** From the lower-sounding of the two pitches to the higher. */
    public static Interval between(Pitch a, Pitch b) {
        Pitch low = a.midi() < b.midi() || a.midi() == b.midi() && a.diatonicIndex() <= b.diatonicIndex() ? a : b;
        Pitch high = low == a ? b : a;
        return new Interval(high.diatonicIndex() - low.diatonicIndex(), high.midi() - low.midi());
    }

    /** A melodic interval, signed: positive when {@code to} is higher. */
    public static Interval melodic(Pitch from, Pitch to) {
        return new Interval(to.diatonicIndex() - from.diatonicIndex(), to.midi() - from.midi());
    }

    /** The pitch this interval (signed: negative goes down) away from {@code p}, spelled by its steps: C4 + P5 = G4, F4 + A2 = G#4. */
    public Pitch from(Pitch p) {
        int index = p.diatonicIndex() + steps;
        org.kantor.core.Step step = org.kantor.core.Step.values()[Math.floorMod(index, 7)];
        int octave = Math.floorDiv(index, 7);
        int alter = p.midi() + semitones - ((octave + 1) * 12 + step.semitonesAboveC());
        return new Pitch(step, alter, octave);
    }

    /** Steps within an octave: a twelfth counts as a fifth. */
    public int simpleSteps() {
        return Math.floorMod(steps, 7);
    }

    public int simpleSemitones() {
        return Math.floorMod(semitones, 12);
    }

    /** A perfect fifth, or a twelfth, or any fifth plus octaves. */
    public boolean isPerfectFifth() {
        return simpleSteps() == 4 && simpleSemitones() == 7;
    }

    /** A perfect unison or octave, simple or compound. */
    public boolean isPerfectOctaveOrUnison() {
        return simpleSteps() == 0 && simpleSemitones() == 0;
    }

    /** An augmented second up or down, as F-G# in A minor. */
    public boolean isAugmentedSecond() {
        return Math.abs(steps) == 1 && Math.abs(semitones) == 3;
    }

    /** The usual short name: P5, m3, A2, d7, P8, M10. */
    public String name() {
        int s = Math.abs(steps);
        int semis = Math.abs(semitones);
        int simple = s % 7;
        int deviation = semis - 12 * (s / 7) - MAJOR_OR_PERFECT[simple];
        boolean perfectKind = simple == 0 || simple == 3 || simple == 4;
        String quality;
        if (perfectKind) {
            quality = deviation == 0 ? "P" : deviation > 0 ? "A".repeat(deviation) : "d".repeat(-deviation);
        } else {
            quality = deviation == 0 ? "M" : deviation == -1 ? "m" : deviation > 0 ? "A".repeat(deviation) : "d".repeat(-deviation - 1);
        }
        return quality + (s + 1);
    }
}
