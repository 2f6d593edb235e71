package org.kantor.musicxml;

import java.util.List;
import org.audiveris.proxymusic.Attributes;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.Time;

/**
 * A new part shows its meters as the score's top part does: where the score writes 4/4 as C (or 2/2 as
 * cut time), so do the voices or the drum staff a tool adds. The score model keeps the meter, not how it
 * is written.
 */
final class MeterSymbols {

    private MeterSymbols() {
    }

    static void follow(ScorePartwise.Part host, ScorePartwise.Part added) {
        List<ScorePartwise.Part.Measure> from = host.getMeasure();
        List<ScorePartwise.Part.Measure> to = added.getMeasure();
        for (int i = 0; i < Math.min(from.size(), to.size()); i++) {
            Time written = firstTime(from.get(i));
            Time mine = firstTime(to.get(i));
            if (written != null && mine != null && written.getSymbol() != null) {
                mine.setSymbol(written.getSymbol());
            }
        }
    }

    private static Time firstTime(ScorePartwise.Part.Measure m) {
        for (Object o : m.getNoteOrBackupOrForward()) {
            if (o instanceof Attributes a && !a.getTime().isEmpty()) {
                return a.getTime().get(0);
            }
        }
        return null;
    }
}
