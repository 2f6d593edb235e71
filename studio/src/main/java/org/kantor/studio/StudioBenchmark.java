package org.kantor.studio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.bench.Stats;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.tools.catalog.StandardTools;

/**
 * How quickly the studio shows and re-shows a score, offscreen in this process: the window opened on a
 * score until its first engraving, engraving it again (what follows every tool run, undo or redo), and
 * preparing playback. Medians over several runs.
 */
public final class StudioBenchmark {

    /** Milliseconds: the first engraving after the window opens, re-engraving (median), preparing playback (median). */
    public record Figures(String score, int measures, double firstMillis, double reengraveMillis, double playbackPlanMillis) {
    }

    private StudioBenchmark() {
    }

    public static Figures run(Path file, int runs) throws Exception {
        Offscreen.start();
        String xml = new String(MusicXmlWriter.toBytes(ScoreFiles.read(file)), java.nio.charset.StandardCharsets.UTF_8);
        try (StandardTools tools = new StandardTools(600)) {
            long t0 = System.nanoTime();
            StudioWindow window = onFx(() -> {
                StudioWindow w = new StudioWindow(new StudioSession(tools.catalog()), new Stage());
                w.stage().show();
                w.open(file);
                return w;
            });
            int measures = window.rendered().get(120, TimeUnit.SECONDS);
            double first = (System.nanoTime() - t0) / 1e6;
            List<Double> again = new ArrayList<>();
            for (int r = 0; r < runs + 1; r++) {
                long t = System.nanoTime();
                onFx(() -> window.engraved().show(xml)).get(120, TimeUnit.SECONDS);
                if (r > 0) {
                    again.add((System.nanoTime() - t) / 1e6);
                }
            }
            var score = window.session().document().score();
            List<Double> plans = new ArrayList<>();
            for (int r = 0; r < runs + 1; r++) {
                long t = System.nanoTime();
                LivePlayer.plan(score, Set.of(), null);
                if (r > 0) {
                    plans.add((System.nanoTime() - t) / 1e6);
                }
            }
            onFx(() -> {
                window.stage().close();
                return null;
            });
            return new Figures(file.getFileName().toString(), measures, first, Stats.median(again), Stats.median(plans));
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }
}
