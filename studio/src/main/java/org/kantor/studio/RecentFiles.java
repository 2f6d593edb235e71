package org.kantor.studio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kantor.musicxml.AtomicFiles;

/**
 * The scores opened last, newest first, kept between sessions in one text file (a path per line) in the user's Kantor
 * folder ({@code ~/.kantor/recent-files}, or where {@code kantor.studio.recent} points). Files gone since are left out.
 */
final class RecentFiles {

    static final int KEPT = 10;

    private final Path store;

    RecentFiles(Path store) {
        this.store = store;
    }

    static RecentFiles ofUser() {
        String chosen = System.getProperty("kantor.studio.recent");
        return new RecentFiles(chosen != null ? Path.of(chosen) : Path.of(System.getProperty("user.home"), ".kantor", "recent-files"));
    }

    /** The files, newest first, that still exist. */
    List<Path> list() {
        List<Path> files = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    Path p = Path.of(line.trim());
                    if (Files.isRegularFile(p) && !files.contains(p)) {
                        files.add(p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no list yet, or one that cannot be read: start a new one
        }
        return files;
    }

    /** Puts {@code file} first; a list that cannot be written is passed over (the score is open either way). */
    void add(Path file) {
        List<Path> files = list();
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.add(0, absolute);
        StringBuilder text = new StringBuilder();
        files.stream().limit(KEPT).forEach(p -> text.append(p).append('\n'));
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            AtomicFiles.write(store, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // a read-only home: the list is simply not kept
        }
    }
}
