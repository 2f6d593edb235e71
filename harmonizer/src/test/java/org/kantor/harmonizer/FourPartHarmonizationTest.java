package org.kantor.harmonizer;

import org.kantor.checker.VoiceRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.checker.MuseScore;
import org.kantor.core.Measure;
import org.kantor.core.MusicEvent;
import org.kantor.core.Note;
import org.kantor.core.Part;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.Voice;
import org.kantor.models.harmony.HarmonyModel;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.MusicXmlReader;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;

/**
 * Four-part scores: the soprano of Bach's chorales harmonized anew (soprano untouched, four voices in
 * range, every measure full, the file reads back and MuseScore reads every voice), and chosen measures
 * of chosen voices rewritten with everything else kept.
 */
class FourPartHarmonizationTest {

    private static HarmonyModel model;

    @BeforeAll
    static void load() throws Exception {
        model = SharedModel.get();
    }

    private static Harmonizer.Request request(long seed) {
        return new Harmonizer.Request(0, 1, seed, new GibbsSampler.Settings(16, 0.9, 0.9, 0.05, 0.75, true));
    }

    /** Every 40th of the chorales that have exactly four parts (about ten, spread over the collection). */
    private static List<Path> sampleOfFourPartChorales() throws Exception {
        Path folder = KantorData.corpus("bach-chorales-musicxml");
        assumeTrue(folder != null, "the shared bach-chorales-musicxml corpus is needed");
        List<Path> fourPart = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".mxl")).sorted().toList()) {
                if (MusicXmlReader.read(f).score().parts().size() == 4) {
                    fourPart.add(f);
                }
            }
        }
        assertTrue(fourPart.size() > 300, "four-part chorales found: " + fourPart.size());
        List<Path> sample = new ArrayList<>();
        for (int i = 0; i < fourPart.size(); i += 40) {
            sample.add(fourPart.get(i));
        }
        return sample;
    }

    @Test
    void harmonizesTheSopranoOfASampleOfBachChorales(@TempDir Path dir) throws Exception {
        List<Path> sample = sampleOfFourPartChorales();
        for (int i = 0; i < sample.size(); i++) {
            Path file = sample.get(i);
            ScoreDocument chorale = MusicXmlReader.read(file);
            ScoreDocument result = new Harmonizer(model).harmonize(chorale, request(i)).get(0);
            String what = file.getFileName().toString();
            Score before = chorale.score();
            Score after = result.score();
            assertEquals(4, after.parts().size(), what);
            assertEquals(before.parts().get(0).notes(), after.parts().get(0).notes(), what + ": the soprano, note for note");
            for (int v = 1; v < 4; v++) {
                Part part = after.parts().get(v);
                assertFalse(part.notes().isEmpty(), what + " " + part.name());
                for (Note n : part.notes()) {
                    assertTrue(VoiceRange.TEXTBOOK[v].contains(n.pitch().midi()), what + " " + part.name() + ": " + n.pitch() + " out of range");
                }
            }
            assertMeasuresAddUp(after, what, List.of(1, 2, 3));
            // written and read back
            Path out = dir.resolve(what.replace(".mxl", ".musicxml"));
            Files.write(out, MusicXmlWriter.toBytes(result));
            Score back = MusicXmlReader.read(out).score();
            for (int p = 0; p < 4; p++) {
                assertEquals(after.parts().get(p).notes(), back.parts().get(p).notes(), what + " part " + p + " read back");
            }
            if (i < 2) {
                MuseScore.assertReadsEveryVoice(out, back);
            }
        }
    }

    @Test
    void rewritesChosenMeasuresOfChosenVoicesAndKeepsTheRest() throws Exception {
        Path folder = KantorData.corpus("bach-chorales-musicxml");
        assumeTrue(folder != null);
        ScoreDocument chorale = MusicXmlReader.read(folder.resolve("bwv1.6.mxl"));
        Score before = chorale.score();
        // parts: Horn 2, Soprano, Alto, Tenor, Bass; measures 5-8 are indices 5..8 (a pickup is measure 0)
        int first = 5;
        int last = 8;
        assertEquals("5", before.parts().get(0).measures().get(first).number());
        Harmonizer.Region region = new Harmonizer.Region(new boolean[] {false, true, true, false}, first, last);
        ScoreDocument result = new Harmonizer(model).regenerate(chorale, region, request(5)).get(0);
        Score after = result.score();
        for (int p : new int[] {0, 1, 4}) {
            assertEquals(before.parts().get(p).notes(), after.parts().get(p).notes(), "part " + before.parts().get(p).name() + " is kept");
        }
        boolean anyChange = false;
        for (int p : new int[] {2, 3}) {
            for (int m = 0; m < before.parts().get(p).measures().size(); m++) {
                String was = pitchesAndRhythm(before.parts().get(p).measures().get(m));
                String is = pitchesAndRhythm(after.parts().get(p).measures().get(m));
                if (m < first || m > last) {
                    assertEquals(was, is, before.parts().get(p).name() + " measure " + m + " is kept");
                } else {
                    anyChange |= !was.equals(is);
                }
            }
        }
        assertTrue(anyChange, "measures 5-8 of alto and tenor were written anew");
        assertMeasuresAddUp(after, "bwv1.6 rewritten", List.of(2, 3));
        assertNotEquals(0, chorale.score().parts().get(2).notes().size());
        assertEquals(before.parts().get(2).notes(), chorale.score().parts().get(2).notes(), "the input document is not changed");
    }

    private static String pitchesAndRhythm(Measure m) {
        StringBuilder s = new StringBuilder();
        for (Voice v : m.voices()) {
            for (MusicEvent e : v.events()) {
                s.append(e instanceof Note n ? n.pitch().toString() : "r").append('@').append(e.offset()).append('+').append(e.length()).append(' ');
            }
        }
        return s.toString();
    }

    /** No voice overfills a measure; the voices Kantor wrote (parts {@code written}) fill every measure exactly. */
    static void assertMeasuresAddUp(Score score, String what, List<Integer> written) {
        for (int p = 0; p < score.parts().size(); p++) {
            Part part = score.parts().get(p);
            for (Measure m : part.measures()) {
                for (Voice v : m.voices()) {
                    Rational end = Rational.ZERO;
                    for (MusicEvent e : v.events()) {
                        end = end.max(e.end());
                    }
                    assertTrue(!end.greaterThan(m.length()), what + " " + part.name() + " measure " + m.number() + " overfull");
                }
                Rational filled = Rational.ZERO;
                for (Voice v : m.voices()) {
                    Rational sum = Rational.ZERO;
                    for (MusicEvent e : v.events()) {
                        sum = sum.plus(e.length());
                    }
                    filled = filled.max(sum);
                }
                if (written.contains(p)) {
                    assertEquals(m.length(), filled, what + " " + part.name() + " measure " + m.number() + ": durations add up to the measure");
                }
            }
        }
    }

    private static void assertFalse(boolean condition, String message) {
        assertTrue(!condition, message);
    }
}
