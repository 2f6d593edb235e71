package org.kantor.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that engraved a score in a WebView exits with status 0, as {@code kantor studio --screenshot} does: JavaFX and
 * its WebKit are stopped before the JVM goes (a build machine once ran every test green and then aborted on exit).
 */
class CleanExitTest {

    /** What the child process runs: one screenshot, then the exit the command line makes. */
    public static void main(String[] args) throws Exception {
        Studio.screenshot(Path.of(args[0]), Path.of(args[1]));
        System.exit(0);
    }

    @Test
    void engravingAndExitingLeavesAZeroExitStatus(@TempDir Path dir) throws Exception {
        for (int run = 0; run < 2; run++) {
            Path png = dir.resolve("window" + run + ".png");
            Path log = dir.resolve("child" + run + ".log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CleanExitTest.class.getName(),
                    "../examples/chorale.musicxml", png.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the process ends");
            assertEquals(0, child.exitValue(), "exit status of run " + run + ": " + Files.readString(log));
            assertTrue(Files.size(png) > 10_000, "the window was painted");
        }
    }
}
