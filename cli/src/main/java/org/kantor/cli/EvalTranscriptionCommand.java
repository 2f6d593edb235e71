package org.kantor.cli;

import org.kantor.models.PieceSplit;
import org.kantor.models.NativeStderr;
import org.kantor.models.transcription.BasicPitch;
import org.kantor.models.transcription.NoteCreation;
import org.kantor.models.transcription.TranscriptionSettings;
import org.kantor.models.transcription.eval.FluidSynth;
import org.kantor.models.transcription.eval.NoteMatching;
import org.kantor.models.transcription.eval.TranscriptionEvaluation;
import org.kantor.models.transcription.eval.TranscriptionEvaluation.Rendering;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/** {@code kantor eval transcription}: rendered scores transcribed and compared with the scores. */
@Command(name = "transcription", header = "Transcription of rendered held-out chorales and song accompaniments: note F1, tempo and meter.", mixinStandardHelpOptions = true,
        description = {"Evaluate transcription: chorales from ../shared/data/bach-chorales-musicxml and piano parts from",
            "openscore-lieder are rendered with FluidSynth (General MIDI sound font), transcribed, and compared with the scores:",
            "note precision/recall/F1 (mir_eval conventions, onsets within 50 ms, with and without offsets), and after",
            "notation the share of notes with the right pitch at the right position in beats. Needs the Debian packages",
            "fluidsynth and fluid-soundfont-gm."})
final class EvalTranscriptionCommand implements Callable<Integer> {

    @Option(names = "--chorales", defaultValue = "20", description = "Number of held-out chorales, spread evenly over them (default ${DEFAULT-VALUE}).")
    int chorales;

    @Option(names = "--lieder", defaultValue = "10", description = "Number of held-out song piano parts, spread evenly (default ${DEFAULT-VALUE}).")
    int lieder;

    @Option(names = "--sounds", split = ",", paramLabel = "SOUND", description = "The chorales also played by these General MIDI sounds, each"
            + " its own set: choir, strings, organ, flute, guitar, piano (default: none, the scores' own instruments only); choir, strings,"
            + " organ and flute are transcribed as sounds that hold their notes (kantor transcribe --sound held).")
    List<String> sounds = List.of();

    @Option(names = "--quartets", defaultValue = "0", description = "Number of held-out string quartet movements from openscore-quartets,"
            + " their first minute played on their own instruments and transcribed with --sound held --parts quartet (default ${DEFAULT-VALUE}).")
    int quartets;

    @Option(names = "--split", defaultValue = "test", paramLabel = "test|valid", description = "The held-out pieces to play: test"
            + " (default, for figures) or valid (for choosing settings, so that the test pieces stay unseen).")
    String split;

    @Option(names = "--keep", paramLabel = "DIR", description = "Also write each transcription there as MusicXML, to engrave and read.")
    Path keep;

    /** General MIDI programs (from 0) of the sounds the chorales can be played by. */
    static final java.util.Map<String, org.kantor.core.Instrument> SOUNDS = java.util.Map.of(
            "choir", new org.kantor.core.Instrument("Choir Aahs", 52, 1, false),
            "strings", new org.kantor.core.Instrument("String Ensemble", 48, 1, false),
            "organ", new org.kantor.core.Instrument("Church Organ", 19, 1, false),
            "flute", new org.kantor.core.Instrument("Flute", 73, 1, false),
            "guitar", new org.kantor.core.Instrument("Nylon Guitar", 24, 1, false),
            "piano", new org.kantor.core.Instrument("Piano", 0, 1, false));

