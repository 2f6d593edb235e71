package org.kantor.harmonizer.melody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kantor.models.melody.MelodyLanguageModel;
import org.kantor.models.melody.MelodyLatentModel;
import org.kantor.musicxml.KantorData;

/** Melodies that end: continued songs and generated tunes close on the tonic chord, with no silent measure and a final barline. */
class MelodyEndingsTest {

    @Test
    void continuedSongsAndGeneratedTunesEndOnACadence() throws Exception {
        Path folder = KantorData.corpus("openscore-lieder");
        assumeTrue(folder != null);
        List<Path> songs;
        try (var walk = Files.walk(folder)) {
            songs = walk.filter(p -> p.toString().endsWith(".mxl")).sorted().limit(40).toList();
        }
        MelodyEndingsEvaluation.Result r = MelodyEndingsEvaluation.run(MelodyLanguageModel.load(), MelodyLatentModel.load(), songs, 3, true, 1);
        for (MelodyEndings e : List.of(r.continuations(), r.generations())) {
            assertEquals(e.melodies(), e.cadences(), "every melody ends on the tonic chord: " + e);
            assertEquals(0, e.emptyMeasures(), "no silent measure: " + e);
            assertEquals(e.melodies(), e.finalBarlines(), "a final barline: " + e);
        }
        assertEquals(6, r.continuations().melodies());
        assertEquals(3, r.generations().melodies());
    }
}
