package org.kantor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.models.harmony.HarmonizerTraining;
import org.kantor.musicxml.MusicXmlReader;

class HarmonizeCommandTest {

    private static final Path MELODY = Path.of("..", "examples", "melody.musicxml").toAbsolutePath().normalize();

    @Test
    void writesOneFilePerVariation(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("choir.musicxml");
        KantorCliTest.Result r = KantorCliTest.kantor("harmonize", MELODY.toString(), "-o", out.toString(), "--variations", "2",
                "--seed", "5", "--gibbs-steps", "8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().isBlank(), "nothing on standard error: " + r.err());
        for (String name : new String[] {"choir-1.musicxml", "choir-2.musicxml"}) {
            var score = MusicXmlReader.read(dir.resolve(name)).score();
            assertEquals(4, score.parts().size(), name);
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void writesHymnalLayoutOnTwoStaves(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("hymn.musicxml");
        KantorCliTest.Result r = KantorCliTest.kantor("harmonize", MELODY.toString(), "-o", out.toString(), "--layout", "two-staves",
                "--seed", "5", "--gibbs-steps", "8");
        assertEquals(0, r.code(), r.err());
        var score = MusicXmlReader.read(out).score();
        assertEquals(2, score.parts().size());
        assertEquals("Tenor, Bass", score.parts().get(1).name());
        assertEquals(java.util.Set.of("1", "2"), score.parts().get(1).measures().get(1).voices().stream()
                .map(org.kantor.core.Voice::id).collect(java.util.stream.Collectors.toSet()));
        KantorCliTest.Result bad = KantorCliTest.kantor("harmonize", MELODY.toString(), "-o", dir.resolve("x.musicxml").toString(),
                "--layout", "three-staves");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--layout must be four-staves or two-staves"), bad.err());
        KantorCliTest.Result fourPart = KantorCliTest.kantor("harmonize", CHORALE.toString(), "-o", dir.resolve("y.musicxml").toString(),
                "--layout", "two-staves");
        assertEquals(1, fourPart.code());
        assertTrue(fourPart.err().contains("--layout applies when harmonizing a melody"), fourPart.err());
    }

    @Test
    void badArgumentsAndExistingOutputs(@TempDir Path dir) throws Exception {
        assertEquals(2, KantorCliTest.kantor("harmonize", MELODY.toString(), "-o", dir.resolve("x.musicxml").toString(), "--given", "baritone").code());
        assertEquals(2, KantorCliTest.kantor("harmonize", MELODY.toString(), "-o", dir.resolve("x.musicxml").toString(), "--variations", "9").code());
        Path existing = Files.writeString(dir.resolve("taken.musicxml"), "keep me");
        KantorCliTest.Result r = KantorCliTest.kantor("harmonize", MELODY.toString(), "-o", existing.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("already exists"), r.err());
        assertEquals("keep me", Files.readString(existing));
        KantorCliTest.Result melodyRegion = KantorCliTest.kantor("harmonize", MELODY.toString(), "-o", dir.resolve("y.musicxml").toString(),
                "--measures", "2-3");
        assertEquals(1, melodyRegion.code());
        assertTrue(melodyRegion.err().contains("--voices and --measures rewrite parts of a four-part score"), melodyRegion.err());
        assertEquals(1, KantorCliTest.kantor("harmonize", CHORALE.toString(), "-o", dir.resolve("z.musicxml").toString(),
                "--measures", "40-41").code());
        assertEquals(2, KantorCliTest.kantor("harmonize", CHORALE.toString(), "-o", dir.resolve("z.musicxml").toString(),
                "--measures", "3-1").code());
        assertEquals(2, KantorCliTest.kantor("harmonize", CHORALE.toString(), "-o", dir.resolve("z.musicxml").toString(),
                "--voices", "alto,descant").code());
        assertFalse(Files.exists(dir.resolve("z.musicxml")));
    }

    private static final Path CHORALE = Path.of("..", "examples", "chorale.musicxml").toAbsolutePath().normalize();

    @Test
    void aMelodyOfThousandsOfMeasuresIsRefusedAtOnceNotAfterAnHour(@TempDir Path dir) throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><score-partwise version=\"4.0\"><part-list><score-part id=\"P1\">"
                + "<part-name>Melody</part-name></score-part></part-list><part id=\"P1\">");
        for (int m = 1; m <= 5000; m++) {
            xml.append("<measure number=\"").append(m).append("\">");
            if (m == 1) {
                xml.append("<attributes><divisions>1</divisions><key><fifths>0</fifths></key><time><beats>4</beats><beat-type>4</beat-type></time>"
                        + "<clef><sign>G</sign><line>2</line></clef></attributes>");
            }
            xml.append("<note><pitch><step>").append("CDEFGAB".charAt(m % 7)).append("</step><octave>4</octave></pitch><duration>4</duration>"
                    + "<type>whole</type></note></measure>");
        }
        xml.append("</part></score-partwise>");
        Path long_ = java.nio.file.Files.writeString(dir.resolve("long.musicxml"), xml);
        Path out = dir.resolve("out.musicxml");
        KantorCliTest.Result r = KantorCliTest.kantor("harmonize", long_.toString(), "-o", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("has 5000 measures; Kantor harmonizes up to 1000 at a time"), r.err());
        assertFalse(java.nio.file.Files.exists(out));
    }

    @Test
    void rewritesChosenVoicesInChosenMeasuresOfAFourPartScore(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("new-inner-voices.musicxml");
        KantorCliTest.Result r = KantorCliTest.kantor("harmonize", CHORALE.toString(), "-o", out.toString(), "--voices", "alto,tenor",
                "--measures", "2-3", "--seed", "2", "--gibbs-steps", "8");
        assertEquals(0, r.code(), r.err());
        var before = MusicXmlReader.read(CHORALE).score();
        var after = MusicXmlReader.read(out).score();
        assertEquals(before.parts().get(0).notes(), after.parts().get(0).notes(), "soprano kept");
        assertEquals(before.parts().get(3).notes(), after.parts().get(3).notes(), "bass kept");
        assertEquals(before.parts().get(1).measures().get(0), after.parts().get(1).measures().get(0), "alto measure 1 kept");
        assertEquals(before.parts().get(1).measures().size(), after.parts().get(1).measures().size());
    }

    @Test
    void evaluatesOnTheValidationSplitAndRefusesUnknownSplitsAndRuns(@TempDir Path dir) {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.kantor.musicxml.KantorData.corpus("jsb-chorales") != null, "jsb-chorales not found");
        KantorCliTest.Result r = KantorCliTest.kantor("eval", "harmonizer", "--split", "valid", "--limit", "1", "--evaluations", "1",
                "--ensemble", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("on 1 JSB valid chorales") && r.out().contains("the paper's figure is on the test split"), r.out());
        double frameWise = Double.parseDouble(r.out().lines().filter(l -> l.contains("frame-wise NLL per frame")).findFirst()
                .orElseThrow().trim().split("\\s+")[4]);
        // one ordering, no ensemble: about 2.8 nats a frame; guessing would cost 4 x ln 46 = 15.3
        assertTrue(frameWise > 0.5 && frameWise < 5.0, "a trained model's NLL per frame on one chorale, one ordering: " + frameWise);
        assertTrue(r.out().indexOf("note-wise NLL per variable") > r.out().indexOf("frame-wise NLL per frame"), r.out());

        KantorCliTest.Result badSplit = KantorCliTest.kantor("eval", "harmonizer", "--split", "train");
        assertEquals(2, badSplit.code());
        assertTrue(badSplit.err().contains("--split takes test or valid (got train)"), badSplit.err());
        KantorCliTest.Result notARun = KantorCliTest.kantor("eval", "harmonizer", "--run", dir.toString());
        assertEquals(2, notARun.code());
        assertTrue(notARun.err().contains("is not a harmonizer training run"), notARun.err());
        KantorCliTest.Result nothingToExport = KantorCliTest.kantor("train", "harmonizer", "--out", dir.toString(), "--export",
                dir.resolve("weights").toString());
        assertEquals(2, nothingToExport.code());
        assertTrue(nothingToExport.err().contains("nothing to export"), nothingToExport.err());
        assertFalse(Files.exists(dir.resolve("weights")));
        KantorCliTest.Result noWeights = KantorCliTest.kantor("eval", "harmonizer", "--weights", dir.toString());
        assertEquals(2, noWeights.code());
        assertTrue(noWeights.err().contains("holds no exported harmony weights (no coconet.kw and coconet.json in it)"), noWeights.err());
        KantorCliTest.Result both = KantorCliTest.kantor("eval", "harmonizer", "--weights", dir.toString(), "--run", dir.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give one of them"), both.err());
        KantorCliTest.Result badPrecision = KantorCliTest.kantor("train", "harmonizer", "--out", dir.toString(), "--export",
                dir.resolve("weights").toString(), "--precision", "int4");
        assertEquals(2, badPrecision.code());
        assertTrue(badPrecision.err().contains("--precision takes int8 or half (got int4)"), badPrecision.err());
        assertFalse(Files.exists(dir.resolve("weights")));
    }

    @Test
    void aRunTrainedOnTheValidationChoralesIsNotEvaluatedOnThem(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.kantor.musicxml.KantorData.corpus("jsb-chorales") != null, "jsb-chorales not found");
        KantorCliTest.Result badChorales = KantorCliTest.kantor("train", "harmonizer", "--out", dir.resolve("x").toString(), "--chorales", "all");
        assertEquals(2, badChorales.code());
        assertTrue(badChorales.err().contains("--chorales takes train or train+valid (got all)"), badChorales.err());
        assertFalse(Files.exists(dir.resolve("x")));

        Path run = dir.resolve("final");
        KantorCliTest.Result trained = KantorCliTest.kantor("train", "harmonizer", "--out", run.toString(), "--chorales", "train+valid",
                "--steps", "1", "--batch", "2", "--crop", "16", "--channels", "8", "--blocks", "1");
        assertEquals(0, trained.code(), trained.err());
        KantorCliTest.Result onValid = KantorCliTest.kantor("eval", "harmonizer", "--run", run.toString(), "--split", "valid");
        assertEquals(2, onValid.code());
        assertTrue(onValid.err().contains("was trained on the validation chorales but the first 0"), onValid.err());

        Path heldOut = dir.resolve("held-out");
        KantorCliTest.Result trainedHeldOut = KantorCliTest.kantor("train", "harmonizer", "--out", heldOut.toString(), "--chorales", "train+valid",
                "--held-out", "2", "--steps", "1", "--batch", "2", "--crop", "16", "--channels", "8", "--blocks", "1");
        assertEquals(0, trainedHeldOut.code(), trainedHeldOut.err());
        // measured on the 2 held-out chorales; the figure itself is not asserted: after one step an 8-channel network's
        // validation NLL was NaN in one CI run in about ten (training loss finite, cause not found yet, see the stop-34 note)
        assertTrue(HarmonizerTraining.readProgress(heldOut).lastValidNll() != null, "measured on the 2 held-out chorales");
        KantorCliTest.Result beyond = KantorCliTest.kantor("eval", "harmonizer", "--run", heldOut.toString(), "--split", "valid", "--limit", "3");
        assertEquals(2, beyond.code());
        assertTrue(beyond.err().contains("or on --split valid --limit 2 or less"), beyond.err());
        KantorCliTest.Result within = KantorCliTest.kantor("eval", "harmonizer", "--run", heldOut.toString(), "--split", "valid", "--limit", "1",
                "--evaluations", "2");
        assertEquals(0, within.code(), within.err());
        KantorCliTest.Result heldOutAlone = KantorCliTest.kantor("train", "harmonizer", "--out", dir.resolve("y").toString(), "--held-out", "6");
        assertEquals(2, heldOutAlone.code());
        assertTrue(heldOutAlone.err().contains("--held-out keeps validation chorales out of a --chorales train+valid run"), heldOutAlone.err());
        KantorCliTest.Result tooMany = KantorCliTest.kantor("train", "harmonizer", "--out", dir.resolve("y").toString(), "--chorales",
                "train+valid", "--held-out", "77");
        assertEquals(2, tooMany.code());
        assertTrue(tooMany.err().contains("--held-out must be between 0 and 76 (got 77)"), tooMany.err());
        assertFalse(Files.exists(dir.resolve("y")));
    }

