package org.kantor.core;

/** The seven letter names of the diatonic scale. */
public enum Step {
    C(0), D(2), E(4), F(5), G(7), A(9), B(11);

    private final int semitonesAboveC;

    Step(int semitonesAboveC) {
        this.semitonesAboveC = semitonesAboveC;
    }

    public int semitonesAboveC() {
        return semitonesAboveC;
    }

    /** The step a number of letter names above this one (negative goes down), wrapping around. */
    public Step plus(int steps) {
        return values()[Math.floorMod(ordinal() + steps, 7)];
    }

    /** Position on the line of fifths of the natural note: F=-1, C=0, G=1 ... B=5. */
    public int fifthsFromC() {
        return switch (this) {
            case F -> -1;
            case C -> 0;
            case G -> 1;
            case D -> 2;
            case A -> 3;
            case E -> 4;
            case B -> 5;
        };
    }

    public static Step parse(char letter) {
        return valueOf(String.valueOf(Character.toUpperCase(letter)));
    }
}
