package org.kantor.studio;

import javafx.application.Platform;

/**
 * Starts the JavaFX platform and stops it before the process exits. A process that exits while a WebView's engine still
 * runs can abort in WebKit's native teardown (seen on a build machine: all tests passed, then "Aborted"), so stopping
 * waits for JavaFX's own thread to end. Not a shutdown hook: Monocle's own hook ends that thread at the same moment,
 * and a Platform.exit waiting on it then waits forever.
 */
final class FxPlatform {

    private static volatile Thread fxThread;

    private FxPlatform() {
    }

    /** Starts JavaFX and runs {@code first} on its thread. */
    static void startup(Runnable first) {
        Platform.startup(() -> {
            fxThread = Thread.currentThread();
            first.run();
        });
    }

    /** Stops JavaFX and waits (a few seconds at most) until its thread has ended; does nothing when it never started. */
    static void exitAndWait() {
        Thread fx = fxThread;
        if (fx == null || !fx.isAlive()) {
            return;
        }
        // Platform.exit waits on JavaFX's thread; done aside, so this wait is bounded whatever that thread does
        Thread exiting = new Thread(Platform::exit, "kantor-javafx-exit");
        exiting.setDaemon(true);
        exiting.start();
        try {
            fx.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether JavaFX's thread still runs (for tests). */
    static boolean running() {
        Thread fx = fxThread;
        return fx != null && fx.isAlive();
    }

    /** Runs {@code work} on JavaFX's thread and waits (up to two minutes) for what it gives or throws. */
    static <T> T call(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(120, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }
}
