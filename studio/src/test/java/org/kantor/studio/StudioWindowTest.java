package org.kantor.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.tools.catalog.StandardTools;

/** The window as a musician uses it, offscreen: open a chorale, harmonize two measures, see it, undo; a broken file says why. */
class StudioWindowTest {

    private static StandardTools tools;

    @BeforeAll
    static void start() throws Exception {
        tools = OffscreenStudio.start();
    }

    @AfterAll
    static void stop() {
        tools.close();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return OffscreenStudio.onFx(work);
    }

    /** A studio window, shown offscreen, with a score opened. */
    private static StudioWindow windowOn(Path score) throws Exception {
        return OffscreenStudio.windowOn(tools, score);
    }

    @Test
    void harmonizeTwoMeasuresSeeTheResultAndUndo(@TempDir Path dir) throws Exception {
        StudioWindow window = windowOn(Path.of("../examples/chorale.musicxml"));
        assertEquals(4, window.rendered().get(60, TimeUnit.SECONDS));
        String opened = window.session().musicXml();
        var task = onFx(() -> {
            window.choose("harmonize", Map.of("voices", "alto,tenor", "measures", "2-3", "seed", "5", "gibbs-steps", "8"));
            return window.runTool();
        });
        task.get(120, TimeUnit.SECONDS);
        // the result is engraved once the task's handler has run on the JavaFX thread
        onFx(() -> null);
        assertEquals(4, window.rendered().get(60, TimeUnit.SECONDS));
        assertFalse(opened.equals(window.session().musicXml()), "a new version");
        assertTrue(window.statusText().endsWith("(changed)"), window.statusText());
        // Play either plays or says why it cannot (a machine with no sound output): never an exception
        String playing = onFx(() -> {
            window.startPlaying();
            return window.statusText();
        });
        assertTrue(playing.startsWith("Playing") || playing.startsWith("cannot play here"), playing);
        onFx(() -> {
            window.stopPlaying();
            return null;
        });
        Path png = dir.resolve("studio.png");
        onFx(() -> ScoreScreenshot.capture(window.stage().getScene(), png)).get(60, TimeUnit.SECONDS);
        assertTrue(Files.size(png) > 10_000, "a window with a score in it");
        Files.copy(png, Path.of("target/studio-window.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        onFx(() -> {
            window.session().history().undo();
            return null;
        });
        assertEquals(opened, window.session().musicXml());
        onFx(() -> {
            window.stage().close();
            return null;
        });
    }

    @Test
    void aClickSelectsMeasuresAndHarmonizeRewritesOnlyThose() throws Exception {
        StudioWindow window = windowOn(Path.of("../examples/chorale.musicxml"));
        assertEquals(4, window.rendered().get(60, TimeUnit.SECONDS));
        org.kantor.core.Score opened = window.session().document().score();
        // a click in the middle of bar 2, then a shift-click in bar 3, as the mouse sends them to the page
        onFx(() -> window.engraved().node().getEngine().executeScript(
                "var c = kantorMeasureCenter(1); document.getElementById('score').dispatchEvent(new MouseEvent('mousedown',"
                        + " {clientX: c[0], clientY: c[1], bubbles: true})); document.dispatchEvent(new MouseEvent('mouseup'));"
                        + "var d = kantorMeasureCenter(2); document.getElementById('score').dispatchEvent(new MouseEvent('mousedown',"
                        + " {clientX: d[0], clientY: d[1], shiftKey: true, bubbles: true}));"));
        int[] chosen = onFx(() -> window.engraved().selection().get());
        assertEquals(List.of(1, 2), List.of(chosen[0], chosen[1]));
        assertEquals(2, (int) onFx(() -> window.engraved().shadesShown()), "two bars shaded");
        assertTrue(window.statusText().endsWith("bars 2-3 selected"), window.statusText());

        var task = onFx(() -> {
            window.choose("harmonize", Map.of("voices", "alto,tenor", "seed", "5", "gibbs-steps", "8"));
            return window.runTool();
        });
        task.get(120, TimeUnit.SECONDS);
        onFx(() -> null);
        org.kantor.core.Score after = window.session().document().score();
        for (int part = 0; part < 4; part++) {
            for (int m : new int[] {0, 3}) {
                assertEquals(opened.parts().get(part).measures().get(m).voices(), after.parts().get(part).measures().get(m).voices(),
                        "part " + part + " bar " + (m + 1) + " is outside the selection");
            }
        }
        assertFalse(opened.parts().get(1).measures().subList(1, 3).equals(after.parts().get(1).measures().subList(1, 3)), "the alto of bars 2-3 is new");
        window.rendered().get(60, TimeUnit.SECONDS);
        onFx(() -> null);
        assertEquals(2, (int) onFx(() -> window.engraved().shadesShown()), "the selection stays on the new version");
        onFx(() -> {
            window.stage().close();
            return null;
        });
    }

