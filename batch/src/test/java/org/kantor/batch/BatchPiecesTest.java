package org.kantor.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kantor.tools.catalog.ToolInput;

/** The driver's pieces without Spark: finding inputs, naming outputs, the CSV, failure causes, spreading the work. */
class BatchPiecesTest {

    @Test
    void foldersGlobsAndListFilesGiveEachFileOnceWithAnOutputNameOfItsOwn(@TempDir Path dir) throws IOException {
        Path a = Files.createDirectories(dir.resolve("a/sub"));
        Path b = Files.createDirectories(dir.resolve("b"));
        for (Path f : List.of(a.resolve("x.musicxml"), a.resolve("y.mxl"), a.resolve("notes.txt"), b.resolve("x.musicxml"),
                b.resolve("z.mid"), dir.resolve("a/.hidden.musicxml"))) {
            Files.writeString(f, "");
        }
        Path out = Files.createDirectories(dir.resolve("a/out"));
        Files.writeString(out.resolve("old.musicxml"), "");
        Files.writeString(dir.resolve("list.txt"), "# the second folder\nb/x.musicxml\n\nb/z.mid\n");
        InputFinder finder = new InputFinder(ToolInput.SCORE, out);
        List<BatchInput> found = finder.find(List.of(dir.resolve("a").toString(), "@" + dir.resolve("list.txt"),
                dir.resolve("a") + "/**/*.musicxml"));
        assertEquals(List.of(a.resolve("x.musicxml").toString(), a.resolve("y.mxl").toString(), b.resolve("x.musicxml").toString(),
                b.resolve("z.mid").toString()), found.stream().map(BatchInput::path).toList(),
                "the folder's scores (not notes.txt, hidden files or the output folder), the list's files, the glob's (already there)");
        assertEquals(List.of("sub/x", "sub/y", "x", "z"), found.stream().map(BatchInput::outputName).toList());
        List<BatchInput> same = finder.find(List.of(a.resolve("x.musicxml").toString(), b.resolve("x.musicxml").toString()));
        assertEquals(List.of("x", "x-2"), same.stream().map(BatchInput::outputName).toList(), "two files of one name");
        assertThrows(IOException.class, () -> finder.find(List.of("@" + dir.resolve("missing.txt"))));
    }

    @Test
    void theCsvQuotesWhatASpreadsheetWouldMisreadAndGivesEachFigureAColumn() {
        ResultRow ok = new ResultRow("/s/a.mxl", "h1", ResultRow.OK, "", "outputs/a.musicxml", 3, 40,
                Map.of("findings", "2", "findings list", "m. 1 beat 2: \"parallel\" fifths, S-B"));
        ResultRow failed = ResultRow.failed("/s/b, with comma.mxl", "h2", "/s/b, with comma.mxl, line 3: not an XML file", 1, 2);
        List<List<String>> lines = CsvLines.parse(ResultsTable.csv(List.of(ok, failed)));
        assertEquals(List.of("path", "hash", "status", "error", "output", "read_ms", "tool_ms", "findings", "findings list"), lines.get(0));
        assertEquals("m. 1 beat 2: \"parallel\" fifths, S-B", lines.get(1).get(8));
        assertEquals("/s/b, with comma.mxl", lines.get(2).get(0));
        assertEquals("", lines.get(2).get(7), "no figure: an empty cell");
    }

    @Test
    void failuresAreGroupedByWhatWentWrongNotByFileOrPlace() {
        assertEquals("not an XML file", BatchSummary.cause(ResultRow.failed("/x/a.xml",
                "", "/x/a.xml, line 1: not an XML file (it does not start with an XML element)", 0, 0)));
        assertEquals("the file ends too early", BatchSummary.cause(ResultRow.failed("/x/b.xml",
                "", "/x/b.xml, line 23, measure 2: the file ends too early (truncated?): XML document structures ...", 0, 0)));
        assertEquals("stopped after N s, the time limit for one file", BatchSummary.cause(ResultRow.failed("/x/c.xml",
                "", "/x/c.xml: stopped after 60 s, the time limit for one file (--timeout)", 0, 0)));
    }

    @Test
    void eachSliceOfTheWorkTakesFilesFromAllOverTheCorpus() {
        List<BatchInput> inputs = java.util.stream.IntStream.range(0, 7).mapToObj(i -> new BatchInput("f" + i, "f" + i)).toList();
        assertEquals(List.of("f0", "f3", "f6", "f1", "f4", "f2", "f5"),
                BatchJob.interleaved(inputs, 3).stream().map(BatchInput::path).toList());
    }

    @Test
    void aToolOptionIsCheckedAgainstTheToolAndMayComeAmongTheInputs() {
        var tool = new org.kantor.tools.catalog.ConvertTool();
        List<String> inputs = new java.util.ArrayList<>();
        assertEquals(Map.of("format", "mxl"), BatchCommand.toolArguments(tool, List.of("a", "--format", "mxl", "b"), inputs));
        assertEquals(List.of("a", "b"), inputs);
        assertEquals(Map.of("format", "mid"), BatchCommand.toolArguments(tool, List.of("--format=mid"), new java.util.ArrayList<>()));
        BatchJob.BatchError e = assertThrows(BatchJob.BatchError.class,
                () -> BatchCommand.toolArguments(tool, List.of("a", "--format"), new java.util.ArrayList<>()));
        assertTrue(e.getMessage().contains("--format needs a value"), e.getMessage());
    }

    @Test
    void aRowIsFoundByPathAndContentAndRetryingForgetsOnlyTheFailures(@TempDir Path dir) throws IOException {
        RowStore rows = new RowStore(dir);
        Path score = Files.writeString(dir.resolve("a.musicxml"), "<score-partwise/>");
        String hash = RowStore.contentHash(score);
        assertEquals("19360256545a24f2ff8741af4c9c73ff56cd0d69fd4d677b01a9661104365092", hash, "SHA-256 of the content, as sha256sum gives it");
        rows.save(new ResultRow("/a.musicxml", hash, ResultRow.OK, "", "outputs/a.musicxml", 1, 2, Map.of("Notes", "3")));
        rows.save(ResultRow.failed("/b.musicxml", hash, "/b.musicxml: not an XML file", 1, 2));
        assertEquals(Map.of("Notes", "3"), rows.find("/a.musicxml", hash).figures());
        assertEquals(null, rows.find("/a.musicxml", RowStore.contentHash(Files.writeString(dir.resolve("b.musicxml"), "<x/>"))),
                "changed content: done again");
        assertEquals(null, rows.find("/c.musicxml", hash), "another path: done again");
        assertEquals(2, rows.counts()[0] + rows.counts()[1]);
        assertEquals(1, rows.forgetFailures());
        assertEquals(null, rows.find("/b.musicxml", hash));
        assertEquals(ResultRow.OK, rows.find("/a.musicxml", hash).status());
    }
}
