package org.kantor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class DurationTest {

    @Test
    void dottedAndTupletLengthsAreExact() {
        assertEquals(Rational.of(3, 2), Duration.dotted(NoteType.QUARTER, 1).quarters());
        assertEquals(Rational.of(7, 4), Duration.dotted(NoteType.QUARTER, 2).quarters());
        assertEquals(Rational.of(1, 3), new Duration(NoteType.EIGHTH, 0, Tuplet.TRIPLET).quarters());
        assertEquals(Rational.of(4, 5), new Duration(NoteType.QUARTER, 0, new Tuplet(5, 4)).quarters());
    }

    @Test
    void lengthsFindTheirWrittenValue() {
        assertEquals(Duration.dotted(NoteType.HALF, 1), Duration.fromQuarters(Rational.of(3), 1));
        assertNull(Duration.fromQuarters(Rational.of(5, 2), 1), "five eighths need a tie");
        assertEquals(new Duration(NoteType.EIGHTH, 0, Tuplet.TRIPLET), Duration.fromQuartersWithTuplets(Rational.of(1, 3), 0));
    }

    @Test
    void rationalsReduceAndCompare() {
        assertEquals(Rational.of(1, 2), Rational.of(2, 4));
        assertEquals(Rational.of(5, 6), Rational.of(1, 2).plus(Rational.of(1, 3)));
        assertEquals(-1, Rational.of(-1, 3).floor());
        assertEquals(Rational.of(3, 8), Rational.parse("3/8"));
    }

    @Test
    void meterKnowsItsBeats() {
        assertEquals(List.of(Rational.of(3, 2), Rational.of(3, 2)), TimeSignature.parse("6/8").beats());
        assertEquals(Rational.of(3), TimeSignature.parse("6/8").measureLength());
        assertEquals(List.of(Rational.of(3, 2), Rational.ONE), TimeSignature.parse("3+2/8").beats());
        assertEquals(List.of(Rational.ONE, Rational.ONE, Rational.of(3, 2)), TimeSignature.parse("7/8").beats());
        assertEquals(List.of(Rational.of(2), Rational.of(2)), TimeSignature.parse("C|").beats());
        assertEquals(0, TimeSignature.COMMON.levelAt(Rational.ZERO));
        assertEquals(1, TimeSignature.COMMON.levelAt(Rational.of(2)));
        assertEquals(2, TimeSignature.COMMON.levelAt(Rational.ONE));
        assertEquals(3, TimeSignature.COMMON.levelAt(Rational.of(1, 2)));
        assertEquals(4, TimeSignature.COMMON.levelAt(Rational.of(1, 4)));
        assertEquals(3, TimeSignature.parse("6/8").levelAt(Rational.ONE));
    }
}
