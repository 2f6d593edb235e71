package org.kantor.studio;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the four voices of a four-part score stand: one to a staff on four staves, or two to a staff on two (soprano and
 * alto above, tenor and bass below). Voices count from 0 (soprano) to 3 (bass), staves from 0 at the top.
 */
final class FourPartStaves {

    private FourPartStaves() {
    }

    /** The staff a voice is written on. */
    static int staffOf(int voice, int staffCount) {
        return staffCount >= 4 ? voice : voice / 2;
    }

    /**
     * The voices on staves {@code staves[0]..staves[1]} by the checker's names, comma-separated (as the harmonizer's
     * {@code voices} takes them); null when no staves were chosen or the score is laid out otherwise.
     */
    static String voicesOn(int[] staves, int staffCount) {
        if (staves == null || (staffCount != 4 && staffCount != 2)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int voice = 0; voice < CheckFindings.VOICES.size(); voice++) {
            int staff = staffOf(voice, staffCount);
            if (staff >= staves[0] && staff <= staves[1]) {
                names.add(CheckFindings.VOICES.get(voice));
            }
        }
        return names.isEmpty() ? null : String.join(",", names);
    }
}
