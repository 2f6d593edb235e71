package org.kantor.studio;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.stage.Stage;
import org.kantor.tools.catalog.StandardTools;

/** The studio as the tests use it: JavaFX headless, no dialogs (the status line says it), a Recent list of its own. */
final class OffscreenStudio {

    private OffscreenStudio() {
    }

    /** Starts JavaFX offscreen (once) and the catalog's tools. */
    static StandardTools start() throws Exception {
        System.setProperty("kantor.studio.noDialogs", "true");
        // the Recent list of the person running the tests is left alone
        System.setProperty("kantor.studio.recent", Path.of("target/recent-files").toAbsolutePath().toString());
        Offscreen.start();
        return new StandardTools(600);
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        return FxPlatform.call(work);
    }

    /** A studio window, shown offscreen at the screen's corner, with a score opened (its engraving may still be under way). */
    static StudioWindow windowOn(StandardTools tools, Path score) throws Exception {
        return onFx(() -> {
            StudioWindow w = new StudioWindow(new StudioSession(tools.catalog()), new Stage());
            w.stage().setX(0);
            w.stage().setY(0);
            w.stage().show();
            w.open(score);
            return w;
        });
    }
}
