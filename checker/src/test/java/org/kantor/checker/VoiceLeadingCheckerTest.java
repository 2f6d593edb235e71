package org.kantor.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kantor.core.Pitch;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.MusicXmlReader;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;

/** The checker on small exercises whose faults a teacher would mark by hand, and on Bach's chorales. */
class VoiceLeadingCheckerTest {

    /** Four parts in C major, 4/4, one quarter note per pitch given (four per measure), soprano first. */
    static ScoreDocument exercise(String soprano, String alto, String tenor, String bass) throws Exception {
        String[] names = {"Soprano", "Alto", "Tenor", "Bass"};
        String[] lines = {soprano, alto, tenor, bass};
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><score-partwise version=\"4.0\"><part-list>");
        for (int p = 0; p < 4; p++) {
            xml.append("<score-part id=\"P").append(p + 1).append("\"><part-name>").append(names[p]).append("</part-name></score-part>");
        }
        xml.append("</part-list>");
        for (int p = 0; p < 4; p++) {
            xml.append("<part id=\"P").append(p + 1).append("\">");
            String[] notes = lines[p].trim().split("\\s+");
            for (int i = 0; i < notes.length; i++) {
                if (i % 4 == 0) {
                    xml.append(i > 0 ? "</measure>" : "").append("<measure number=\"").append(i / 4 + 1).append("\">");
                    if (i == 0) {
                        xml.append("<attributes><divisions>1</divisions><key><fifths>0</fifths></key><time><beats>4</beats>"
                                + "<beat-type>4</beat-type></time><clef><sign>").append(p < 2 ? "G" : "F").append("</sign><line>")
                                .append(p < 2 ? 2 : 4).append("</line></clef></attributes>");
                    }
                }
                // a "!" after a pitch puts a fermata on it
                boolean fermata = notes[i].endsWith("!");
                Pitch pitch = Pitch.parse(fermata ? notes[i].substring(0, notes[i].length() - 1) : notes[i]);
                xml.append("<note><pitch><step>").append(pitch.step()).append("</step>")
                        .append(pitch.alter() != 0 ? "<alter>" + pitch.alter() + "</alter>" : "")
                        .append("<octave>").append(pitch.octave()).append("</octave></pitch><duration>1</duration><voice>1</voice><type>quarter</type>")
                        .append(fermata ? "<notations><fermata/></notations>" : "").append("</note>");
            }
            xml.append("</measure></part>");
        }
        xml.append("</score-partwise>");
        return MusicXmlReader.read(xml.toString().getBytes(StandardCharsets.UTF_8), "exercise.musicxml");
    }

    private static List<String> findings(ScoreDocument doc) throws Exception {
        List<String> found = new ArrayList<>();
        for (Finding f : VoiceLeadingChecker.standard().check(doc.score(), doc.name()).findings()) {
            found.add(f.rule() + " m" + f.measure() + " b" + f.beat() + " " + f.voiceNames());
        }
        return found;
    }

    @Test
    void aCleanCadenceHasNoFindings() throws Exception {
        ScoreDocument doc = exercise("C5 C5 B4 C5", "E4 F4 D4 E4", "G3 A3 G3 G3", "C3 F3 G3 C3");
        VoiceLeadingChecker.Report report = VoiceLeadingChecker.standard().check(doc.score(), doc.name());
        assertEquals(List.of(), report.findings());
        assertEquals("C major", report.chorale().key().displayName());
        assertEquals(List.of("I", "IV", "V", "I"), report.chorale().sonorities().stream().map(s -> s.numeral().text()).toList());
        assertEquals(1, report.cadences().size());
        assertEquals("perfect authentic", report.cadences().get(0).type());
    }

    @Test
    void aTenorSlidingDownInSemitonesIsAChromaticLine() throws Exception {
        List<String> found = findings(exercise("C5 B4 A4 G4", "E4 D4 C4 B3", "G3 F#3 F3 E3", "C3 D3 F2 E2"));
        assertTrue(found.contains("chromatic-line m1 b4.0 [tenor]"), found.toString());
    }

    @Test
    void aPieceEndingOnTheTonicSixChordHasNoFinalCadence() throws Exception {
        List<String> found = findings(exercise("E5 D5 D5 C5", "G4 G4 F4 G4", "C4 B3 B3 C4", "C3 G2 G2 E3"));
        assertTrue(found.contains("final-cadence m1 b4.0 [soprano, alto, tenor, bass]"), found.toString());
        // the same ending with the root in the bass is a cadence
        assertTrue(findings(exercise("E5 D5 D5 C5", "G4 G4 F4 G4", "C4 B3 B3 E4", "C3 G2 G2 C3")).stream()
                .noneMatch(f -> f.startsWith("final-cadence")));
    }

    @Test
    void aSeventhLeaptToInIi7IsUnprepared() throws Exception {
        List<String> found = findings(exercise("G4 C5 B4 C5", "E4 F4 F4 E4", "C4 A3 G3 G3", "C3 D3 G2 C3"));
        assertTrue(found.contains("unprepared-seventh m1 b2.0 [soprano]"), found.toString());
        // held over from the chord before, the same seventh is prepared
        assertTrue(findings(exercise("C5 C5 B4 C5", "E4 F4 F4 E4", "G3 A3 G3 G3", "C3 D3 G2 C3")).stream()
                .noneMatch(f -> f.startsWith("unprepared-seventh")));
    }

    @Test
    void aCadenceIsReportedOnceWhenAVoiceMovesOnAfterTheFermata() throws Exception {
        // V-I with a fermata on the I, then alto and tenor move on within the same chord: still one cadence
        ScoreDocument doc = exercise("C5 C5 B4 C5! C5 C5 C5 C5", "E4 F4 D4 E4! G4 G4 G4 G4", "G3 A3 G3 G3! E4 E4 E4 E4",
                "C3 F3 G3 C3! C3 C3 C3 C3");
        var cadences = VoiceLeadingChecker.standard().check(doc.score(), doc.name()).cadences();
        assertEquals(1, cadences.size(), cadences.toString());
        assertEquals("perfect authentic", cadences.get(0).type());
    }

    @Test
    void bachsLowBassIsNotAFaultUnlessTheTextbookRangesAreAsked() throws Exception {
        // a cadence with the bass down to D2, as Bach writes it often
        ScoreDocument doc = exercise("D5 C5 B4 C5", "F4 E4 D4 E4", "A3 G3 G3 G3", "D2 E2 G2 C3");
        VoiceLeadingChecker.Report bach = VoiceLeadingChecker.standard().check(doc.score(), doc.name());
        assertTrue(bach.findings().stream().noneMatch(f -> f.rule().equals("range")), bach.findings().toString());
        assertTrue(bach.ranges().startsWith("Bach's ranges: soprano C4-A5, alto F3-D5, tenor C3-A4, bass C2-E4"), bach.ranges());
        VoiceLeadingChecker textbook = new VoiceLeadingChecker(null, VoiceRange.TEXTBOOK, VoiceRange.Preset.TEXTBOOK_RANGES.description());
        VoiceLeadingChecker.Report graded = textbook.check(doc.score(), doc.name());
        assertEquals(1, graded.findings().stream().filter(f -> f.rule().equals("range")).count(), "D2 only (E2 is in range): " + graded.findings());
        assertTrue(graded.ranges().startsWith("textbook ranges: soprano C4-G5"), graded.ranges());
    }

    @Test
    void findsTheFaultsATeacherWouldMark() throws Exception {
        // tenor and bass a fifth apart move up together
        assertEquals(List.of("parallel-fifths m1 b2.0 [tenor, bass]"),
                findings(exercise("C5 C5 B4 C5", "E4 F4 D4 E4", "G3 C4 G3 G3", "C3 F3 G3 C3")));
        // soprano and bass in octaves, both falling
        assertTrue(findings(exercise("C5 B4 C5 C5", "E4 D4 E4 E4", "G3 G3 G3 G3", "C3 B2 C3 C3"))
                .contains("parallel-octaves m1 b2.0 [soprano, bass]"));
        // a twelfth to a nineteenth (compound fifths) by contrary motion in the outer voices
        assertEquals(List.of("contrary-fifths m1 b2.0 [soprano, bass]"),
                findings(exercise("G4 C5 B4 C5", "E4 E4 D4 E4", "C4 G3 G3 G3", "C3 F2 G2 C3")));
        // the alto above the soprano
        assertTrue(findings(exercise("C5 C5 B4 C5", "E4 D5 D4 E4", "G3 A3 G3 G3", "C3 F3 G3 C3"))
                .contains("voice-crossing m1 b2.0 [soprano, alto]"));
        // a tenor note too high, a bass leap of more than an octave
        List<String> rangeAndLeap = findings(exercise("C5 C5 B4 C5", "E4 F4 D4 E4", "G3 B4 G3 G3", "C3 F3 G3 C2"));
        assertTrue(rangeAndLeap.contains("range m1 b2.0 [tenor]"), rangeAndLeap.toString());
        assertTrue(rangeAndLeap.contains("large-leap m1 b4.0 [bass]"), rangeAndLeap.toString());
        // the leading tone in the soprano falling to G as V goes to I
        assertTrue(findings(exercise("C5 C5 B4 G4", "E4 F4 D4 E4", "G3 A3 G3 C4", "C3 F3 G3 C3"))
                .contains("leading-tone m1 b4.0 [soprano]"));
        // F in the alto against F-sharp in the tenor on beat 2: one letter, two accidentals at once
        List<String> clash = findings(exercise("C5 C5 B4 C5", "E4 F4 D4 E4", "G3 F#3 G3 G3", "C3 D3 G3 C3"));
        assertTrue(clash.contains("chromatic-clash m1 b2.0 [alto, tenor]"), clash.toString());
        // F in the alto, then F-sharp in the soprano (a V of V): the chromatic step split between two voices
        List<String> cross = findings(exercise("C5 C5 F#5 G5", "E4 F4 D4 D4", "G3 A3 A3 B3", "C3 F3 D3 G2"));
        assertTrue(cross.contains("cross-relation m1 b3.0 [alto, soprano]"), cross.toString());
        assertTrue(findings(exercise("C5 C5 B4 C5", "E4 F4 F#4 G4", "G3 A3 A3 G3", "C3 F3 D3 C3")).stream()
                .noneMatch(f -> f.startsWith("cross-relation")), "F to F-sharp within the alto is a chromatic step, not a cross-relation");
        // the leading tone doubled in soprano and tenor
        assertTrue(findings(exercise("C5 C5 B4 C5", "E4 F4 D4 E4", "G3 A3 B3 C4", "C3 F3 G3 C3"))
                .contains("doubled-leading-tone m1 b3.0 [soprano, tenor]"));
    }

    @Test
    void reportsAsJsonInTheDocumentedShape() throws Exception {
        ScoreDocument doc = exercise("C5 C5 B4 C5", "E4 F4 D4 E4", "G3 C4 G3 G3", "C3 F3 G3 C3");
        var json = ReportJson.of(VoiceLeadingChecker.standard().check(doc.score(), doc.name()));
        assertEquals("exercise.musicxml", json.get("file").getAsString());
        assertEquals("C major", json.get("key").getAsString());
        var finding = json.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("parallel-fifths", finding.get("rule").getAsString());
        assertEquals("error", finding.get("severity").getAsString());
        assertEquals("1", finding.get("measure").getAsString());
        assertEquals(2, finding.get("beat").getAsInt());
        assertEquals("[\"tenor\",\"bass\"]", finding.get("voices").toString());
        assertEquals("[\"C4\",\"F3\"]", finding.get("pitches").toString());
        assertEquals(4, json.getAsJsonArray("chords").size());
        assertEquals("I", json.getAsJsonArray("chords").get(0).getAsJsonObject().get("numeral").getAsString());
    }

    @Test
    void saysWhatItNeedsWhenTheScoreIsNotFourPartWriting() throws Exception {
        ScoreDocument melody = MusicXmlReader.read(Path.of("../examples/melody.musicxml"));
        ScoreFileException e = assertThrows(ScoreFileException.class, () -> VoiceLeadingChecker.standard().check(melody.score(), "melody.musicxml"));
        assertTrue(e.getMessage().startsWith("melody.musicxml: found 1 part with notes (Voice), 1 voice in all; the checker needs four-part"),
                e.getMessage());
    }

    @Test
    void findsInjectedFaultsInBachChorales() throws Exception {
        Path folder = KantorData.corpus("bach-chorales-musicxml");
        assumeTrue(folder != null);
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".mxl")).sorted().limit(12).toList();
        }
        CheckerEvaluation.Result r = CheckerEvaluation.run(files, 7, null);
        assertTrue(r.chorales() >= 10, "chorales read: " + r.chorales());
        for (CheckerEvaluation.RuleScore s : r.injected()) {
            assertTrue(s.injections() >= 5, s.rule() + " injected " + s.injections() + " times");
            assertTrue(s.recall() >= 0.95, s.rule() + " recall " + s.recall());
            assertTrue(s.precision() >= 0.95, s.rule() + " precision " + s.precision());
        }
        assertTrue(r.ratePerNote("chromatic-clash") < 0.001, "Bach writes almost no clashes: " + r.ratePerNote("chromatic-clash"));
        double parallels = r.ratePerNote("parallel-fifths") + r.ratePerNote("parallel-octaves");
        assertTrue(parallels < 0.005, "Bach writes few parallels: " + parallels + " per note");
    }

    @Test
    void anInjectionChangesOnlyTheNoteItNames() throws Exception {
        ScoreDocument doc = exercise("C5 C5 B4 C5", "E4 F4 D4 E4", "G3 A3 G3 G3", "C3 F3 G3 C3");
        Chorale chorale = Chorale.of(doc.score(), doc.name());
        ErrorInjector.Injection injection = ErrorInjector.inject(chorale, "voice-crossing", new Random(1), List.of());
        var changed = ErrorInjector.apply(doc.score(), chorale, injection);
        int differences = 0;
        for (int p = 0; p < 4; p++) {
            var before = doc.score().parts().get(p).notes();
            var after = changed.parts().get(p).notes();
            for (int i = 0; i < before.size(); i++) {
                differences += before.get(i).equals(after.get(i)) ? 0 : 1;
            }
        }
        assertEquals(1, differences);
    }
}
