package org.kantor.musicxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken files get Kantor's own clear error, read nothing they should not, and open no connection. */
class BadInputTest {

    private static final String SCORE_BODY = "<part-list><score-part id=\"P1\"><part-name>Voice</part-name></score-part></part-list>"
            + "<part id=\"P1\"><measure number=\"1\"><attributes><divisions>1</divisions></attributes>"
            + "<note><pitch><step>C</step><octave>4</octave></pitch><duration>4</duration><type>whole</type></note></measure></part>";

    private static byte[] score(String doctype, String title) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + "\n<score-partwise version=\"3.1\"><work><work-title>" + title
                + "</work-title></work>" + SCORE_BODY + "</score-partwise>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aValidMinimalScoreReads() throws Exception {
        ScoreDocument doc = MusicXmlReader.read(score("", "Fine"), "fine.musicxml");
        assertEquals("Fine", doc.score().title());
        assertEquals(1, doc.score().noteCount());
    }

    @Test
    void externalEntityPointingAtALocalFileReadsNothing(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        byte[] xxe = score("<!DOCTYPE score-partwise [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>", "&xxe;");
        String written;
        try {
            ScoreDocument doc = MusicXmlReader.read(xxe, "xxe.musicxml");
            assertFalse(String.valueOf(doc.score().title()).contains("TOP-SECRET"));
            written = new String(MusicXmlWriter.toBytes(doc), StandardCharsets.UTF_8);
        } catch (ScoreFileException refused) {
            written = refused.getMessage();
        }
        assertFalse(written.contains("TOP-SECRET"), written);
    }

    @Test
    void externalEntitiesAndDtdsOpenNoConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort();
            byte[][] hostile = {
                score("<!DOCTYPE score-partwise SYSTEM \"" + url + "/partwise.dtd\">", "t"),
                score("<!DOCTYPE score-partwise [<!ENTITY xxe SYSTEM \"" + url + "/entity\">]>", "&xxe;"),
                score("<!DOCTYPE score-partwise [<!ENTITY % p SYSTEM \"" + url + "/param\"> %p;]>", "t"),
            };
            for (byte[] file : hostile) {
                try {
                    MusicXmlReader.read(file, "hostile.musicxml");
                } catch (ScoreFileException expected) {
                    // refusing is fine too; connecting is not
                }
            }
            server.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, server::accept, "the reader connected to " + url);
        }
    }

    @Test
    void entityExpansionBombIsRefusedQuickly() {
        StringBuilder entities = new StringBuilder("<!DOCTYPE score-partwise [<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"");
            entities.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        entities.append("]>");
        byte[] bomb = score(entities.toString(), "&lol9;");
        ScoreFileException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ScoreFileException.class, () -> MusicXmlReader.read(bomb, "bomb.musicxml")));
        assertTrue(e.getMessage().contains("bomb.musicxml") && e.getMessage().contains("entit"), e.getMessage());
    }

    @Test
    void elementsNestedThousandsDeepAreRefusedInOneLine() {
        // 5,000 levels overflowed the stack of the code that walks the tree (a 1,025-line trace)
        byte[] deep = score("", "<a>".repeat(5000) + "</a>".repeat(5000));
        ScoreFileException e = assertThrows(ScoreFileException.class, () -> MusicXmlReader.read(deep, "deep.musicxml"));
        assertTrue(e.getMessage().contains("deep.musicxml") && e.getMessage().contains("nested more than 255 deep"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void mxlThatUnpacksTooFarIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("score.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < (MxlArchive.MAX_UNPACKED_BYTES >> 20) + 8; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(bytes.size() < 2_000_000, "the bomb itself is small");
        ScoreFileException e = assertThrows(ScoreFileException.class, () -> MusicXmlReader.read(bytes.toByteArray(), "bomb.mxl"));
        assertTrue(e.getMessage().contains("unpacks to more than"), e.getMessage());
    }

    @Test
    void mxlWithTooManyEntriesIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i <= MxlArchive.MAX_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("f" + i + ".txt"));
                zip.closeEntry();
            }
        }
        ScoreFileException e = assertThrows(ScoreFileException.class, () -> MusicXmlReader.read(bytes.toByteArray(), "many.mxl"));
        assertTrue(e.getMessage().contains("more than " + MxlArchive.MAX_ENTRIES + " entries"), e.getMessage());
    }

    @Test
    void mxlWithPathTraversalIsRefused() throws Exception {
        for (String evil : new String[] {"../../etc/evil.xml", "/abs/evil.xml", "a/../../evil.xml", "C:\\evil.xml"}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(evil));
                zip.write(score("", "x"));
                zip.closeEntry();
            }
            ScoreFileException e = assertThrows(ScoreFileException.class, () -> MusicXmlReader.read(bytes.toByteArray(), "evil.mxl"));
            assertTrue(e.getMessage().contains("outside the archive"), e.getMessage());
        }
    }

    @Test
    void htmlAndTextAreNotMusicXml() {
        ScoreFileException html = assertThrows(ScoreFileException.class,
                () -> MusicXmlReader.read("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), "page.xml"));
        assertEquals("page.xml: not a MusicXML score: the document is <html>, a MusicXML score is <score-partwise> or <score-timewise>", html.getMessage());
        ScoreFileException text = assertThrows(ScoreFileException.class,
                () -> MusicXmlReader.read("just some words".getBytes(StandardCharsets.UTF_8), "notes.xml"));
        assertTrue(text.getMessage().startsWith("notes.xml, line 1: not an XML file"), text.getMessage());
        ScoreFileException empty = assertThrows(ScoreFileException.class, () -> MusicXmlReader.read(new byte[0], "empty.xml"));
        assertEquals("empty.xml: the file is empty", empty.getMessage());
        ScoreFileException missing = assertThrows(ScoreFileException.class, () -> MusicXmlReader.read(Path.of("/no/such/score.musicxml")));
        assertEquals("score.musicxml: no such file", missing.getMessage());
    }

    @Test
    void truncatedFileNamesTheLineAndMeasure() throws Exception {
        Path file = Corpora.TEST_SUITE.files().stream().filter(p -> p.getFileName().toString().startsWith("01a")).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(file);
        byte[] half = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        ScoreFileException e = assertThrows(ScoreFileException.class, () -> MusicXmlReader.read(half, "01a-cut.xml"));
        assertTrue(e.line() != null && e.measure() != null, e.getMessage());
        assertTrue(e.getMessage().matches("01a-cut\\.xml, line \\d+, measure \\d+: the file ends too early.*"), e.getMessage());
    }

    @Test
    void wrongEncodingIsExplained() {
        byte[] latin1 = score("", "Caf\u00e9").clone();
        byte[] bytes = new String(latin1, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
        ScoreFileException e = assertThrows(ScoreFileException.class, () -> MusicXmlReader.read(bytes, "latin1.musicxml"));
        assertTrue(e.getMessage().startsWith("latin1.musicxml") && e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void missingDurationNamesTheMeasure() {
        byte[] bytes = score("", "x");
        String broken = new String(bytes, StandardCharsets.UTF_8).replace("<duration>4</duration>", "");
        ScoreFileException e = assertThrows(ScoreFileException.class,
                () -> MusicXmlReader.read(broken.getBytes(StandardCharsets.UTF_8), "nodur.musicxml"));
        assertEquals("nodur.musicxml, measure 1: a note or backup has no <duration>", e.getMessage());
    }

    @Test
    void aNoteMillionsOfQuarterNotesLongIsRefused() {
        // harmonize ran out of memory (or met a negative array size) laying out such a note; convert took it
        String huge = new String(score("", "x"), StandardCharsets.UTF_8).replace("<duration>4</duration>", "<duration>2147483647</duration>");
        ScoreFileException e = assertThrows(ScoreFileException.class,
                () -> MusicXmlReader.read(huge.getBytes(StandardCharsets.UTF_8), "huge.musicxml"));
        assertTrue(e.getMessage().startsWith("huge.musicxml, measure 1: a <duration> of 2147483647 is")
                && e.getMessage().contains("longer than any measure holds"), e.getMessage());
    }
}
