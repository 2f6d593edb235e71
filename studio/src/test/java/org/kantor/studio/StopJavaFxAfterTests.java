package org.kantor.studio;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** After the last test, JavaFX is stopped before the test process exits, as the command line does (see {@link FxPlatform}). */
public class StopJavaFxAfterTests implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        FxPlatform.exitAndWait();
        if (FxPlatform.running()) {
            System.err.println("[kantor] JavaFX's thread still runs after Platform.exit: the test process may not exit cleanly");
        }
    }
}
