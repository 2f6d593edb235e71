package org.kantor.studio;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/** What a window shows, saved as a PNG: for the docs, and for tests that look at the engraving. */
public final class ScoreScreenshot {

    /** WebView paints a moment after the engraver finishes: a snapshot taken at once is blank. */
    static final Duration SETTLE = Duration.millis(300);

    private ScoreScreenshot() {
    }

    /**
     * Shows {@code content} in an offscreen window of the given size, waits for {@code ready} and for the view to
     * settle, and writes a PNG (atomically). Returns what {@code ready} gave.
     */
    public static <T> T write(java.util.function.Supplier<Node> content, java.util.function.Function<Node, CompletableFuture<T>> ready,
                              Path png, int width, int height) throws IOException, InterruptedException {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Node node = content.get();
                Stage stage = new Stage();
                Scene scene = new Scene(new javafx.scene.layout.StackPane(node), width, height);
                stage.setScene(scene);
                stage.show();
                ready.apply(node).whenComplete((value, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        stage.close();
                        done.completeExceptionally(failure);
                        return;
                    }
                    capture(scene, png).whenComplete((paintedAt, notSaved) -> {
                        stage.close();
                        if (notSaved != null) {
                            done.completeExceptionally(notSaved);
                        } else {
                            done.complete(value);
                        }
                    });
                }));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IOException("the window did not finish drawing within 60 s", e);
        }
    }

    /**
     * Hands over the scene's picture once the view has painted: not blank, and the same in two snapshots a moment
     * apart (a busy machine paints later); after {@link #MAX_WAITS} tries, whatever is there. Also hands over when
     * the first of those two snapshots was taken (milliseconds since the JVM started): the page was on screen then.
     */
    private static void whenPainted(Scene scene, int tries, WritableImage before, long beforeAt,
                                    java.util.function.BiConsumer<WritableImage, Long> then) {
        PauseTransition wait = new PauseTransition(tries == 0 ? SETTLE : Duration.millis(200));
        wait.setOnFinished(e -> {
            long at = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            WritableImage now = scene.snapshot(null);
            if (tries >= MAX_WAITS || before != null && !blank(now) && same(before, now)) {
                then.accept(now, before != null && same(before, now) ? beforeAt : at);
            } else {
                whenPainted(scene, tries + 1, now, at, then);
            }
        });
        wait.play();
    }

    static final int MAX_WAITS = 20;

    /** Blank: fewer than one pixel in 500 differs from the background (a scroll bar alone is blank). */
    private static boolean blank(WritableImage image) {
        PixelReader p = image.getPixelReader();
        int first = p.getArgb(0, 0);
        long differing = 0;
        long seen = 0;
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen++;
                if (p.getArgb(x, y) != first) {
                    differing++;
                }
            }
        }
        return differing * 500 < seen;
    }

    private static boolean same(WritableImage a, WritableImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        PixelReader p = a.getPixelReader();
        PixelReader q = b.getPixelReader();
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = 0; x < a.getWidth(); x += 2) {
                if (p.getArgb(x, y) != q.getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Saves a scene once it has painted (call on the JavaFX thread); the future completes when the PNG is written, with
     * the moment (milliseconds since the JVM started) the picture saved was already on screen.
     */
    public static CompletableFuture<Long> capture(Scene scene, Path png) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        whenPainted(scene, 0, null, 0, (image, paintedAt) -> {
            try {
                save(image, png);
                done.complete(paintedAt);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Engraves a score offscreen and saves the window as a PNG; returns the number of measures engraved. */
    public static int engrave(String musicXml, Path png, int width, int height) throws IOException, InterruptedException {
        EngravedView[] view = new EngravedView[1];
        return write(() -> {
            view[0] = new EngravedView();
            return view[0].node();
        }, node -> view[0].show(musicXml), png, width, height);
    }

    private static void save(WritableImage image, Path png) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path parent = png.toAbsolutePath().getParent();
        Path part = Files.createTempFile(parent, ".screenshot", ".png.part");
        try {
            ImageIO.write(out, "png", part.toFile());
            Files.move(part, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
