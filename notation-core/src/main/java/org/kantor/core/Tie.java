package org.kantor.core;

/** Where a note stands in a chain of tied notes. */
public enum Tie {
    NONE, START, STOP, CONTINUE;

    public boolean startsTie() {
        return this == START || this == CONTINUE;
    }

    public boolean stopsTie() {
        return this == STOP || this == CONTINUE;
    }

    public static Tie of(boolean stops, boolean starts) {
        if (stops && starts) {
            return CONTINUE;
        }
        return stops ? STOP : starts ? START : NONE;
    }
}
