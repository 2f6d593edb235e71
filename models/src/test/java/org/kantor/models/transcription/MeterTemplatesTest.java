package org.kantor.models.transcription;

import org.junit.jupiter.api.Test;
import org.kantor.models.PieceSplit;
import org.kantor.musicxml.KantorData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped meter templates on pieces they never saw, and the counting code that made them. */
class MeterTemplatesTest {

    /** Held-out songs and chorales, played as written with their true beats: the meter and the downbeat come back. */
    @Test
    void heldOutPiecesGetTheirMeterAndDownbeat() throws Exception {
        List<MeterTemplateTraining.Example> examples = new ArrayList<>();
        for (String corpus : List.of("bach-chorales-musicxml", "openscore-lieder")) {
            List<Path> files = KantorData.scoreFiles(KantorData.corpus(corpus)).stream()
                    .filter(f -> PieceSplit.of(f) == PieceSplit.TEST).limit(30).toList();
            for (Path f : files) {
                examples.addAll(MeterTemplateTraining.examples(f));
            }
        }
        int right = 0;
        int downbeats = 0;
        int known = 0;
        for (MeterTemplateTraining.Example e : examples) {
            if (!MeterTemplates.supports(e.perBar())) {
                continue; // 2/4 is written as 4/4: the two cannot be told apart by ear alone
            }
            known++;
            MeterEstimator.Meter m = MeterEstimator.estimate(e.notes(), e.beats(), null);
            if (MeterEstimator.beatsPerBar(m.time()) == e.perBar()) {
                right++;
                if (Math.floorMod(m.firstDownbeat() - e.downbeat(), e.perBar()) == 0) {
                    downbeats++;
                }
            }
        }
        assertTrue(known >= 30, "enough held-out pieces in 3 or 4 beats: " + known);
        assertTrue(right >= 0.9 * known, "beats a bar right on " + right + " of " + known);
        assertTrue(downbeats >= 0.75 * known, "downbeat right on " + downbeats + " of " + known);
    }

    /** A given time signature is kept; only the downbeat is looked for. */
    @Test
    void aGivenMeterIsKept() throws Exception {
        Path chorale = KantorData.corpus("bach-chorales-musicxml").resolve("bwv10.7.mxl");
        MeterTemplateTraining.Example e = MeterTemplateTraining.examples(chorale).get(0);
        MeterEstimator.Meter m = MeterEstimator.estimate(e.notes(), e.beats(), org.kantor.core.TimeSignature.of(3, 4));
        assertEquals(org.kantor.core.TimeSignature.of(3, 4), m.time());
    }

    /** The counting code: templates counted from a handful of training pieces, with counts where they belong. */
    @Test
    void countingTemplatesFromScores() throws Exception {
        List<Path> files = KantorData.scoreFiles(KantorData.corpus("bach-chorales-musicxml")).stream().limit(40).toList();
        MeterTemplateTraining.Report report = MeterTemplateTraining.run(files, line -> { });
        long pieces = report.counts().pieces[0] + report.counts().pieces[1];
        assertEquals(report.trainExamples(), pieces);
        assertTrue(report.trainExamples() >= 10, "chorales in one meter with regular bars: " + report.trainExamples());
        long firstNotes = 0;
        for (long[] first : report.counts().first) {
            for (long c : first) {
                firstNotes += c;
            }
        }
        assertEquals(pieces, firstNotes, "one first note per piece");
        MeterTemplates rebuilt = new MeterTemplates(new com.google.gson.Gson().fromJson(report.counts().toJson(), MeterTemplates.Counts.class));
        int[][] evidence = {{3, 3, 1, 0, 2, 3}, {2, 2, 2, 1, 1, 1}, {2, 2, 2, 1, 1, 2}, {2, 2, 2, 1, 1, 1}};
        assertTrue(Double.isFinite(rebuilt.logLikelihood(evidence, 4, 0)));
    }
}
