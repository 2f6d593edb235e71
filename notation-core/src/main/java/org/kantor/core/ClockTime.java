package org.kantor.core;

import java.util.Locale;

/** Seconds as a clock shows them: 3:07, or 1:02:05 past an hour. */
public final class ClockTime {

    private ClockTime() {
    }

    public static String of(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
