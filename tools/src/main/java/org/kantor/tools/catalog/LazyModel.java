package org.kantor.tools.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * A model loaded from Kantor's jar on first use (seconds) and then shared by every run: a command
 * loads only the model it needs, and a server pays for each model once.
 */
public final class LazyModel<T> implements Supplier<T>, AutoCloseable {

    /** Loads the model. */
    public interface Loader<T> {
        T load() throws IOException;
    }

    private final String name;
    private final Loader<T> loader;
    private T model;

    /** @param name what the model is called in an error message, e.g. "harmony" */
    public LazyModel(String name, Loader<T> loader) {
        this.name = name;
        this.loader = loader;
    }

    @Override
    public synchronized T get() {
        if (model == null) {
            try {
                model = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException("the " + name + " model inside Kantor's jar cannot be loaded", e);
            }
        }
        return model;
    }

    /** Whether the model has been loaded. */
    public synchronized boolean loaded() {
        return model != null;
    }

    @Override
    public synchronized void close() {
        if (model instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // the native memory goes with the process anyway
            }
        }
        model = null;
    }
}