    @Test
    void pitchHeadMistakesAreUsageErrorsThatWriteNothing(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.kantor.musicxml.KantorData.corpus("jsb-chorales") != null, "jsb-chorales not found");
        Path run = dir.resolve("run");
        KantorCliTest.Result noSize = KantorCliTest.kantor("train", "harmonizer", "--out", run.toString(), "--pitch-head-only");
        assertEquals(2, noSize.code());
        assertTrue(noSize.err().contains("--pitch-head-only trains a pitch head: give its size with --pitch-head C"), noSize.err());
        KantorCliTest.Result nothingToKeep = KantorCliTest.kantor("train", "harmonizer", "--out", run.toString(), "--pitch-head", "4",
                "--pitch-head-only");
        assertEquals(2, nothingToKeep.code());
        assertTrue(nothingToKeep.err().contains("give it with --warm-start RUN"), nothingToKeep.err());
        KantorCliTest.Result negative = KantorCliTest.kantor("train", "harmonizer", "--out", run.toString(), "--pitch-head", "-1");
        assertEquals(2, negative.code());
        assertTrue(negative.err().contains("--pitch-head and --pitch-blocks not negative"), negative.err());
        Path notWeights = Files.writeString(dir.resolve("notes.txt"), "not weights");
        KantorCliTest.Result badStart = KantorCliTest.kantor("train", "harmonizer", "--out", run.toString(), "--pitch-head", "4",
                "--warm-start", notWeights.toString(), "--steps", "1");
        assertEquals(2, badStart.code());
        assertTrue(badStart.err().contains(notWeights + " holds weights of another network"), badStart.err());
        assertFalse(Files.exists(run));

        String[] small = {"--steps", "1", "--batch", "2", "--crop", "16", "--channels", "8", "--blocks", "1", "--pitch-head", "4", "--pitch-blocks", "1"};
        KantorCliTest.Result whole = KantorCliTest.kantor(concat(new String[] {"train", "harmonizer", "--out", run.toString()}, small));
        assertEquals(0, whole.code(), whole.err());
        byte[] weights = Files.readAllBytes(run.resolve(HarmonizerTraining.WEIGHTS));
        KantorCliTest.Result headAlone = KantorCliTest.kantor(concat(new String[] {"train", "harmonizer", "--out", run.toString(),
                "--pitch-head-only"}, small));
        assertEquals(2, headAlone.code());
        assertTrue(headAlone.err().contains("was trained whole: resume it the same way"), headAlone.err());
        org.junit.jupiter.api.Assertions.assertArrayEquals(weights, Files.readAllBytes(run.resolve(HarmonizerTraining.WEIGHTS)));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
