package org.kantor.batch;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.kantor.musicxml.AtomicFiles;

/**
 * The results of finished files, one small file each under {@code rows/}, written the moment a file is done: a killed job
 * keeps what it finished, and a rerun finds an input's row by its path and content. The status is in the file name, so
 * that progress is counted without reading them.
 */
public final class RowStore {

    private static final Gson GSON = new Gson();
    private static final List<String> STATUSES = List.of(ResultRow.OK, ResultRow.FAILED, ResultRow.SKIPPED);

    private final Path folder;

    public RowStore(Path outFolder) {
        this.folder = outFolder.resolve("rows");
    }

    /** SHA-256 of a file's content, in hex, read in blocks. */
    public static String contentHash(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (var in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The row an earlier run wrote for this file with this content, or null. */
    public ResultRow find(String path, String hash) throws IOException {
        String key = key(path, hash);
        for (String status : STATUSES) {
            Path file = folder.resolve(key + "." + status + ".json");
            if (Files.isRegularFile(file)) {
                return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), ResultRow.class);
            }
        }
        return null;
    }

    public void save(ResultRow row) throws IOException {
        Files.createDirectories(folder);
        String key = key(row.path(), row.hash());
        for (String status : STATUSES) {
            if (!status.equals(row.status())) {
                Files.deleteIfExists(folder.resolve(key + "." + status + ".json"));
            }
        }
        AtomicFiles.write(folder.resolve(key + "." + row.status() + ".json"), GSON.toJson(row).getBytes(StandardCharsets.UTF_8));
    }

    /** Rows written so far, by status: {ok, failed, skipped}. */
    public int[] counts() {
        int[] counts = new int[STATUSES.size()];
        if (!Files.isDirectory(folder)) {
            return counts;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> {
                String name = f.getFileName().toString();
                for (int i = 0; i < STATUSES.size(); i++) {
                    if (name.endsWith("." + STATUSES.get(i) + ".json")) {
                        counts[i]++;
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    /** Rows written so far, of every status. */
    public int total() {
        int total = 0;
        for (int c : counts()) {
            total += c;
        }
        return total;
    }

    /** Forgets the failed rows, so that a rerun tries those files again. */
    public int forgetFailures() throws IOException {
        List<Path> failed = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith("." + ResultRow.FAILED + ".json")).forEach(failed::add);
            }
        }
        for (Path f : failed) {
            Files.delete(f);
        }
        return failed.size();
    }

    private static String key(String path, String hash) {
        return HexFormat.of().formatHex(sha256().digest((path + "\n" + hash).getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
