package org.kantor.studio;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.kantor.tools.catalog.StandardTools;

/** Starts Kantor Studio: a window on the screen, or offscreen for a screenshot of it. */
public final class Studio {

    private Studio() {
    }

    /** Opens the window with the files given (the first one shown) and returns when the musician closes it. */
    public static void run(List<Path> files) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Quiet.javafxWarnings();
        CompletableFuture<StudioSession.Prepared> reading = files.isEmpty() ? null : readAhead(files.get(0));
        try (StandardTools tools = new StandardTools(600)) {
            FxPlatform.startup(() -> {
                StudioWindow window = new StudioWindow(new StudioSession(tools.catalog()), new Stage());
                window.stage().setOnHidden(e -> closed.countDown());
                window.stage().show();
                if (reading != null) {
                    openWhenRead(window, files.get(0), reading, opened -> { });
                }
            });
            closed.await();
            FxPlatform.exitAndWait();
        }
    }

    /**
     * Opens the window offscreen on {@code file}, waits until the score is engraved and painted, saves the window as a
     * PNG, and stops JavaFX (once per process). Returns when the page saved was first on screen, in milliseconds since
     * the JVM started. Throws with the reason when the file cannot be opened or engraved.
     */
    public static long screenshot(Path file, Path png) throws Exception {
        System.setProperty("kantor.studio.noDialogs", "true");
        CompletableFuture<StudioSession.Prepared> reading = readAhead(file);
        Offscreen.start();
        CompletableFuture<Long> done = new CompletableFuture<>();
        try (StandardTools tools = new StandardTools(600)) {
            Platform.runLater(() -> {
                StudioWindow window = new StudioWindow(new StudioSession(tools.catalog()), new Stage());
                window.stage().show();
                openWhenRead(window, file, reading, opened -> {
                    if (!opened) {
                        done.completeExceptionally(new IllegalArgumentException(window.statusText()));
                        return;
                    }
                    window.rendered().thenRun(() -> Platform.runLater(() ->
                        ScoreScreenshot.capture(window.stage().getScene(), png).whenComplete((paintedAt, failure) -> {
                            window.stage().close();
                            if (failure != null) {
                                done.completeExceptionally(failure);
                            } else {
                                done.complete(paintedAt);
                            }
                        }))).exceptionally(failure -> {
                            done.completeExceptionally(failure);
                            return null;
                        });
                });
            });
            return done.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            FxPlatform.exitAndWait();
        }
    }

    /**
     * Reads the score on another core while JavaFX starts and the window is built (each takes about a second on its
     * own); a recording is not read here: opening it starts its transcription. Null for a recording.
     */
    private static CompletableFuture<StudioSession.Prepared> readAhead(Path file) {
        if (StudioWindow.isRecording(file)) {
            return null;
        }
        CompletableFuture<StudioSession.Prepared> reading = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                reading.complete(StudioSession.prepare(file));
            } catch (Exception | Error e) {
                reading.completeExceptionally(e);
            }
        }, "kantor-studio-read");
        reader.setDaemon(true);
        reader.start();
        return reading;
    }

    /** Opens what was read in the window once it is read (on the JavaFX thread); a file that failed is opened again for its dialog. */
    private static void openWhenRead(StudioWindow window, Path file, CompletableFuture<StudioSession.Prepared> reading,
            java.util.function.Consumer<Boolean> then) {
        if (reading == null) {
            then.accept(window.open(file));
            return;
        }
        reading.whenComplete((prepared, failure) -> Platform.runLater(() ->
                then.accept(failure == null ? window.open(prepared) : window.open(file))));
    }
}
