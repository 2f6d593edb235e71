package org.kantor.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.kantor.batch.TestCorpus.CHORALES;
import static org.kantor.batch.TestCorpus.SONGS;
import static org.kantor.batch.TestCorpus.batch;
import static org.kantor.batch.TestCorpus.csv;
import static org.kantor.batch.TestCorpus.modified;
import static org.kantor.batch.TestCorpus.submit;
import static org.kantor.batch.TestCorpus.subset;
import static org.kantor.batch.TestCorpus.withoutTimings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.kantor.batch.TestCorpus.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar (kantor-batch.jar) under spark-submit with two local cores, as a cluster would run it: after
 * {@code mvn package}, by failsafe ({@code mvn verify}).
 */
class BatchSubmitIT {

    @TempDir
    static Path dir;
    static Path inputs;

    @BeforeAll
    static void corpus() throws IOException {
        TestCorpus.make(dir);
        inputs = TestCorpus.inputs;
    }

    @Test
    void aJobKilledHalfwayResumesToTheSameTableWithoutRedoingFinishedFiles() throws Exception {
        Path jar = Path.of("target", "kantor-batch.jar");
        assumeTrue(Files.isRegularFile(jar), "the batch jar is built before the tests (process-test-classes)");
        Path clean = dir.resolve("clean");
        assertEquals(1, batch("batch", "convert", inputs.toString(), "--out", clean.toString()).status());

        // the same job, started as spark-submit would, killed when about half of its files are done
        Path killed = dir.resolve("killed");
        Process job = new ProcessBuilder(submit(jar, "local[2]", "batch", "convert", inputs.toString(), "--out", killed.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        int total = TestCorpus.total();
        RowStore rows = new RowStore(killed);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (rows.total() < total / 2 && job.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        job.destroyForcibly().waitFor();
        int done = rows.total();
        assertTrue(done > 0 && done < total, "killed halfway: " + done + " of " + total + " rows, log: "
                + Files.readString(dir.resolve("killed.log")));
        assertFalse(Files.exists(killed.resolve(ResultsTable.CSV)), "no table from a killed job");
        Map<Path, FileTime> finished = modified(killed.resolve("rows"));
        Map<Path, FileTime> outputsBefore = modified(killed.resolve("outputs"));

        Run resumed = batch("batch", "convert", inputs.toString(), "--out", killed.toString());
        assertEquals(1, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("(" + done + " done by an earlier run)"), resumed.out());
        assertEquals(finished, subset(modified(killed.resolve("rows")), finished), "finished rows are not redone");
        assertEquals(outputsBefore, subset(modified(killed.resolve("outputs")), outputsBefore), "finished outputs are not rewritten");
        assertEquals(withoutTimings(csv(clean.resolve(ResultsTable.CSV))), withoutTimings(csv(killed.resolve(ResultsTable.CSV))));
        assertEquals(Files.readAllLines(clean.resolve(ResultsTable.CSV)).size(), Files.readAllLines(killed.resolve(ResultsTable.CSV)).size());
    }

    @Test
    void theSameJarRunsUnderSparkSubmitOnTwoLocalCores() throws Exception {
        Path jar = Path.of("target", "kantor-batch.jar");
        assumeTrue(Files.isRegularFile(jar), "the batch jar is built before the tests (process-test-classes)");
        Path out = dir.resolve("submitted");
        Process job = new ProcessBuilder(submit(jar, "local[2]", "batch", "stats", inputs.resolve("songs").toString(), "--out", out.toString()))
                .redirectErrorStream(true).start();
        String log = new String(job.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(job.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, job.exitValue(), log);
        Map<String, Map<String, String>> table = csv(out.resolve(ResultsTable.CSV));
        assertEquals(SONGS, table.size(), log);
        for (Map<String, String> row : table.values()) {
            assertEquals("ok", row.get("status"));
            assertFalse(row.get("meters").isEmpty(), "a song has a meter");
            assertTrue(Integer.parseInt(row.get("notes")) > 0);
        }
        assertTrue(log.contains(SONGS + " files: " + SONGS + " ok"), log);
    }

}
