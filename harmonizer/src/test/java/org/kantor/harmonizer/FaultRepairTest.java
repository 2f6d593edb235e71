package org.kantor.harmonizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kantor.checker.VoiceLeadingChecker;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFiles;

/** Resampling what the checker flags: fewer faults than the sampler alone, the melody untouched, the variations still different. */
class FaultRepairTest {

    private static Harmonizer.Request request(int passes) {
        return new Harmonizer.Request(0, 3, 1, new GibbsSampler.Settings(16, 0.9, 0.9, 0.05, 0.75, true).withRepairPasses(passes));
    }

    @Test
    void repairedHarmonizationsOfABachMelodyHaveFewerFaults() throws Exception {
        ScoreDocument chorale = ScoreFiles.read(Path.of("../../shared/data/bach-chorales-musicxml/bwv26.6.mxl"));
        Harmonizer harmonizer = new Harmonizer(SharedModel.get());
        var region = Harmonizer.Region.allBut(0, chorale.score().parts().get(0).measures().size());
        List<ScoreDocument> sampled = harmonizer.regenerate(chorale, region, request(0));
        List<ScoreDocument> repaired = harmonizer.regenerate(chorale, region, request(GibbsSampler.Settings.REPAIR_PASSES));
        VoiceLeadingChecker checker = VoiceLeadingChecker.standard();
        double before = 0;
        double after = 0;
        for (int v = 0; v < 3; v++) {
            double b = FaultRepair.weight(checker.check(sampled.get(v).score(), "sampled"));
            double a = FaultRepair.weight(checker.check(repaired.get(v).score(), "repaired"));
            assertTrue(a <= b, "variation " + v + ": " + a + " after repair, " + b + " before");
            before += b;
            after += a;
            // the soprano is Bach's, note for note
            assertEquals(chorale.score().parts().get(0).notes(), repaired.get(v).score().parts().get(0).notes());
        }
        assertTrue(after < before * 0.6, "faults " + before + " -> " + after);
        // repairs are local: the three variations stay three different harmonizations
        assertNotEquals(repaired.get(0).score().parts().get(3).notes(), repaired.get(1).score().parts().get(3).notes());
        assertNotEquals(repaired.get(1).score().parts().get(3).notes(), repaired.get(2).score().parts().get(3).notes());
    }
}
