package org.kantor.models;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.function.Supplier;

/**
 * PyTorch's CPU build prints "Could not initialize NNPACK! Reason: Unsupported hardware." for every
 * small-batch convolution, straight to the process's standard error, and no switch reachable from DJL
 * turns it off. Inference runs with file descriptor 2 pointed at /dev/null, so users see Kantor's
 * messages and nothing else; Java's own System.err is not used meanwhile.
 */
public final class NativeStderr {

    private interface LibC extends Library {
        int dup(int fd);

        int dup2(int from, int to);

        int open(String path, int flags);

        int close(int fd);
    }

    private static final int STDERR = 2;
    private static final int O_WRONLY = 1;
    private static final LibC LIBC = load();
    private static final Object LOCK = new Object();
    private static int depth;
    private static int saved = -1;

    private NativeStderr() {
    }

    private static LibC load() {
        try {
            return Platform.isLinux() || Platform.isMac() ? Native.load("c", LibC.class) : null;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /** Work that may fail with an I/O error. */
    public interface IoWork<T> {
        T run() throws java.io.IOException;
    }

    /** Like {@link #silenced(Supplier)} for work that reads files. */
    public static <T> T silencedIo(IoWork<T> work) throws java.io.IOException {
        if (LIBC == null) {
            return work.run();
        }
        enter();
        try {
            return work.run();
        } finally {
            leave();
        }
    }

    /** Runs {@code work} with native standard error silenced; nests and works across threads. */
    public static <T> T silenced(Supplier<T> work) {
        if (LIBC == null) {
            return work.get();
        }
        enter();
        try {
            return work.get();
        } finally {
            leave();
        }
    }

    private static void enter() {
        synchronized (LOCK) {
            if (depth++ == 0) {
                System.err.flush();
                saved = LIBC.dup(STDERR);
                int devNull = LIBC.open("/dev/null", O_WRONLY);
                if (saved >= 0 && devNull >= 0) {
                    LIBC.dup2(devNull, STDERR);
                }
                if (devNull >= 0) {
                    LIBC.close(devNull);
                }
            }
        }
    }

    private static void leave() {
        synchronized (LOCK) {
            if (--depth == 0 && saved >= 0) {
                LIBC.dup2(saved, STDERR);
                LIBC.close(saved);
                saved = -1;
            }
        }
    }
}
