package org.kantor.models.transcription.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders MIDI to a WAV file with the FluidSynth program and the General MIDI sound font
 * (Debian packages fluidsynth and fluid-soundfont-gm). Used by the evaluation only.
 */
public final class FluidSynth {

    public static final Path SOUND_FONT = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");

    private FluidSynth() {
    }

    /** Null when FluidSynth can be used, else what is missing and how to install it. */
    public static String missing() {
        if (!Files.isReadable(SOUND_FONT)) {
            return "the General MIDI sound font " + SOUND_FONT + " is missing (apt-get install fluid-soundfont-gm)";
        }
        try {
            Process p = new ProcessBuilder("fluidsynth", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "fluidsynth does not run";
        } catch (IOException e) {
            return "fluidsynth is not installed (apt-get install fluidsynth)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Renders {@code midi} to a stereo WAV at {@code sampleRate}. */
    public static void render(Path midi, Path wav, int sampleRate) throws IOException {
        List<String> command = List.of("fluidsynth", "-ni", "-q", "-g", "0.6", "-r", Integer.toString(sampleRate),
                "-F", wav.toString(), "-T", "wav", SOUND_FONT.toString(), midi.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(wav)) {
                p.destroyForcibly();
                throw new IOException("fluidsynth failed on " + midi + ": " + new String(output).trim());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering " + midi, e);
        }
    }
}
