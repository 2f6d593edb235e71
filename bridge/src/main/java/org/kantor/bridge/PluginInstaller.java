package org.kantor.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the MuseScore plugin shipped in this jar into a MuseScore plugin folder, in a subfolder
 * {@code kantor}, with the server's port and token (and, for tests, a file to save results to) filled in.
 */
public final class PluginInstaller {

    private static final String ROOT = "/org/kantor/bridge/plugins/";
    private static final List<String> COMMON = List.of("common/kantor.js");
    private static final List<String> MUSESCORE3 = List.of("musescore3/kantor-harmonize.qml", "musescore3/kantor-check.qml",
            "musescore3/kantor-continue.qml", "musescore3/kantor-generate.qml", "musescore3/kantor-interpolate.qml",
            "musescore3/kantor-transcribe.qml", "musescore3/kantor-drumify.qml", "musescore3/kantor-groove.qml");
    private static final List<String> MUSESCORE4 = List.of("musescore4/kantor-harmonize.qml", "musescore4/kantor-check.qml",
            "musescore4/kantor-continue.qml", "musescore4/kantor-generate.qml", "musescore4/kantor-interpolate.qml",
            "musescore4/kantor-notes.js");

    private PluginInstaller() {
    }

    /** MuseScore's default plugin folder on this system for major version 3 or 4. */
    public static Path defaultFolder(int musescore) {
        Path documents = Path.of(System.getProperty("user.home"), "Documents");
        return documents.resolve("MuseScore" + musescore).resolve("Plugins");
    }

    /**
     * Installs the plugin and returns the files written.
     * @param testOutput empty for normal use; otherwise the plugin saves what it opened there and quits
     */
    public static List<Path> install(int musescore, Path pluginFolder, int port, String token, Path tokenFile, String testOutput)
            throws IOException {
        if (musescore != 3 && musescore != 4) {
            throw new IllegalArgumentException("MuseScore 3 or 4, not " + musescore);
        }
        Path target = pluginFolder.resolve("kantor");
        Files.createDirectories(target);
        List<String> files = new ArrayList<>(COMMON);
        files.addAll(musescore == 3 ? MUSESCORE3 : MUSESCORE4);
        List<Path> written = new ArrayList<>();
        for (String resource : files) {
            String text;
            try (InputStream in = PluginInstaller.class.getResourceAsStream(ROOT + resource)) {
                if (in == null) {
                    throw new IOException("the plugin file " + resource + " is missing from Kantor's jar");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            text = text.replace("@PORT@", Integer.toString(port))
                    .replace("@TOKEN@", token)
                    .replace("@TOKEN_FILE@", jsString(tokenFile.toAbsolutePath().toString()))
                    .replace("@TEST_OUTPUT@", jsString(testOutput));
            Path file = target.resolve(resource.substring(resource.indexOf('/') + 1));
            Path temporary = Files.createTempFile(target, ".kantor-", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            // the files hold the token: only the user may read them
            Files.setPosixFilePermissions(temporary, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(file);
        }
        return written;
    }

    /** Escapes a value for a double-quoted JavaScript string. */
    private static String jsString(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
