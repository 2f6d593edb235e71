package org.kantor.models;

import ai.djl.engine.Engine;

/**
 * Starts DJL's PyTorch engine the way Kantor needs it: offline. DJL contacts a metadata address at
 * start-up unless told not to; these properties are set before the engine loads, in code, so that no
 * user has to remember an environment variable.
 */
public final class DjlEngine {

    private static volatile Engine engine;

    private DjlEngine() {
    }

    public static Engine get() {
        Engine e = engine;
        if (e == null) {
            synchronized (DjlEngine.class) {
                e = engine;
                if (e == null) {
                    System.setProperty("OPT_OUT_TRACKING", "true");
                    System.setProperty("DJL_OFFLINE", "true");
                    System.setProperty("ai.djl.offline", "true");
                    e = Engine.getEngine("PyTorch");
                    engine = e;
                }
            }
        }
        return e;
    }
}
