package org.kantor.studio;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The details behind the studio's error dialogs: the dialog says what a musician can act on, the log keeps
 * the rest (the cause and where it came from) for whoever looks into it. One file, appended to, in the
 * user's Kantor folder ({@code ~/.kantor/studio.log}, or where {@code kantor.studio.log} points).
 */
final class StudioLog {

    private StudioLog() {
    }

    static Path file() {
        String chosen = System.getProperty("kantor.studio.log");
        return chosen != null ? Path.of(chosen) : Path.of(System.getProperty("user.home"), ".kantor", "studio.log");
    }

    /** Appends a dated entry; a log that cannot be written is passed over (the dialog has already said what happened). */
    static void write(String title, String message, Throwable cause) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "  " + title + ": " + message);
        if (cause != null) {
            cause.printStackTrace(out);
        }
        out.flush();
        try {
            Path log = file();
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | SecurityException e) {
            // nowhere to keep the details: the status line and the dialog still tell the musician
        }
    }
}
