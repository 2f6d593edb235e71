package org.kantor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.kantor.core.Score;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.studio.ScoreSound;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kantor play}: a score rendered to a WAV file through the studio's synthesizer. */
@Command(name = "play", mixinStandardHelpOptions = true,
        header = "Render a score to a WAV file through the studio's synthesizer (General MIDI sounds).",
        description = {"Render a score to audio as Kantor Studio plays it: each part with its instrument, through the JDK's software",
            "synthesizer and the system's General MIDI SoundFont (or one you choose)."})
final class PlayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The score (.musicxml, .xml, .mxl, .mid).")
    Path input;

    @Option(names = "--wav", required = true, paramLabel = "OUT.wav", description = "Where to write the audio (16-bit stereo, 44.1 kHz).")
    Path wav;

    @Option(names = "--soundfont", paramLabel = "SF2", description = "A SoundFont (.sf2 or .dls) to play with instead of the system's.")
    Path soundFont;

    @Option(names = "--mute", split = ",", paramLabel = "PART", description = "Parts to leave out, by name or number from the top, e.g. --mute Alto,Tenor.")
    List<String> mute = List.of();

    @Option(names = "--overwrite", description = "Replace OUT.wav if it exists.")
    boolean overwrite;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        OutputNames.refuseToOverwrite(input, wav, overwrite);
        if (soundFont != null && !java.nio.file.Files.isReadable(soundFont)) {
            throw new Kantor.UserError(soundFont + ": no such SoundFont", Kantor.EXIT_BAD_INPUT);
        }
        Score score = ScoreFiles.read(input).score();
        Set<Integer> muted = new HashSet<>();
        for (String name : mute) {
            muted.add(partIndex(score, name));
        }
        try {
            ScoreSound.Rendered r = ScoreSound.toWav(score, muted, soundFont, wav);
            out.printf(Locale.ROOT, "%s -> %s (%.1f s; sounds: %s)%n", input, wav, r.seconds(), r.sounds());
        } catch (IOException e) {
            throw new Kantor.UserError(e.getMessage(), Kantor.EXIT_BAD_INPUT);
        }
        return Kantor.EXIT_OK;
    }

    private int partIndex(Score score, String wanted) {
        try {
            return org.kantor.harmonizer.PartChoice.find(score, wanted, input.getFileName().toString());
        } catch (org.kantor.musicxml.ScoreFileException e) {
            throw new Kantor.UserError("--mute " + wanted + ": " + e.problem(), Kantor.EXIT_USAGE);
        }
    }
}
