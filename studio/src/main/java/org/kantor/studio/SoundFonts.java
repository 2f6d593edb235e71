package org.kantor.studio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a system keeps its General MIDI SoundFont (Debian's packages); the smaller one first, as it loads faster. */
final class SoundFonts {

    static final List<Path> KNOWN = List.of(Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2"), Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2"),
            Path.of("/usr/share/sounds/sf2/default-GM.sf2"), Path.of("/usr/share/soundfonts/default.sf2"));

    private SoundFonts() {
    }

    /** The first SF2 file found, or null. */
    static Path system() {
        for (Path p : KNOWN) {
            if (Files.isReadable(p) && p.toString().endsWith(".sf2")) {
                return p;
            }
        }
        return null;
    }
}
