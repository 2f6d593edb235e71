package org.kantor.studio;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

/** JavaFX with no display: Monocle's headless platform and software rendering, for screenshots and tests. */
public final class Offscreen {

    private static boolean started;

    private Offscreen() {
    }

    /** Starts the JavaFX platform headless, once; later calls do nothing. Call before anything else touches JavaFX. */
    public static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        Quiet.javafxWarnings();
        CountDownLatch ready = new CountDownLatch(1);
        FxPlatform.startup(ready::countDown);
        Platform.setImplicitExit(false);
        ready.await();
        started = true;
    }

    /** Stops the JavaFX platform before the process exits (see {@link FxPlatform}); JavaFX cannot start again afterwards. */
    public static void stop() {
        FxPlatform.exitAndWait();
    }
}
