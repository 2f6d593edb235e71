package org.kantor.tools.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;

/**
 * A file given to a tool, under the name messages call it by (a path on the command line, a cleaned
 * upload name on the server): a file on disk, read by the tool as it needs, or bytes that came over the wire.
 */
public final class ToolFile {

    /** Work that needs the file on disk (audio decoders read files). */
    public interface PathWork<T> {
        T run(Path file) throws IOException, ScoreFileException;
    }

    private final String name;
    private final Path path;
    private final byte[] bytes;

    private ToolFile(String name, Path path, byte[] bytes) {
        this.name = name;
        this.path = path;
        this.bytes = bytes;
    }

    /** A file the user named; nothing is read yet. */
    public static ToolFile of(Path file) {
        return new ToolFile(file.toString(), file, null);
    }

    /** Bytes sent by a client. */
    public static ToolFile of(String name, byte[] bytes) {
        return new ToolFile(name, null, bytes);
    }

    public String name() {
        return name;
    }

    /** The file's name without folders and extension, e.g. a title for a transcription. */
    public String baseName() {
        String base = path != null && path.getFileName() != null ? path.getFileName().toString() : name;
        return base.replaceFirst("\\.[^.]*$", "");
    }

    /** The file as a score: MusicXML, .mxl, or MIDI notated on the way in. */
    public ScoreDocument score() throws ScoreFileException {
        return path != null ? ScoreFiles.read(path) : ScoreFiles.read(bytes, name);
    }

    /**
     * Runs {@code work} on the file on disk: the user's own file, or the bytes sent written to a private
     * temporary file (keeping the extension, which tells decoders the format) that is removed afterwards.
     */
    public <T> T onDisk(PathWork<T> work) throws IOException, ScoreFileException {
        if (path != null) {
            return work.run(path);
        }
        String extension = name.matches(".*\\.[A-Za-z0-9]{1,5}$") ? name.substring(name.lastIndexOf('.')) : "";
        Path temp = Files.createTempFile("kantor-upload-", extension,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temp, bytes);
            return work.run(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
