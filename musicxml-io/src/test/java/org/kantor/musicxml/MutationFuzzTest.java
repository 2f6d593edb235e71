package org.kantor.musicxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Mutates every test-suite file (truncations, byte flips, deleted elements) and asserts that each
 * mutant either reads (and then writes) or fails with Kantor's own {@link ScoreFileException}: never
 * another exception, never a hang.
 */
class MutationFuzzTest {

    private static final int TRUNCATIONS = 3;
    private static final int FLIPS = 5;
    private static final int DELETIONS = 4;

    @Test
    void mutantsReadOrFailCleanly() throws Exception {
        Random random = new Random(20261124);
        int read = 0;
        int refused = 0;
        List<String> escaped = new ArrayList<>();
        for (Path file : Corpora.TEST_SUITE.files()) {
            byte[] original = Files.readAllBytes(file);
            for (byte[] mutant : mutants(original, random)) {
                String name = file.getFileName().toString();
                String outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    try {
                        ScoreDocument doc = MusicXmlReader.read(mutant, name);
                        MusicXmlWriter.toBytes(doc);
                        return "read";
                    } catch (ScoreFileException e) {
                        return e.getMessage().startsWith(name) ? "refused" : "unnamed: " + e.getMessage();
                    } catch (Throwable t) {
                        return "escaped: " + t;
                    }
                }, name);
                if (outcome.equals("read")) {
                    read++;
                } else if (outcome.equals("refused")) {
                    refused++;
                } else {
                    escaped.add(name + " -> " + outcome);
                }
            }
        }
        System.out.printf("mutation fuzz: %d mutants read, %d refused with a clear error, %d escaped%n", read, refused, escaped.size());
        escaped.stream().limit(10).forEach(s -> System.out.println("  " + s));
        assertTrue(escaped.isEmpty(), escaped.size() + " mutants escaped: " + escaped.stream().limit(3).toList());
        assertTrue(refused > 100 && read > 100, "the mutations exercise both outcomes");
        assertEquals(Corpora.TEST_SUITE.expectedFiles * (TRUNCATIONS + FLIPS + DELETIONS), read + refused);
    }

    private static List<byte[]> mutants(byte[] original, Random random) throws Exception {
        List<byte[]> out = new ArrayList<>();
        byte[] xml = MxlArchive.looksLikeZip(original) ? MxlArchive.readScore(original, "x.mxl") : original;
        for (int i = 0; i < TRUNCATIONS; i++) {
            out.add(Arrays.copyOf(original, random.nextInt(Math.max(1, original.length))));
        }
        for (int i = 0; i < FLIPS; i++) {
            byte[] flipped = xml.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                int at = random.nextInt(flipped.length);
                flipped[at] = (byte) (flipped[at] ^ (1 << random.nextInt(8)));
            }
            out.add(flipped);
        }
        for (int i = 0; i < DELETIONS; i++) {
            out.add(withoutRandomElement(xml, random));
        }
        return out;
    }

    private static byte[] withoutRandomElement(byte[] xml, Random random) throws Exception {
        Document doc = SecureXml.parse(xml);
        NodeList all = doc.getElementsByTagName("*");
        if (all.getLength() > 1) {
            Element victim = (Element) all.item(1 + random.nextInt(all.getLength() - 1));
            victim.getParentNode().removeChild(victim);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
