package org.kantor.cli;

import java.io.PrintWriter;

/** The --seed of the commands that sample: the one given, or a new one that is printed so that the result can be had again. */
final class Seeds {

    private Seeds() {
    }

    static long chosen(Long given) {
        return given != null ? given : System.nanoTime() & 0xFFFFFF;
    }

    static void tellHowToRepeat(PrintWriter out, Long given, long used) {
        if (given == null) {
            out.println("(seed " + used + "; pass --seed " + used + " to get the same result again)");
        }
    }
}
