package org.kantor.musicxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

/**
 * Reading and writing an untouched score must lose nothing: for every file of the four corpora the
 * written MusicXML 4.0 equals the original after canonicalisation, declares version 4.0, and reads
 * back to the same musical content.
 */
class RoundTripCorpusTest {

    @ParameterizedTest
    @EnumSource(Corpora.class)
    void everyFileSurvivesARoundTrip(Corpora corpus) throws Exception {
        List<Path> files = corpus.files();
        assertEquals(corpus.expectedFiles, files.size(), "files in " + corpus.folder);
        AtomicInteger identical = new AtomicInteger();
        Map<Path, String> failures = new ConcurrentHashMap<>();
        files.parallelStream().forEach(file -> {
            try {
                String problem = roundTrip(file);
                if (problem == null) {
                    identical.incrementAndGet();
                } else {
                    failures.put(file, problem);
                }
            } catch (Exception e) {
                failures.put(file, e.toString());
            }
        });
        System.out.printf("round trip %-24s %4d of %4d files identical after canonicalisation%n", corpus.folder, identical.get(), files.size());
        failures.entrySet().stream().limit(10).forEach(f -> System.out.println("  " + f.getKey().getFileName() + ": " + f.getValue()));
        assertTrue(failures.isEmpty(), failures.size() + " files changed in " + corpus.folder + ", first: " + failures.entrySet().stream().findFirst().orElse(null));
        assertEquals(files.size(), identical.get());
    }

    /** Null when the round trip is lossless, else what changed. */
    static String roundTrip(Path file) throws Exception {
        byte[] original = Files.readAllBytes(file);
        ScoreDocument document = MusicXmlReader.read(original, file.getFileName().toString());
        byte[] written = MusicXmlWriter.toBytes(document);

        byte[] originalXml = MxlArchive.looksLikeZip(original) ? MxlArchive.readScore(original, file.toString()) : original;
        Document before = SecureXml.parse(originalXml);
        Document after = SecureXml.parse(written);
        if (!"4.0".equals(after.getDocumentElement().getAttribute("version"))) {
            return "written version is " + after.getDocumentElement().getAttribute("version");
        }
        if (after.getDoctype() == null || !MusicXmlWriter.DOCTYPE_PUBLIC.equals(after.getDoctype().getPublicId())) {
            return "written file lacks the MusicXML 4.0 DOCTYPE";
        }
        List<String> expected = XmlCanonicalForm.of(before.getDocumentElement().getTagName().equals("score-timewise")
                ? TimewiseToPartwise.convert(before) : before);
        String difference = XmlCanonicalForm.firstDifference(expected, XmlCanonicalForm.of(after));
        if (difference != null) {
            return difference;
        }
        ScoreDocument reread = MusicXmlReader.read(written, file.getFileName().toString());
        if (reread.score().noteCount() != document.score().noteCount() || reread.score().measureCount() != document.score().measureCount()) {
            return "the score read back differs: " + reread.score().noteCount() + " notes vs " + document.score().noteCount();
        }
        return null;
    }
}
