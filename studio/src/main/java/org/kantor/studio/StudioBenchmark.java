package org.kantor.studio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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

    /**
     * Milliseconds: the first engraving after the window opens, re-engraving (median), and from Play to the music
     * moving: the first Play of a session (synthesizer opened, SoundFont loaded) and a later one (medians).
     */
    public record Figures(String score, int measures, double firstMillis, double reengraveMillis, double firstPlayMillis,
            double playMillis) {
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
            List<Double> firstPlays = new ArrayList<>();
            List<Double> plays = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                // the synthesizer renders to a stream, as a sound card would take it: machines without one are measured too
                try (LivePlayer player = new LivePlayer(StudioBenchmark::streamingSynthesizer)) {
                    // the first Play of a session: the synthesizer opened and the SoundFont loaded when Play is pressed
                    // (the window does that in the background as soon as a score opens, unless Play comes sooner)
                    for (int p = 0; p < 3; p++) {
                        long t = System.nanoTime();
                        player.play(LivePlayer.plan(score, Set.of(), null, false), 1.0);
                        while (!(player.position() > 0)) {
                            Thread.onSpinWait();
                        }
                        (p == 0 ? firstPlays : plays).add((System.nanoTime() - t) / 1e6);
                        player.stop();
                    }
                }
            }
            onFx(() -> {
                window.stage().close();
                return null;
            });
            return new Figures(file.getFileName().toString(), measures, first, Stats.median(again), Stats.median(firstPlays),
                    Stats.median(plays));
        }
    }

    private static javax.sound.midi.Synthesizer streamingSynthesizer() throws javax.sound.midi.MidiUnavailableException, java.io.IOException {
        javax.sound.midi.Synthesizer synth = javax.sound.midi.MidiSystem.getSynthesizer();
        ScoreSound.openStream(synth);
        return synth;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return FxPlatform.call(work);
    }
}
