package org.kantor.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Back-pressure and the time limit, without timing races: the work blocks on latches. */
class ToolExecutorTest {

    @Test
    void aFullPoolAnswers429AtOnce() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ToolExecutor executor = new ToolExecutor(1, 0, Duration.ofMinutes(1))) {
            Thread first = new Thread(() -> {
                try {
                    executor.run("first", () -> {
                        running.countDown();
                        return release.await(1, TimeUnit.MINUTES);
                    });
                } catch (Exception ignored) {
                    // the test checks the second request
                }
            });
            first.start();
            assertTrue(running.await(10, TimeUnit.SECONDS));
            ProblemException busy = assertThrows(ProblemException.class, () -> executor.run("second", () -> 1));
            assertEquals(429, busy.status());
            assertEquals("5", busy.headers().get("Retry-After"));
            release.countDown();
            first.join();
            assertEquals(2, executor.run("third", () -> 2));
        }
    }

    @Test
    void workOverTheTimeLimitIsStoppedWith503() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (ToolExecutor executor = new ToolExecutor(1, 1, Duration.ofMillis(200))) {
            ProblemException slow = assertThrows(ProblemException.class, () -> executor.run("Harmonizing", () -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return null;
            }));
            assertEquals(503, slow.status());
            assertTrue(slow.getMessage().startsWith("Harmonizing took longer than the server's limit"), slow.getMessage());
            assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the work was interrupted, freeing the worker");
        }
    }
}
