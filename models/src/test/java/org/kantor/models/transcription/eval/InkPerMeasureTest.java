package org.kantor.models.transcription.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.kantor.core.Score;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimelineToScore;
import org.junit.jupiter.api.Test;
import org.kantor.musicxml.ScoreFiles;

/** The ink a reader takes in per measure: the example chorale's 60 notes in 4 bars, and the same music written busier. */
class InkPerMeasureTest {

    @Test
    void theExampleChoraleHasFifteenMarksABarAndNoTiesOrRests() throws Exception {
        Score chorale = ScoreFiles.read(Path.of("../examples/chorale.musicxml")).score();
        assertEquals(15.0, TranscriptionEvaluation.inkPerMeasure(chorale), 1e-9, "60 notes in 4 bars");
    }

    @Test
    void notesSplitIntoTiedPiecesCountTheirPiecesAndTies() throws Exception {
        Score chorale = ScoreFiles.read(Path.of("../examples/chorale.musicxml")).score();
        double plain = TranscriptionEvaluation.inkPerMeasure(chorale);
        // every note shifted by a 16th: each crosses a beat and is written as two tied notes, with a 16th rest first
        var timeline = ScoreToTimeline.convert(chorale);
        var shifted = new org.kantor.core.timeline.Timeline(timeline.notes().stream()
                .map(n -> n.withTimes(n.onset().plus(org.kantor.core.Rational.of(1, 4)), n.offset().plus(org.kantor.core.Rational.of(1, 4))))
                .toList(),
                timeline.tempo(), timeline.meters(), timeline.keys(), timeline.parts(), timeline.pickup());
        Score busy = TimelineToScore.convert(shifted, TimelineToScore.Options.defaults());
        double ratio = TranscriptionEvaluation.inkPerMeasure(busy) / plain;
        assertTrue(ratio > 1.5, "written off the beat: more to read, " + ratio);
    }
}