    /** The sounds that hold their notes: transcribed as kantor transcribe --sound held does. */
    static final java.util.Set<String> HELD = java.util.Set.of("choir", "strings", "organ", "flute");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String sound : sounds) {
            if (!SOUNDS.containsKey(sound)) {
                throw new Kantor.UserError("--sounds: no sound called " + sound + " (choose from " + String.join(", ", new java.util.TreeSet<>(SOUNDS.keySet()))
                        + ")", Kantor.EXIT_USAGE);
            }
        }
        String missing = FluidSynth.missing();
        if (missing != null) {
            throw new Kantor.UserError("kantor eval transcription renders audio with FluidSynth: " + missing);
        }
        PieceSplit heldOutSplit = switch (split) {
            case "test" -> PieceSplit.TEST;
            case "valid" -> PieceSplit.VALID;
            default -> throw new Kantor.UserError("--split: test or valid, not " + split, Kantor.EXIT_USAGE);
        };
        List<Path> choraleFiles = spread(heldOut(SharedData.require("bach-chorales-musicxml"), heldOutSplit), chorales);
        List<Path> liederFiles = pianoSongs(heldOut(SharedData.require("openscore-lieder"), heldOutSplit), lieder);
        List<Path> quartetFiles = quartets > 0 ? spread(heldOut(SharedData.require("openscore-quartets"), heldOutSplit), quartets) : List.of();
        Path work = Files.createTempDirectory("kantor-eval-transcription");
        List<TranscriptionEvaluation.Piece> pieces = new ArrayList<>();
        try (BasicPitch model = NativeStderr.silenced(BasicPitch::load)) {
            java.util.function.Consumer<TranscriptionEvaluation.Piece> done = p -> report(err, p);
            java.util.function.Consumer<String> skipped = m -> err.println("  skipped " + m);
            pieces.addAll(TranscriptionEvaluation.evaluateAll(choraleFiles, Rendering.asWritten("chorales"), model, work, keep, done, skipped));
            pieces.addAll(TranscriptionEvaluation.evaluateAll(liederFiles, Rendering.asWritten("lieder piano").pianoPartOnly(), model, work,
                    keep, done, skipped));
            var notes = NoteCreation.Settings.defaults();
            if (!quartetFiles.isEmpty()) {
                pieces.addAll(TranscriptionEvaluation.evaluateAll(quartetFiles, Rendering.asWritten("quartets")
                        .playedBy(null, notes.forHeldNotes(), TranscriptionSettings.Instrumentation.QUARTET).firstSeconds(60),
                        model, work, keep, done, skipped));
            }
            for (String sound : sounds) {
                // a choir is written as one, on four staves; the other sounds as a pianist would read them
                Rendering how = Rendering.asWritten("chorales " + sound).playedBy(SOUNDS.get(sound),
                        HELD.contains(sound) ? notes.forHeldNotes() : notes,
                        sound.equals("choir") ? TranscriptionSettings.Instrumentation.SATB : TranscriptionSettings.Instrumentation.AUTO);
                pieces.addAll(TranscriptionEvaluation.evaluateAll(choraleFiles, how, model, work, keep, done, skipped));
            }
        } finally {
            try (var left = Files.list(work)) {
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
        out.printf(Locale.ROOT, "Transcription of rendered scores (FluidSynth, FluidR3_GM, 44.1 kHz stereo), Basic Pitch defaults%n");
        out.printf(Locale.ROOT, "  %-16s %6s %7s | %-20s | %-20s | %8s %8s %7s %7s %5s%n", "set", "pieces", "audio",
                "onset P / R / F1", "with offset P / R / F1", "placed", "score F1", "tempo", "meter", "ink");
        table(out, "chorales", pieces.stream().filter(p -> p.set().equals("chorales")).toList());
        table(out, "lieder piano", pieces.stream().filter(p -> p.set().equals("lieder piano")).toList());
        table(out, "quartets", pieces.stream().filter(p -> p.set().equals("quartets")).toList());
        for (String sound : sounds) {
            table(out, "chorales " + sound, pieces.stream().filter(p -> p.set().equals("chorales " + sound)).toList());
        }
        table(out, "all", pieces);
        out.println("  P/R/F1: means over pieces; placed: notes with the right pitch at the right position in beats after notation;");
        out.println("  score F1: note F1 in score time (pitch, position in quarter notes after aligning the first notes);");
        out.println("  tempo: pieces whose quarter-note tempo came out within 4%; meter: pieces whose time signature and bar lines came out right;");
        out.println("  ink: notes, rests and ties per measure, the transcription's over the score's (median; 1.0: as much to read).");
        double audio = pieces.stream().mapToDouble(TranscriptionEvaluation.Piece::seconds).sum();
        double took = pieces.stream().mapToDouble(TranscriptionEvaluation.Piece::transcribeSeconds).sum();
        out.printf(Locale.ROOT, "  %.0f s of audio transcribed and notated in %.1f s: %.1fx real time on this machine%n", audio, took, audio / took);
        out.flush();
        return Kantor.EXIT_OK;
    }

    private static void report(PrintWriter err, TranscriptionEvaluation.Piece p) {
        err.printf(Locale.ROOT, "  %-16s %-28s %6.1f s  onset F1 %.3f  offset F1 %.3f  placed %.3f  score F1 %.3f  tempo %.0f/%.0f  meter %s/%s%s  ink %.2f%n",
                p.set(), p.name(), p.seconds(), p.onsets().f1(), p.offsets().f1(), p.placedShare(), p.scoreTimeF1(), p.estimatedTempo(),
                p.trueTempo(), p.estimatedMeter(), p.trueMeter(), p.barLineShift() != null && !p.barLineShift().isZero() ? " (bar lines " + p.barLineShift() + (p.barLineShift().equals(org.kantor.core.Rational.ONE) ? " quarter" : " quarters") + " late)" : "",
                p.inkRatio());
        err.flush();
    }

    private static void table(PrintWriter out, String set, List<TranscriptionEvaluation.Piece> pieces) {
        if (pieces.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "  %-16s %6d %6.0fs | %.3f / %.3f / %.3f  | %.3f / %.3f / %.3f  | %8.3f %8.3f %4d/%-2d %4d/%-2d %5.2f%n", set, pieces.size(),
                pieces.stream().mapToDouble(TranscriptionEvaluation.Piece::seconds).sum(),
                mean(pieces, p -> p.onsets().precision()), mean(pieces, p -> p.onsets().recall()), mean(pieces, p -> p.onsets().f1()),
                mean(pieces, p -> p.offsets().precision()), mean(pieces, p -> p.offsets().recall()), mean(pieces, p -> p.offsets().f1()),
                mean(pieces, TranscriptionEvaluation.Piece::placedShare), mean(pieces, TranscriptionEvaluation.Piece::scoreTimeF1),
                pieces.stream().filter(TranscriptionEvaluation.Piece::tempoRight).count(), pieces.size(),
                pieces.stream().filter(TranscriptionEvaluation.Piece::meterRight).count(), pieces.size(),
                org.kantor.musicxml.bench.Stats.median(pieces.stream().map(TranscriptionEvaluation.Piece::inkRatio).toList()));
    }

    private static double mean(List<TranscriptionEvaluation.Piece> pieces, ToDoubleFunction<TranscriptionEvaluation.Piece> f) {
        return pieces.stream().mapToDouble(f).average().orElse(0);
    }

    /** {@code count} files spread evenly over the sorted list, so the sample is not one composer's. */
    /** The held-out pieces only: the meter templates learned from the others. */
    private static List<Path> heldOut(Path dir, PieceSplit split) throws IOException {
        return KantorData.scoreFiles(dir).stream().filter(f -> PieceSplit.of(f) == split).toList();
    }

    static List<Path> spread(List<Path> files, int count) {
        List<Path> chosen = new ArrayList<>();
        if (count <= 0 || files.isEmpty()) {
            return chosen;
        }
        double step = (double) files.size() / Math.min(count, files.size());
        for (int i = 0; i < Math.min(count, files.size()); i++) {
            chosen.add(files.get((int) (i * step)));
        }
        return chosen;
    }

    /** Songs with a piano part on two staves, spread evenly; files that do not qualify are passed over. */
    private static List<Path> pianoSongs(List<Path> files, int count) {
        List<Path> chosen = new ArrayList<>();
        if (count <= 0) {
            return chosen;
        }
        int step = Math.max(1, files.size() / count);
        for (int start = 0; start < files.size() && chosen.size() < count; start += step) {
            for (int i = start; i < Math.min(files.size(), start + step); i++) {
                try {
                    if (ScoreFiles.read(files.get(i)).score().parts().stream().anyMatch(p -> p.staves() == 2)) {
                        chosen.add(files.get(i));
                        break;
                    }
                } catch (ScoreFileException e) {
                    // not readable: try the next one
                }
            }
        }
        chosen.sort(Comparator.naturalOrder());
        return chosen;
    }
}
