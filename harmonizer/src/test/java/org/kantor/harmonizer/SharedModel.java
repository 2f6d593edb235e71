package org.kantor.harmonizer;

import org.kantor.models.harmony.HarmonyModel;

/** The shipped harmony model, loaded once for all the tests of this module (loading takes seconds). */
final class SharedModel {

    private static HarmonyModel model;

    private SharedModel() {
    }

    static synchronized HarmonyModel get() throws Exception {
        if (model == null) {
            model = HarmonyModel.load();
            Runtime.getRuntime().addShutdownHook(new Thread(model::close));
        }
        return model;
    }
}
