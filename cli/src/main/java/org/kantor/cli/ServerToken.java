package org.kantor.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.kantor.bridge.TokenFile;

/** The server's token for {@code kantor serve} and {@code kantor plugin install}: the same file, made on first use. */
final class ServerToken {

    private ServerToken() {
    }

    /** The file given with --token-file, or the default location. */
    static Path file(Path option) {
        return option != null ? option : TokenFile.defaultLocation();
    }

    static String read(Path file) {
        try {
            return TokenFile.loadOrCreate(file);
        } catch (IOException e) {
            throw new Kantor.UserError("cannot read or create the token file " + file + ": " + e.getMessage(), Kantor.EXIT_BAD_INPUT);
        }
    }
}
