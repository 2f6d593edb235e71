package org.kantor.core;

/** Silence in a voice. A whole-measure rest is written as a centred whole rest whatever the meter. */
public record Rest(Rational offset, Rational length, Duration duration, int staff, boolean fermata,
                   boolean wholeMeasure) implements MusicEvent {

    public static Rest of(Rational offset, Duration duration) {
        return new Rest(offset, duration.quarters(), duration, 1, false, false);
    }
}
