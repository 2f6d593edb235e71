package org.kantor.core;

/**
 * Something that takes time in a voice: a {@link Note}, a {@link Chord} or a {@link Rest}.
 * {@code offset} is measured in quarter notes from the start of the measure; {@code length} is how
 * long it lasts in quarter notes; {@code duration} is how it is written (value, dots, tuplet).
 */
public sealed interface MusicEvent permits Note, Chord, Rest {

    Rational offset();

    Rational length();

    Duration duration();

    /** Staff number within the part, from 1. */
    int staff();

    boolean fermata();

    default Rational end() {
        return offset().plus(length());
    }
}
