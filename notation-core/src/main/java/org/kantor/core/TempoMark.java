package org.kantor.core;

/** A tempo in quarter notes per minute that takes effect at an offset in a measure, with its text if printed. */
public record TempoMark(Rational offset, double quarterNotesPerMinute, String text) {
}
