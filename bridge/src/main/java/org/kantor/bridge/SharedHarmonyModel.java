package org.kantor.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.kantor.models.harmony.HarmonyModel;

/** The harmony model, loaded once on first use (a few seconds) and shared by every request. */
public final class SharedHarmonyModel implements Supplier<HarmonyModel>, AutoCloseable {

    private HarmonyModel model;

    @Override
    public synchronized HarmonyModel get() {
        if (model == null) {
            try {
                model = HarmonyModel.load();
            } catch (IOException e) {
                throw new UncheckedIOException("the harmony model inside Kantor's jar cannot be loaded", e);
            }
        }
        return model;
    }

    @Override
    public synchronized void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
