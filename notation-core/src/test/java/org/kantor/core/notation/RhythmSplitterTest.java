package org.kantor.core.notation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kantor.core.Rational;
import org.kantor.core.TimeSignature;

/** Rhythms as an engraver writes them; each expectation is what a copyist would write. */
class RhythmSplitterTest {

    private static String note(String meter, String start, String end) {
        return describe(new RhythmSplitter(TimeSignature.parse(meter)).splitNote(Rational.parse(start), Rational.parse(end)));
    }

    private static String rest(String meter, String start, String end) {
        return describe(new RhythmSplitter(TimeSignature.parse(meter)).splitRest(Rational.parse(start), Rational.parse(end)));
    }

    private static String describe(List<RhythmSplitter.Piece> pieces) {
        return pieces.stream().map(p -> p.duration().toString()).collect(Collectors.joining(" + "));
    }

    @Test
    void dottedQuarterOnBeatOneStaysDotted() {
        assertEquals("quarter.", note("4/4", "0", "3/2"));
    }

    @Test
    void dottedQuarterOnBeatTwoShowsTheMiddleOfTheBar() {
        assertEquals("quarter + eighth", note("4/4", "1", "5/2"));
    }

    @Test
    void halfNoteOnBeatTwoOfFourFourIsTwoTiedQuarters() {
        assertEquals("quarter + quarter", note("4/4", "1", "3"));
    }

    @Test
    void halfNoteOnBeatTwoOfThreeFourIsFine() {
        assertEquals("half", note("3/4", "1", "3"));
    }

    @Test
    void wholeAndDottedHalfNotesFromTheDownbeat() {
        assertEquals("whole", note("4/4", "0", "4"));
        assertEquals("half.", note("4/4", "0", "3"));
        assertEquals("quarter + half", note("4/4", "1", "4"));
    }

    @Test
    void fiveEighthsAreHalfTiedToEighth() {
        assertEquals("half + eighth", note("4/4", "0", "5/2"));
    }

    @Test
    void offbeatQuarterShowsTheBeat() {
        assertEquals("eighth + eighth", note("4/4", "1/2", "3/2"));
    }

    @Test
    void compoundMeterKeepsBothBeatsVisible() {
        assertEquals("quarter.", note("6/8", "0", "3/2"));
        assertEquals("quarter. + eighth", note("6/8", "0", "2"));
        assertEquals("eighth + eighth", note("6/8", "1", "2"));
        assertEquals("quarter", note("6/8", "1/2", "3/2"));
        assertEquals("half.", note("6/8", "0", "3"));
    }

    @Test
    void restsAreUndottedInSimpleMeterAndShowBeats() {
        assertEquals("half + quarter", rest("4/4", "0", "3"));
        assertEquals("quarter + quarter", rest("4/4", "1", "3"));
        assertEquals("quarter + quarter", rest("3/4", "1", "3"));
        assertEquals("half", rest("3/4", "0", "2"));
        assertEquals("quarter.", rest("6/8", "3/2", "3"));
        assertEquals("eighth + quarter", rest("4/4", "1/2", "2"));
    }
}
