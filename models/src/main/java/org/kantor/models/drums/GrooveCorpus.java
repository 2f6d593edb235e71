package org.kantor.models.drums;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Groove MIDI Dataset ({@code groove-midi/}): its performances in 4/4 (all but 13), split as its
 * {@code info.csv} says (train 887 / validation 122 / test 129 in 4/4). The drum models train on
 * train, are chosen on validation and are reported on test.
 */
public final class GrooveCorpus {

    public enum Split { TRAIN, VALIDATION, TEST }

    /** One performance and what {@code info.csv} says of it. */
    public record Piece(String id, String style, boolean fill, DrumPerformance performance) {
    }

    private final Map<Split, List<Piece>> pieces;

    private GrooveCorpus(Map<Split, List<Piece>> pieces) {
        this.pieces = pieces;
    }

    public List<Piece> pieces(Split split) {
        return pieces.get(split);
    }

    public static GrooveCorpus load(Path folder) throws IOException {
        Path info = folder.resolve("info.csv");
        if (!Files.isRegularFile(info)) {
            throw new IOException(folder + " is not the Groove MIDI Dataset (no info.csv)");
        }
        List<String> lines = Files.readAllLines(info, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int id = column(header, "id");
        int style = column(header, "style");
        int beatType = column(header, "beat_type");
        int meter = column(header, "time_signature");
        int file = column(header, "midi_filename");
        int split = column(header, "split");
        Map<Split, List<Piece>> pieces = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            pieces.put(s, new ArrayList<>());
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length < header.size() || !f[meter].equals("4-4")) {
                continue;
            }
            Path midi = folder.resolve(f[file]);
            DrumPerformance performance;
            try (InputStream in = Files.newInputStream(midi)) {
                performance = DrumPerformance.read(in);
            } catch (IOException e) {
                throw new IOException(midi + ": " + e.getMessage(), e);
            }
            String mainStyle = f[style].contains("/") ? f[style].substring(0, f[style].indexOf('/')) : f[style];
            pieces.get(Split.valueOf(f[split].toUpperCase(java.util.Locale.ROOT)))
                    .add(new Piece(f[id], mainStyle, f[beatType].equals("fill"), performance));
        }
        pieces.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return new GrooveCorpus(pieces);
    }

    /** The {@code bars}-bar windows of the pieces, one starting at every bar, keeping those with at least one hit. */
    public static List<Window> windows(List<Piece> pieces, int bars) {
        int length = bars * DrumPattern.STEPS_PER_BAR;
        List<Window> out = new ArrayList<>();
        for (Piece p : pieces) {
            DrumPattern whole = p.performance().pattern();
            for (int start = 0; start + DrumPattern.STEPS_PER_BAR <= whole.steps(); start += DrumPattern.STEPS_PER_BAR) {
                DrumPattern w = whole.window(start, start + length);
                if (w.hitCount() > 0) {
                    out.add(new Window(p, start, w));
                }
            }
        }
        return out;
    }

    /** A window of a piece, starting at step {@code start}. */
    public record Window(Piece piece, int start, DrumPattern pattern) {
    }

    private static int column(List<String> header, String name) throws IOException {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IOException("info.csv has no column " + name);
        }
        return i;
    }
}
