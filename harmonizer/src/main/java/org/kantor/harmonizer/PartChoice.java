package org.kantor.harmonizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kantor.core.Part;
import org.kantor.core.Score;
import org.kantor.musicxml.ScoreFileException;

/** Finds the part a musician names: by its name as printed ("Voice", "Singstimme"), its id, or its number from the top (1, 2 ...). */
public final class PartChoice {

    private PartChoice() {
    }

    /** The part's index (from 0); a name nobody has is refused with the names there are. */
    public static int find(Score score, String wanted, String file) throws ScoreFileException {
        String w = wanted.trim().toLowerCase(Locale.ROOT);
        List<Part> parts = score.parts();
        if (w.matches("(part )?\\d+")) {
            int n = Integer.parseInt(w.replace("part ", ""));
            if (n >= 1 && n <= parts.size()) {
                return n - 1;
            }
        }
        for (int exact = 1; exact >= 0; exact--) {
            for (int p = 0; p < parts.size(); p++) {
                String name = parts.get(p).name() == null ? "" : parts.get(p).name().trim().toLowerCase(Locale.ROOT);
                boolean matches = exact == 1 ? name.equals(w) || w.equalsIgnoreCase(parts.get(p).id()) : !w.isEmpty() && name.startsWith(w);
                if (matches) {
                    return p;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            names.add((p + 1) + " \"" + (parts.get(p).name() == null ? "" : parts.get(p).name()) + "\"");
        }
        throw new ScoreFileException(file, "no part is called \"" + wanted + "\"; the parts are " + String.join(", ", names));
    }
}
