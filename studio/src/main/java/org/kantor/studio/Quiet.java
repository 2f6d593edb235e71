package org.kantor.studio;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JavaFX warns on every start that it was loaded from the class path rather than as modules; Kantor ships
 * as one jar on purpose, so the warning says nothing to a musician and is kept off the terminal.
 */
final class Quiet {

    /** Held: a logger nobody references can be collected, and its level forgotten. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private Quiet() {
    }

    static void javafxWarnings() {
        JAVAFX.setLevel(Level.SEVERE);
    }
}
