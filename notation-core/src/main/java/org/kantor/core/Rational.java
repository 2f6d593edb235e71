package org.kantor.core;

/**
 * An exact fraction, used for every musical time value: durations and offsets in quarter notes.
 * Floating point cannot say "one triplet eighth" exactly; a fraction can.
 */
public record Rational(long numerator, long denominator) implements Comparable<Rational> {

    public static final Rational ZERO = new Rational(0, 1);
    public static final Rational ONE = new Rational(1, 1);

    public Rational {
        if (denominator == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        if (denominator < 0) {
            numerator = -numerator;
            denominator = -denominator;
        }
        long g = gcd(Math.abs(numerator), denominator);
        if (g > 1) {
            numerator /= g;
            denominator /= g;
        }
    }

    public static Rational of(long numerator, long denominator) {
        return new Rational(numerator, denominator);
    }

    public static Rational of(long whole) {
        return new Rational(whole, 1);
    }

    /** Parses "3", "3/8" or "-1/2". */
    public static Rational parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return of(Long.parseLong(text.trim()));
        }
        return of(Long.parseLong(text.substring(0, slash).trim()), Long.parseLong(text.substring(slash + 1).trim()));
    }

    /** The nearest fraction with the given denominator, e.g. a time in seconds snapped to a grid. */
    public static Rational nearest(double value, long denominator) {
        return of(Math.round(value * denominator), denominator);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    public Rational plus(Rational o) {
        long g = gcd(denominator, o.denominator);
        return of(Math.addExact(Math.multiplyExact(numerator, o.denominator / g), Math.multiplyExact(o.numerator, denominator / g)),
                Math.multiplyExact(denominator / g, o.denominator));
    }

    public Rational minus(Rational o) {
        return plus(o.negate());
    }

    public Rational times(Rational o) {
        long g1 = gcd(Math.abs(numerator), o.denominator);
        long g2 = gcd(Math.abs(o.numerator), denominator);
        return of(Math.multiplyExact(numerator / g1, o.numerator / g2), Math.multiplyExact(denominator / g2, o.denominator / g1));
    }

    public Rational times(long factor) {
        return times(of(factor));
    }

    public Rational dividedBy(Rational o) {
        if (o.numerator == 0) {
            throw new ArithmeticException("division by zero");
        }
        return times(of(o.denominator, o.numerator));
    }

    public Rational dividedBy(long divisor) {
        return dividedBy(of(divisor));
    }

    public Rational negate() {
        return of(-numerator, denominator);
    }

    public boolean isZero() {
        return numerator == 0;
    }

    public boolean isPositive() {
        return numerator > 0;
    }

    public boolean isNegative() {
        return numerator < 0;
    }

    /** The largest whole number not above this value. */
    public long floor() {
        return Math.floorDiv(numerator, denominator);
    }

    public Rational min(Rational o) {
        return compareTo(o) <= 0 ? this : o;
    }

    public Rational max(Rational o) {
        return compareTo(o) >= 0 ? this : o;
    }

    public boolean lessThan(Rational o) {
        return compareTo(o) < 0;
    }

    public boolean greaterThan(Rational o) {
        return compareTo(o) > 0;
    }

    /** True when this value is a whole multiple of {@code unit}. */
    public boolean isMultipleOf(Rational unit) {
        return dividedBy(unit).denominator == 1;
    }

    public double toDouble() {
        return (double) numerator / denominator;
    }

    @Override
    public int compareTo(Rational o) {
        return Long.compare(Math.multiplyExact(numerator, o.denominator), Math.multiplyExact(o.numerator, denominator));
    }

    @Override
    public String toString() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }
}