    @Test
    void threeVariationsAreShownOneByOneAndTheOneKeptBecomesTheScore() throws Exception {
        StudioWindow window = windowOn(Path.of("../examples/melody.musicxml"));
        window.rendered().get(60, TimeUnit.SECONDS);
        String melody = window.session().musicXml();
        var task = onFx(() -> {
            window.choose("harmonize", Map.of("seed", "9", "gibbs-steps", "8"));
            window.setVariations(3);
            return window.runTool();
        });
        task.get(180, TimeUnit.SECONDS);
        onFx(() -> null);
        assertEquals(3, (int) onFx(window::candidates));
        assertEquals(9, window.rendered().get(60, TimeUnit.SECONDS), "variation A engraved (the pickup and 8 bars)");
        assertTrue(window.statusText().endsWith("variation A of 3 (Keep to use it)"), window.statusText());
        assertEquals(melody, window.session().musicXml(), "nothing is a version before Keep");
        onFx(() -> {
            window.showCandidate(2);
            return null;
        });
        assertEquals(9, window.rendered().get(60, TimeUnit.SECONDS), "variation C engraved");
        onFx(() -> {
            window.keep("harmonize");
            return null;
        });
        assertEquals(4, window.session().document().score().parts().size(), "the melody with alto, tenor and bass");
        assertEquals(0, (int) onFx(window::candidates));
        assertTrue(window.session().history().canUndo());
        onFx(() -> {
            window.stage().close();
            return null;
        });
    }

