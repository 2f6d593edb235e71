package org.kantor.core;

/**
 * A written duration: a note value, dots and an optional tuplet, with its exact length in quarter
 * notes. A dotted quarter is 3/2; a triplet eighth is 1/3.
 */
public record Duration(NoteType type, int dots, Tuplet tuplet) {

    public Duration {
        if (type == null) {
            throw new IllegalArgumentException("a duration needs a note type");
        }
        if (dots < 0 || dots > 4) {
            throw new IllegalArgumentException("dots out of range: " + dots);
        }
    }

    public static Duration of(NoteType type) {
        return new Duration(type, 0, null);
    }

    public static Duration dotted(NoteType type, int dots) {
        return new Duration(type, dots, null);
    }

    /** Length in quarter notes: the value, plus half of it per dot (halving each time), times the tuplet factor. */
    public Rational quarters() {
        Rational base = type.quarters();
        Rational total = base;
        Rational add = base;
        for (int i = 0; i < dots; i++) {
            add = add.dividedBy(2);
            total = total.plus(add);
        }
        return tuplet == null ? total : total.times(tuplet.factor());
    }

    /**
     * The single written value (no tuplet) of this length, with at most {@code maxDots} dots, or null when
     * no single value fits (5 eighths need a tie).
     */
    public static Duration fromQuarters(Rational quarters, int maxDots) {
        for (NoteType t : NoteType.values()) {
            for (int dots = 0; dots <= maxDots; dots++) {
                Duration d = new Duration(t, dots, null);
                if (d.quarters().equals(quarters)) {
                    return d;
                }
            }
        }
        return null;
    }

    /** Like {@link #fromQuarters(Rational, int)} but also tries triplet values (1/3, 2/3 ... of a quarter). */
    public static Duration fromQuartersWithTuplets(Rational quarters, int maxDots) {
        Duration plain = fromQuarters(quarters, maxDots);
        if (plain != null) {
            return plain;
        }
        Duration asTriplet = fromQuarters(quarters.times(Rational.of(3, 2)), 0);
        return asTriplet == null ? null : new Duration(asTriplet.type, 0, Tuplet.TRIPLET);
    }

    @Override
    public String toString() {
        return type.musicXmlName() + ".".repeat(dots) + (tuplet == null ? "" : " (" + tuplet + ")");
    }
}
