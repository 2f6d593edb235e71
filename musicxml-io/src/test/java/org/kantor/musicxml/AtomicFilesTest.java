package org.kantor.musicxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files Kantor writes: whole or not at all, readable as the user's other files are, a replaced file's mode kept. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileHasThePermissionsTheUmaskGives() throws IOException {
        Path plain = Files.createFile(dir.resolve("made-by-any-program"));
        Path written = dir.resolve("score.musicxml");
        AtomicFiles.write(written, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(written));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written),
                "not readable by its owner only, as a temporary file would be");
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    @Test
    void aReplacedFileKeepsItsMode() throws IOException {
        Path shared = dir.resolve("shared.mid");
        Files.write(shared, new byte[] {0});
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.write(shared, new byte[] {7, 7});
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
        assertArrayEquals(new byte[] {7, 7}, Files.readAllBytes(shared));
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamedWithTheReason() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(locked.resolve("out.musicxml"), new byte[] {1}));
        assertTrue(e.getMessage().contains(locked.toString()) && e.getMessage().contains("permission denied"), e.getMessage());
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aFolderThatTakesNoFilesIsNamedWithAReasonNotTheTemporaryFile() {
        // /proc refuses new files to everyone, root included
        assumeTrue(Files.isDirectory(Path.of("/proc")), "a Linux /proc");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(Path.of("/proc/kantor-out.musicxml"), new byte[] {1}));
        assertTrue(e.getMessage().startsWith("the folder /proc cannot be written ("), e.getMessage());
        assertTrue(!e.getMessage().contains(".part"), "the hidden temporary file is not named: " + e.getMessage());
    }
}
