package org.kantor.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The secret every request to the server must carry: 32 random bytes, created at first start in a
 * file only the user can read (0600), and read back on later starts and by {@code kantor plugin install}.
 */
public final class TokenFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private TokenFile() {
    }

    /** {@code $XDG_CONFIG_HOME/kantor/token}, or {@code ~/.config/kantor/token}. */
    public static Path defaultLocation() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("kantor").resolve("token");
    }

    /** The token in {@code file}, created there first if the file does not exist. */
    public static String loadOrCreate(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (!Files.exists(absolute)) {
            Path folder = absolute.getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            try {
                // created with owner-only permissions from the start: no moment where others could read it
                Files.createFile(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(absolute, token + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
                return token;
            } catch (FileAlreadyExistsException raced) {
                // another process created it meanwhile: use theirs
            }
        }
        String token = Files.readString(absolute, StandardCharsets.US_ASCII).trim();
        if (token.length() < 16 || !token.matches("[A-Za-z0-9_\\-]+")) {
            throw new IOException(absolute + " does not hold a Kantor token (delete it and a new one is made at the next start)");
        }
        if (!Files.getPosixFilePermissions(absolute).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(absolute, OWNER_ONLY);
        }
        return token;
    }
}
