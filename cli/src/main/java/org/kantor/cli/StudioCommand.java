package org.kantor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kantor.studio.Studio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kantor studio}: the desktop app, or a screenshot of it made offscreen. */
@Command(name = "studio", mixinStandardHelpOptions = true,
        header = "Open Kantor Studio: the score engraved, every tool beside it, undo and redo.",
        description = {"Open Kantor Studio with the scores given (the first one shown).",
            "With --screenshot, the window opens offscreen on FILE, and once the score is engraved a picture of it is saved and the"
                    + " command ends (no display needed)."})
final class StudioCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Scores to open (.musicxml, .xml, .mxl, .mid).")
    List<Path> files = List.of();

    @Option(names = "--screenshot", paramLabel = "PNG", description = "Save a picture of the window with FILE engraved, and exit.")
    Path screenshot;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new Kantor.UserError(f + ": no such file", Kantor.EXIT_BAD_INPUT);
            }
        }
        if (screenshot != null) {
            if (files.size() != 1) {
                throw new Kantor.UserError("--screenshot takes one score to show (got " + files.size() + ")", Kantor.EXIT_USAGE);
            }
            long painted;
            try {
                painted = Studio.screenshot(files.get(0), screenshot);
            } catch (IllegalArgumentException e) {
                throw new Kantor.UserError(e.getMessage(), Kantor.EXIT_BAD_INPUT);
            }
            out.printf(java.util.Locale.ROOT, "%s -> %s (the page was on screen by %.1f s after Java started)%n", files.get(0), screenshot, painted / 1000.0);
            return Kantor.EXIT_OK;
        }
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new Kantor.UserError("no display to open the studio on (DISPLAY is not set); on a desktop run kantor studio again, or"
                    + " save a picture with: kantor studio FILE --screenshot OUT.png", Kantor.EXIT_USAGE);
        }
        Studio.run(files);
        return Kantor.EXIT_OK;
    }
}
