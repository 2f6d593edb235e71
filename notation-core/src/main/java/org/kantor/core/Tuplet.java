package org.kantor.core;

/** A tuplet ratio: {@code actual} notes in the time of {@code normal}, e.g. a triplet is 3:2. */
public record Tuplet(int actual, int normal) {

    public static final Tuplet TRIPLET = new Tuplet(3, 2);

    public Tuplet {
        if (actual <= 0 || normal <= 0) {
            throw new IllegalArgumentException("tuplet numbers must be positive: " + actual + ":" + normal);
        }
    }

    /** Factor applied to the written value: 2/3 for a triplet. */
    public Rational factor() {
        return Rational.of(normal, actual);
    }

    @Override
    public String toString() {
        return actual + ":" + normal;
    }
}
