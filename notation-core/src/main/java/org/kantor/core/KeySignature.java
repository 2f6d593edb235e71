package org.kantor.core;

/**
 * A key signature as a number of sharps (positive) or flats (negative) plus the mode, e.g. E-flat
 * major = (-3, MAJOR), C-sharp minor = (4, MINOR).
 */
public record KeySignature(int fifths, Mode mode) {

    public static final KeySignature C_MAJOR = new KeySignature(0, Mode.MAJOR);

    public KeySignature {
        if (fifths < -7 || fifths > 7) {
            throw new IllegalArgumentException("a key signature has at most 7 sharps or flats, not " + Math.abs(fifths));
        }
        if (mode == null) {
            mode = Mode.MAJOR;
        }
    }

    /**
     * Parses "Eb", "E-flat major", "E flat major", "E♭", "c#", "C# minor", "f#m"; a trailing "m"/"minor", or a
     * lower-case letter without "major", means minor.
     */
    public static KeySignature parse(String text) {
        String s = text.trim().replace('♭', 'b').replace('♯', '#').replaceAll("(?i)[\\s-]*flat", "b").replaceAll("(?i)[\\s-]*sharp", "#");
        boolean minor = s.toLowerCase(java.util.Locale.ROOT).endsWith("minor") || (s.length() > 1 && s.endsWith("m"));
        String name = s.replaceAll("(?i)\\s*(major|minor|m)$", "").trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("not a key: " + text);
        }
        if (Character.isLowerCase(name.charAt(0)) && !s.toLowerCase(java.util.Locale.ROOT).endsWith("major")) {
            minor = true;
        }
        Pitch tonic;
        try {
            tonic = Pitch.parse(name + "4");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a key: \"" + text + "\" (write it as Eb, E-flat major, E flat major, c# or C# minor)", e);
        }
        int tonicFifths = tonic.fifths();
        int fifths = minor ? tonicFifths - 3 : tonicFifths;
        return new KeySignature(fifths, minor ? Mode.MINOR : Mode.MAJOR);
    }

    /** The tonic's letter and accidental, e.g. Eb for (-3, MAJOR), C# for (4, MINOR). */
    public Pitch tonic(int octave) {
        int f = fifths + mode.tonicOffsetInFifths();
        return fromFifths(f, octave);
    }

    /** Pitch class (0-11) of the tonic. */
    public int tonicPitchClass() {
        return Math.floorMod(tonic(4).midi(), 12);
    }

    public boolean isMinor() {
        return mode == Mode.MINOR || mode == Mode.AEOLIAN;
    }

    /** Alteration the signature gives to a letter name: in D major F and C are sharp (+1). */
    public int alterationOf(Step step) {
        int f = step.fifthsFromC();
        if (fifths > 0) {
            // sharps are added in order F C G D A E B, i.e. naturals with fifths -1..5
            return (f + 1) < fifths ? 1 : 0;
        }
        if (fifths < 0) {
            // flats in order B E A D G C F, i.e. naturals with fifths 5 down to -1
            return (5 - f) < -fifths ? -1 : 0;
        }
        return 0;
    }

    /**
     * Spells a MIDI note number as it would be written in this key: in E-flat major MIDI 68 is A-flat,
     * in E major it is G-sharp. Diatonic notes take the key's spelling; chromatic notes take the spelling
     * nearest to the key on the line of fifths, which gives raised leading tones in minor (G# in A minor)
     * and lowered degrees where those read more naturally (Eb, Bb in C major).
     */
    public Pitch spell(int midi) {
        int pitchClass = Math.floorMod(midi, 12);
        // the line-of-fifths positions that sound as this pitch class are 7*pc mod 12, +-12
        int base = Math.floorMod(pitchClass * 7, 12);
        double centre = fifths + (isMinor() ? 3.5 : 2.25);
        int best = base;
        double bestDistance = Double.MAX_VALUE;
        for (int candidate = base - 24; candidate <= base + 24; candidate += 12) {
            double distance = Math.abs(candidate - centre);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        Pitch spelled = fromFifths(best, 4);
        // choose the octave so that the spelled pitch sounds as the MIDI number (B#3 = 60)
        int octave = Math.floorDiv(midi - spelled.step().semitonesAboveC() - spelled.alter(), 12) - 1;
        return new Pitch(spelled.step(), spelled.alter(), octave);
    }

    private static Pitch fromFifths(int lineOfFifths, int octave) {
        // naturals F..B occupy -1..5; each 7 steps along the line adds a sharp
        int alter = Math.floorDiv(lineOfFifths + 1, 7);
        int natural = lineOfFifths - 7 * alter;
        Step step = switch (natural) {
            case -1 -> Step.F;
            case 0 -> Step.C;
            case 1 -> Step.G;
            case 2 -> Step.D;
            case 3 -> Step.A;
            case 4 -> Step.E;
            default -> Step.B;
        };
        return new Pitch(step, alter, octave);
    }

    /** True when the pitch class belongs to the key's scale (natural minor for minor keys). */
    public boolean isDiatonic(int midi) {
        int pos = Math.floorMod(midi, 12) * 7 % 12;
        for (int f = fifths - 1; f <= fifths + 5; f++) {
            if (Math.floorMod(f, 12) == pos) {
                return true;
            }
        }
        return false;
    }

    /** Readable name: "E-flat major", "C-sharp minor". */
    public String displayName() {
        Pitch t = tonic(4);
        String accidental = switch (t.alter()) {
            case 1 -> "-sharp";
            case -1 -> "-flat";
            case 2 -> "-double-sharp";
            case -2 -> "-double-flat";
            default -> "";
        };
        String modeName = mode == Mode.NONE ? "" : " " + mode.name().toLowerCase(java.util.Locale.ROOT);
        return t.step().name() + accidental + modeName;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
