package org.kantor.bridge.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.kantor.models.drums.DrumModel;
import org.kantor.models.drums.DrumTask;

/** One drum model, loaded from the jar on first use and shared by every request (it holds only weights). */
public final class SharedDrumModel implements Supplier<DrumModel> {

    private final DrumTask task;
    private DrumModel model;

    public SharedDrumModel(DrumTask task) {
        this.task = task;
    }

    @Override
    public synchronized DrumModel get() {
        if (model == null) {
            try {
                model = DrumModel.load(task);
            } catch (IOException e) {
                throw new UncheckedIOException("the " + task.resourceName() + " model inside Kantor's jar cannot be loaded", e);
            }
        }
        return model;
    }
}
