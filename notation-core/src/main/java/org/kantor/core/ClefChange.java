package org.kantor.core;

/** A clef that takes effect on a staff at an offset in the measure (offset 0: at the barline). */
public record ClefChange(Rational offset, int staff, Clef clef) {
}
