package org.kantor.musicxml;

import java.util.List;
import org.audiveris.proxymusic.BarStyle;
import org.audiveris.proxymusic.BarStyleColor;
import org.audiveris.proxymusic.Barline;
import org.audiveris.proxymusic.RightLeftMiddle;
import org.audiveris.proxymusic.ScorePartwise;

/** The thin-thick double bar that ends a piece, on the last measure of a part that Kantor writes from scratch. */
final class FinalBarline {

    private FinalBarline() {
    }

    /** Ends the part with a final barline, unless its last measure already closes with a barline of its own. */
    static void end(ScorePartwise.Part part) {
        List<ScorePartwise.Part.Measure> measures = part.getMeasure();
        if (measures.isEmpty() || rightBarline(measures.get(measures.size() - 1)) != null) {
            return;
        }
        Barline end = new Barline();
        end.setLocation(RightLeftMiddle.RIGHT);
        BarStyleColor style = new BarStyleColor();
        style.setValue(BarStyle.LIGHT_HEAVY);
        end.setBarStyle(style);
        measures.get(measures.size() - 1).getNoteOrBackupOrForward().add(end);
    }

    /** Whether the part's last measure ends with a final barline (a thin-thick double bar). */
    static boolean ends(ScorePartwise.Part part) {
        List<ScorePartwise.Part.Measure> measures = part.getMeasure();
        Barline b = measures.isEmpty() ? null : rightBarline(measures.get(measures.size() - 1));
        return b != null && b.getBarStyle() != null && b.getBarStyle().getValue() == BarStyle.LIGHT_HEAVY;
    }

    private static Barline rightBarline(ScorePartwise.Part.Measure m) {
        for (Object o : m.getNoteOrBackupOrForward()) {
            if (o instanceof Barline b && (b.getLocation() == null || b.getLocation() == RightLeftMiddle.RIGHT)) {
                return b;
            }
        }
        return null;
    }
}
