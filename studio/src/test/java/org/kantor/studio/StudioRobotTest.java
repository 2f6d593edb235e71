package org.kantor.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.core.Score;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.tools.catalog.StandardTools;
import org.testfx.api.FxRobot;

/**
 * The studio driven as a musician drives it, with TestFX's robot (real mouse and key events through JavaFX, headless on
 * Monocle): click and shift-click bars in the engraved score, type the harmonizer's settings, press Run, Undo and Redo;
 * save, reopen and compare; drag across the bars of a real song.
 */
class StudioRobotTest {

    private static StandardTools tools;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        tools = OffscreenStudio.start();
    }

    @AfterAll
    static void stop() {
        tools.close();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return OffscreenStudio.onFx(work);
    }

    private static StudioWindow windowOn(Path score) throws Exception {
        StudioWindow window = OffscreenStudio.windowOn(tools, score);
        window.rendered().get(60, TimeUnit.SECONDS);
        return window;
    }

    /** Where measure {@code i} (from 0) is drawn, on the screen. */
    private static Point2D measureOnScreen(StudioWindow window, int i) throws Exception {
        return onFx(() -> {
            var web = window.engraved().node();
            netscape.javascript.JSObject c = (netscape.javascript.JSObject) web.getEngine().executeScript("kantorMeasureCenter(" + i + ")");
            double x = ((Number) c.getSlot(0)).doubleValue();
            double y = ((Number) c.getSlot(1)).doubleValue();
            return web.localToScreen(x, y);
        });
    }

    /** Scrolls the tool's form to a field, as a musician would, clicks into it, and types {@code text} over what it held. */
    private void type(String field, String text) throws Exception {
        javafx.scene.Node node = robot.lookup(field).query();
        onFx(() -> {
            javafx.scene.Node up = node.getParent();
            while (up != null && !(up instanceof javafx.scene.control.ScrollPane)) {
                up = up.getParent();
            }
            if (up instanceof javafx.scene.control.ScrollPane pane) {
                double content = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
                double y = pane.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                pane.setVvalue(content <= 0 ? 0 : Math.min(1, Math.max(0, (y - 20) / content)));
            }
            return null;
        });
        robot.clickOn(node);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
        assertEquals(text, ((javafx.scene.control.TextField) node).getText(), field);
    }

    /** Where staff {@code staff} of measure {@code i} (both from 0) is drawn, on the screen. */
    private static Point2D staffOnScreen(StudioWindow window, int i, int staff) throws Exception {
        return onFx(() -> {
            var web = window.engraved().node();
            netscape.javascript.JSObject c = (netscape.javascript.JSObject) web.getEngine().executeScript(
                    "kantorStaffCenter(" + i + "," + staff + ")");
            return web.localToScreen(((Number) c.getSlot(0)).doubleValue(), ((Number) c.getSlot(1)).doubleValue());
        });
    }

    private static void waitFor(Callable<Boolean> condition, String what, StudioWindow window) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!onFx(condition)) {
            assertTrue(System.currentTimeMillis() < deadline, "waited two minutes for: " + what + "; the status line says: " + window.statusText());
            Thread.sleep(100);
        }
    }

    @Test
    void clickBarsTypeSettingsRunUndoRedoSaveAndReopen(@TempDir Path dir) throws Exception {
        StudioWindow window = windowOn(Path.of("../examples/chorale.musicxml"));
        Score opened = window.session().document().score();
        byte[] openedXml = window.session().history().current();

        robot.clickOn(measureOnScreen(window, 1));
        robot.press(KeyCode.SHIFT).clickOn(measureOnScreen(window, 2)).release(KeyCode.SHIFT);
        int[] chosen = onFx(() -> window.engraved().selection().get());
        assertEquals(List.of(1, 2), List.of(chosen[0], chosen[1]), "bars 2-3 selected by a click and a shift-click");
        assertEquals(null, onFx(() -> window.engraved().selectedStaves()), "all staves");

        // with Ctrl: the alto's staff in bar 2, then with Shift as well the tenor's in bar 3: those voices are rewritten
        robot.press(KeyCode.CONTROL).clickOn(staffOnScreen(window, 1, 1)).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).clickOn(staffOnScreen(window, 2, 2)).release(KeyCode.SHIFT, KeyCode.CONTROL);
        int[] staves = onFx(() -> window.engraved().selectedStaves());
        assertEquals(List.of(1, 2), List.of(staves[0], staves[1]));
        assertTrue(window.statusText().endsWith("bars 2-3 selected (alto, tenor)"), window.statusText());
        assertEquals(2, (int) onFx(() -> window.engraved().shadesShown()));

        type("#parameter-seed", "5");
        type("#parameter-gibbs-steps", "8");
        robot.clickOn("#run");
        waitFor(() -> window.session().history().canUndo() && !robot.lookup("#run").queryButton().isDisabled(), "the harmonization",
                window);

        Score harmonized = window.session().document().score();
        byte[] harmonizedXml = window.session().history().current();
        for (int part = 0; part < 4; part++) {
            for (int m : new int[] {0, 3}) {
                assertEquals(opened.parts().get(part).measures().get(m).voices(), harmonized.parts().get(part).measures().get(m).voices(),
                        "part " + (part + 1) + ", bar " + (m + 1) + " lies outside the selection");
            }
        }
        assertEquals(opened.parts().get(0), harmonized.parts().get(0), "the soprano is the melody: untouched");
        assertEquals(opened.parts().get(3), harmonized.parts().get(3), "the bass was not asked for");
        assertNotEquals(opened.parts().get(1).measures().subList(1, 3), harmonized.parts().get(1).measures().subList(1, 3), "a new alto in bars 2-3");

        robot.clickOn("#undo");
        assertTrue(java.util.Arrays.equals(openedXml, window.session().history().current()), "Undo: the score as opened");
        robot.clickOn("#redo");
        assertTrue(java.util.Arrays.equals(harmonizedXml, window.session().history().current()), "Redo: the harmonization again");

        // Save as writes what is shown; reopened, it is the same music
        Path saved = dir.resolve("chorale-harmonized.musicxml");
        onFx(() -> {
            window.session().saveAs(saved);
            return null;
        });
        assertEquals(harmonized.parts(), ScoreFiles.read(saved).score().parts());
        StudioWindow again = windowOn(saved);
        assertEquals(harmonized.parts(), again.session().document().score().parts());
        assertFalse(again.session().history().modified());
        onFx(() -> {
            window.stage().close();
            again.stage().close();
            return null;
        });
    }

    @Test
    void aDragAcrossBarsOfARealSongSelectsThemAndItsCountInFollowsTheMeter() throws Exception {
        Path lieder = KantorData.corpus("openscore-lieder");
        Assumptions.assumeTrue(lieder != null);
        Path song = lieder.resolve("Faisst,_Clara_Mathilda/4_Lieder,_Op.1/2_Niederländisches_Wiegenlied/lc6260377.mxl");
        StudioWindow window = windowOn(song);
        Score score = window.session().document().score();
        assertEquals(MeasureLayout.of(score).size(), window.rendered().get(60, TimeUnit.SECONDS), "every measure of the song engraved");

        Point2D from = measureOnScreen(window, 0);
        Point2D to = measureOnScreen(window, 2);
        robot.drag(from, javafx.scene.input.MouseButton.PRIMARY).dropTo(to);
        int[] chosen = onFx(() -> window.engraved().selection().get());
        assertEquals(List.of(0, 2), List.of(chosen[0], chosen[1]), "bars 1-3 selected by a drag");
        assertEquals(3, (int) onFx(() -> window.engraved().shadesShown()));

        // 6/8 is counted in two: a click on each dotted quarter
        var plan = LivePlayer.plan(score, java.util.Set.of(), null, true);
        var clicks = plan.sequence().getTracks()[plan.sequence().getTracks().length - 1];
        int count = 0;
        for (int i = 0; i < clicks.size(); i++) {
            if (clicks.get(i).getMessage() instanceof javax.sound.midi.ShortMessage m && m.getCommand() == javax.sound.midi.ShortMessage.NOTE_ON) {
                count++;
            }
        }
        assertEquals(2, count);
        onFx(() -> {
            window.stage().close();
            return null;
        });
    }
}
