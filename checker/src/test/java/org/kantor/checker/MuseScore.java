package org.kantor.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.kantor.core.Score;
import org.kantor.musicxml.MusicXmlReader;

/**
 * Opens a score in the real MuseScore 3, headless: it must render a PDF and, exported back to
 * MusicXML, hold every part with every note. Required on CI (which installs it); skipped elsewhere
 * when MuseScore is not installed.
 */
public final class MuseScore {

    private MuseScore() {
    }

    /** @return the score as MuseScore exports it back to MusicXML */
    public static Score assertReadsEveryVoice(Path score, Score expected) throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/mscore3"));
        if (System.getenv("CI") != null) {
            assertTrue(installed, "CI must install MuseScore 3 (.ci/run does)");
        }
        assumeTrue(installed, "MuseScore 3 is not installed");
        Path dir = Files.createTempDirectory("kantor-mscore");
        Path runtime = Files.createDirectories(dir.resolve("runtime"));
        runtime.toFile().setReadable(true, true);
        Path pdf = dir.resolve("out.pdf");
        Path back = dir.resolve("back.musicxml");
        run(dir, runtime, "-o", pdf.toString(), score.toString());
        assertTrue(Files.size(pdf) > 1000, "MuseScore rendered a PDF of " + score.getFileName());
        run(dir, runtime, "-o", back.toString(), score.toString());
        Score read = MusicXmlReader.read(back).score();
        assertEquals(expected.parts().size(), read.parts().size(), "parts MuseScore read");
        for (int p = 0; p < expected.parts().size(); p++) {
            assertEquals(expected.parts().get(p).notes().size(), read.parts().get(p).notes().size(),
                    "notes MuseScore read in part " + expected.parts().get(p).name());
        }
        return read;
    }

    private static void run(Path dir, Path runtime, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "mscore3";
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mscore.log").toFile());
        pb.environment().put("QT_QPA_PLATFORM", "offscreen");
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "MuseScore finished within two minutes");
        assertEquals(0, p.exitValue(), "mscore3 " + String.join(" ", args) + ":\n" + Files.readString(dir.resolve("mscore.log")));
    }
}