    @Test
    void checkListsTheFindingsAClickSelectsTheirBarAndUndoChecksAgain() throws Exception {
        Path bach = org.kantor.musicxml.KantorData.corpus("bach-chorales-musicxml");
        org.junit.jupiter.api.Assumptions.assumeTrue(bach != null);
        StudioWindow window = windowOn(bach.resolve("bwv26.6.mxl"));
        window.rendered().get(60, TimeUnit.SECONDS);
        var task = onFx(() -> {
            window.choose("check", Map.of());
            return window.runTool();
        });
        task.get(60, TimeUnit.SECONDS);
        onFx(() -> null);
        List<String> shown = onFx(window::findingsShown);
        assertEquals(10, shown.size(), shown.toString());
        assertTrue(shown.get(3).startsWith("m. 4, beat 2.5  error  parallel-fifths (soprano, tenor): Parallel fifths between soprano and tenor"),
                shown.get(3));
        onFx(() -> {
            window.clickFinding(3);
            return null;
        });
        int[] chosen = onFx(() -> window.engraved().selection().get());
        // printed measure 4 is the fourth bar
        assertEquals(List.of(3, 3), List.of(chosen[0], chosen[1]));
        assertEquals(2, (int) onFx(window::ringed), "the soprano's and the tenor's notes are ringed");
        Path ringed = Path.of("target/studio-finding.png");
        onFx(() -> ScoreScreenshot.capture(window.stage().getScene(), ringed)).get(60, TimeUnit.SECONDS);

        // a new version is checked again: the alto and tenor of bars 3-6 written anew, then undone
        var harmonized = onFx(() -> {
            window.choose("harmonize", Map.of("voices", "alto,tenor", "measures", "3-6", "seed", "2", "gibbs-steps", "8"));
            window.setVariations(1);
            return window.runTool();
        });
        harmonized.get(120, TimeUnit.SECONDS);
        onFx(() -> null);
        long deadline = System.currentTimeMillis() + 30_000;
        while (onFx(window::findingsShown).equals(shown) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertFalse(onFx(window::findingsShown).equals(shown), "the findings of the new version");
        onFx(() -> {
            window.session().history().undo();
            return null;
        });
        onFx(() -> {
            window.stage().close();
            return null;
        });
    }

    @Test
    void theCursorFollowsTheMusicAndTheScoreZoomsAndGoesOnPages() throws Exception {
        StudioWindow window = windowOn(Path.of("../examples/chorale.musicxml"));
        assertEquals(4, window.rendered().get(60, TimeUnit.SECONDS));
        onFx(() -> {
            window.engraved().showCursor(1, 2.0);
            return null;
        });
        assertTrue(onFx(() -> window.engraved().cursorShown()), "a cursor on beat 3 of bar 2");
        Path cursor = Path.of("target/studio-cursor.png");
        onFx(() -> ScoreScreenshot.capture(window.stage().getScene(), cursor)).get(60, TimeUnit.SECONDS);
        onFx(() -> {
            window.engraved().hideCursor();
            return null;
        });
        assertFalse(onFx(() -> window.engraved().cursorShown()));

        // larger, then on A4 pages: the same four measures each time, the selection kept
        onFx(() -> {
            window.engraved().select(1, 2);
            return null;
        });
        assertEquals(4, onFx(() -> window.engraved().layout(1.5, false)).get(60, TimeUnit.SECONDS));
        assertEquals(4, onFx(() -> window.engraved().layout(0.8, true)).get(60, TimeUnit.SECONDS));
        assertEquals(2, (int) onFx(() -> window.engraved().shadesShown()));
        Path pages = Path.of("target/studio-pages.png");
        onFx(() -> ScoreScreenshot.capture(window.stage().getScene(), pages)).get(60, TimeUnit.SECONDS);

        // the alto alone: solo it, and the other three parts are silent; a muted part stays silent without solos
        Set<Integer> silent = onFx(() -> {
            window.playback().setPart(1, true, true);
            return window.playback().silentParts();
        });
        assertEquals(Set.of(0, 2, 3), silent);
        silent = onFx(() -> {
            window.playback().setPart(1, true, false);
            window.playback().setPart(3, false, false);
            return window.playback().silentParts();
        });
        assertEquals(Set.of(3), silent);
        onFx(() -> {
            window.stage().close();
            return null;
        });
    }

    @Test
    void aRecordingOpensAsItsTranscriptionAndStaysAtHandToBeHeard() throws Exception {
        Path golden = org.kantor.musicxml.KantorData.corpus("basic-pitch-golden");
        org.junit.jupiter.api.Assumptions.assumeTrue(golden != null);
        Path wav = golden.resolve("vocadito_10.wav");
        StudioWindow window = onFx(() -> {
            StudioWindow w = new StudioWindow(new StudioSession(tools.catalog()), new Stage());
            w.stage().show();
            return w;
        });
        // a transcription cancelled at once leaves the window as it was: no score, no recording
        var cancelled = onFx(() -> {
            var t = window.transcribe(wav);
            t.cancel(true);
            return t;
        });
        assertTrue(cancelled.isCancelled());
        onFx(() -> null);
        assertFalse(window.session().hasScore());
        assertEquals(null, onFx(() -> window.playback().recording()));

        assertTrue(onFx(() -> window.open(wav)), "opening a recording transcribes it");
        // done when the window has taken the transcription: the recording is then at hand
        long deadline = System.currentTimeMillis() + 120_000;
        while (onFx(() -> window.playback().recording()) == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(window.session().hasScore(), window.statusText());
        assertEquals("vocadito_10.musicxml", window.session().name());
        assertTrue(window.rendered().get(60, TimeUnit.SECONDS) > 0, "the transcription is engraved");
        assertEquals(wav, onFx(() -> window.playback().recording()));
        String heard = onFx(() -> {
            window.playback().hearRecording();
            return window.statusText();
        });
        assertTrue(heard.startsWith("Playing the recording vocadito_10.wav") || heard.startsWith("cannot play here"), heard);
        onFx(() -> {
            window.stopPlaying();
            window.stage().close();
            return null;
        });
    }

    @Test
    void aBrokenFileIsNamedAndTheWindowStaysAsItWas(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("half.musicxml");
        Files.writeString(broken, "<score-partwise version=\"4.0\"><part-list><score-part id=\"P1\">");
        StudioWindow window = onFx(() -> {
            StudioWindow w = new StudioWindow(new StudioSession(tools.catalog()), new Stage());
            w.stage().show();
            return w;
        });
        Path log = dir.resolve("studio.log");
        System.setProperty("kantor.studio.log", log.toString());
        boolean opened = onFx(() -> window.open(broken));
        System.clearProperty("kantor.studio.log");
        assertFalse(opened);
        String details = Files.readString(log);
        assertTrue(details.contains("Cannot open half.musicxml: half.musicxml") && details.contains("ScoreFileException"),
                "the log keeps the cause: " + details);
        assertTrue(window.statusText().startsWith("Cannot open half.musicxml: half.musicxml"), window.statusText());
        assertFalse(window.session().hasScore());
        onFx(() -> {
            window.stage().close();
            return null;
        });
    }
}
