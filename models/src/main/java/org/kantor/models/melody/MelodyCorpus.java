package org.kantor.models.melody;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.kantor.models.PieceSplit;
import org.kantor.core.KeySignature;
import org.kantor.core.Mode;
import org.kantor.core.Part;
import org.kantor.core.Score;
import org.kantor.core.TimeSignature;
import org.kantor.musicxml.AtomicFiles;
import org.kantor.musicxml.KantorData;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;

/**
 * The melodies Kantor's melody models learn from: the vocal lines of the OpenScore lieder, the first
 * violins of the OpenScore quartets and the sopranos of Bach's chorales. Every piece falls into one
 * split by its file name ({@link PieceSplit}).
 */
public record MelodyCorpus(List<Melody> train, List<Melody> valid, List<Melody> test) {

    /** A folder of the shared data and which of its parts holds the melody. */
    enum Source {
        LIEDER("openscore-lieder"), QUARTETS("openscore-quartets"), CHORALES("bach-chorales-musicxml");

        final String folder;

        Source(String folder) {
            this.folder = folder;
        }
    }

    private static final int MAGIC = 0x4B4D454C; // "KMEL"
    private static final int VERSION = 1;

    /**
     * The part that carries the tune: a single-staff part named like a voice or the first violin, else
     * the first single-staff part (piano parts have two staves), else the first part.
     */
    public static int melodyPart(Score score) {
        List<Part> parts = score.parts();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).staves() == 1 && !parts.get(i).notes().isEmpty()) {
                return i;
            }
        }
        return 0;
    }

    /** Reads the corpus from the shared data, or from {@code cache} when it was read before. */
    public static MelodyCorpus load(Path cache, PrintStream log) throws IOException {
        if (cache != null && Files.exists(cache)) {
            return read(cache);
        }
        List<Path> files = new ArrayList<>();
        for (Source s : Source.values()) {
            Path dir = KantorData.corpus(s.folder);
            if (dir == null) {
                throw new IOException("the shared data folder " + s.folder + " is missing (set KANTOR_DATA)");
            }
            files.addAll(KantorData.scoreFiles(dir));
        }
        log.printf("reading melodies from %d scores%n", files.size());
        List<Melody> train = Collections.synchronizedList(new ArrayList<>());
        List<Melody> valid = Collections.synchronizedList(new ArrayList<>());
        List<Melody> test = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<List<Melody>>> results = new ArrayList<>();
            for (Path f : files) {
                results.add(pool.submit(() -> melodiesOf(f)));
            }
            for (int i = 0; i < files.size(); i++) {
                List<Melody> found = results.get(i).get();
                switch (PieceSplit.of(files.get(i))) {
                    case TRAIN -> train.addAll(found);
                    case VALID -> valid.addAll(found);
                    case TEST -> test.addAll(found);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        MelodyCorpus corpus = new MelodyCorpus(List.copyOf(train), List.copyOf(valid), List.copyOf(test));
        if (cache != null) {
            corpus.write(cache);
        }
        return corpus;
    }

    /** The melodies of one score file; a file that cannot be read gives none. */
    public static List<Melody> melodiesOf(Path file) {
        try {
            ScoreDocument doc = ScoreFiles.read(file);
            Score score = doc.score();
            return MelodyExtractor.extract(score, melodyPart(score), file.getFileName().toString());
        } catch (ScoreFileException | RuntimeException e) {
            return List.of();
        }
    }

    /** The first {@code count} pieces of a folder (sorted by path) in the held-out split whose melody can be read. */
    public static List<Path> heldOut(Path dir, int count) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path f : KantorData.scoreFiles(dir)) {
            if (PieceSplit.of(f) == PieceSplit.TEST && !melodiesOf(f).isEmpty()) {
                out.add(f);
                if (out.size() == count) {
                    break;
                }
            }
        }
        return out;
    }

    public List<Melody> split(PieceSplit split) {
        return switch (split) {
            case TRAIN -> train;
            case VALID -> valid;
            case TEST -> test;
        };
    }

    public static long steps(List<Melody> melodies) {
        long n = 0;
        for (Melody m : melodies) {
            n += m.steps();
        }
        return n;
    }

    void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            for (List<Melody> list : List.of(train, valid, test)) {
                out.writeInt(list.size());
                for (Melody m : list) {
                    out.writeUTF(m.source());
                    out.writeUTF(m.meter().toString());
                    out.writeInt(m.key().fifths());
                    out.writeUTF(m.key().mode().name());
                    out.writeInt(m.steps());
                    for (int i = 0; i < m.steps(); i++) {
                        out.writeByte(m.tokens()[i]);
                        out.writeShort(m.positions()[i]);
                    }
                }
            }
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    static MelodyCorpus read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file))))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException(file + ": not a melody corpus cache of this version; delete it");
            }
            List<List<Melody>> lists = new ArrayList<>();
            for (int l = 0; l < 3; l++) {
                int count = in.readInt();
                List<Melody> list = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String source = in.readUTF();
                    TimeSignature meter = TimeSignature.parse(in.readUTF());
                    KeySignature key = new KeySignature(in.readInt(), Mode.valueOf(in.readUTF()));
                    int steps = in.readInt();
                    int[] tokens = new int[steps];
                    int[] positions = new int[steps];
                    for (int s = 0; s < steps; s++) {
                        tokens[s] = in.readUnsignedByte();
                        positions[s] = in.readShort();
                    }
                    list.add(new Melody(tokens, positions, meter, key, source));
                }
                lists.add(List.copyOf(list));
            }
            return new MelodyCorpus(lists.get(0), lists.get(1), lists.get(2));
        }
    }
}
