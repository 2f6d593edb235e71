package org.kantor.harmonizer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kantor.models.harmony.JsbChorales;
import org.kantor.musicxml.KantorData;

class SampleQualityEvaluationTest {

    @Test
    void bachIsCleanAndSamplesAreCounted() throws Exception {
        Path data = KantorData.corpus("jsb-chorales");
        assumeTrue(data != null);
        var test = JsbChorales.load(data).test().subList(0, 3);
        {
            var r = SampleQualityEvaluation.run(SharedModel.get(), test, new GibbsSampler.Settings(8, 0.9, 0.9, 0.05, 0.75, true), 1);
            assertTrue(r.bach().notes() > 500, "notes in three chorales: " + r.bach().notes());
            assertTrue(r.bach().perNote(r.bach().parallelFifths() + r.bach().parallelOctaves()) < 0.01, "Bach rarely writes parallels");
            assertTrue(r.kantor().notes() > 300);
            assertTrue(r.kantor().perNote(r.kantor().outOfRange()) < 0.01, "ranges are enforced while sampling");
        }
    }
}
