package org.kantor.tools.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A model loaded from Kantor's jar on first use (seconds) and then shared by every run: a command
 * loads only the model it needs, and a server pays for each model once. {@link #startLoading()} loads
 * it on another core while the caller reads its score, which a one-off command gains most from.
 */
public final class LazyModel<T> implements Supplier<T>, AutoCloseable {

    /** Loads the model. */
    public interface Loader<T> {
        T load() throws IOException;
    }

    private final String name;
    private final Loader<T> loader;
    private CompletableFuture<T> loading;
    private boolean closed;

    /** @param name what the model is called in an error message, e.g. "harmony" */
    public LazyModel(String name, Loader<T> loader) {
        this.name = name;
        this.loader = loader;
    }

    /** Starts loading the model on a background thread, unless it is loaded or loading already. */
    public synchronized LazyModel<T> startLoading() {
        if (loading == null) {
            loading = new CompletableFuture<>();
            CompletableFuture<T> target = loading;
            Thread t = new Thread(() -> complete(target), "kantor-load-" + name.replace(' ', '-'));
            t.setDaemon(true);
            t.start();
        }
        return this;
    }

    private void complete(CompletableFuture<T> target) {
        try {
            target.complete(loader.load());
        } catch (IOException e) {
            target.completeExceptionally(new UncheckedIOException("the " + name + " model inside Kantor's jar cannot be loaded", e));
        } catch (RuntimeException | Error e) {
            target.completeExceptionally(e);
        }
    }

    @Override
    public T get() {
        CompletableFuture<T> target;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the " + name + " model was released");
            }
            if (loading == null) {
                loading = new CompletableFuture<>();
                complete(loading);
            }
            target = loading;
        }
        try {
            return target.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Whether the model has been loaded. */
    public synchronized boolean loaded() {
        return loading != null && loading.isDone() && !loading.isCompletedExceptionally();
    }

    /** Releases the model's native memory; one still loading is released when it arrives. */
    @Override
    public synchronized void close() {
        closed = true;
        if (loading != null) {
            loading.thenAccept(LazyModel::release);
            loading = null;
        }
    }

    private static void release(Object model) {
        if (model instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // the native memory goes with the process anyway
            }
        }
    }
}
