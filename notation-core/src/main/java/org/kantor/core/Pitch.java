package org.kantor.core;

/**
 * A written pitch: letter name, alteration in semitones and octave (scientific pitch notation,
 * middle C = C4 = MIDI 60). Two pitches that sound the same but are spelled differently (G#4,
 * Ab4) are different pitches here, as they are on the page.
 */
public record Pitch(Step step, int alter, int octave) implements Comparable<Pitch> {

    public Pitch {
        if (step == null) {
            throw new IllegalArgumentException("a pitch needs a step");
        }
        if (alter < -3 || alter > 3) {
            throw new IllegalArgumentException("alteration out of range: " + alter);
        }
    }

    public static Pitch of(Step step, int alter, int octave) {
        return new Pitch(step, alter, octave);
    }

    /** Parses names like "C4", "F#5", "Bb3", "Ebb2", "C##4". */
    public static Pitch parse(String name) {
        String s = name.trim();
        if (s.length() < 2) {
            throw new IllegalArgumentException("not a pitch name: " + name);
        }
        Step step = Step.parse(s.charAt(0));
        int i = 1;
        int alter = 0;
        while (i < s.length() && (s.charAt(i) == '#' || s.charAt(i) == 'b' || s.charAt(i) == '-')) {
            alter += s.charAt(i) == '#' ? 1 : -1;
            i++;
        }
        try {
            return new Pitch(step, alter, Integer.parseInt(s.substring(i)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a pitch name: " + name, e);
        }
    }

    /** The MIDI note number: C4 = 60. B#3 is 60 too; Cb4 is 59. */
    public int midi() {
        return (octave + 1) * 12 + step.semitonesAboveC() + alter;
    }

    /** Position on the line of fifths: C=0, G=1, F=-1, F#=6, Bb=-2. Used for spelling and intervals. */
    public int fifths() {
        return step.fifthsFromC() + 7 * alter;
    }

    /** A number that grows by one per letter name: C4=28, D4=29; diatonic steps between two pitches. */
    public int diatonicIndex() {
        return octave * 7 + step.ordinal();
    }

    /** Spells a MIDI note number in a key; see {@link KeySignature#spell(int)}. */
    public static Pitch fromMidi(int midi, KeySignature key) {
        return key.spell(midi);
    }

    /** The same pitch moved by whole octaves. */
    public Pitch transposeOctaves(int octaves) {
        return new Pitch(step, alter, octave + octaves);
    }

    public String accidentalSymbol() {
        return switch (alter) {
            case -3 -> "bbb";
            case -2 -> "bb";
            case -1 -> "b";
            case 1 -> "#";
            case 2 -> "##";
            case 3 -> "###";
            default -> "";
        };
    }

    /** Name without octave, e.g. "F#". */
    public String nameWithoutOctave() {
        return step.name() + accidentalSymbol();
    }

    @Override
    public int compareTo(Pitch o) {
        int c = Integer.compare(midi(), o.midi());
        return c != 0 ? c : Integer.compare(diatonicIndex(), o.diatonicIndex());
    }

    @Override
    public String toString() {
        return nameWithoutOctave() + octave;
    }
}
