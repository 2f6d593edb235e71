package org.kantor.musicxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.kantor.core.Score;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TimelineToScore;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** What Kantor writes from its own Score model is valid MusicXML 4.0, checked offline against the official XSD. */
class SchemaValidityTest {

    private static Schema schema() throws Exception {
        Path dir = KantorData.corpus("musicxml-schema");
        assumeTrue(dir != null, "musicxml-schema not found");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // the XSD imports xml.xsd and xlink.xsd by URL: serve the local copies, never the network
        factory.setResourceResolver(new LocalResolver(dir));
        return factory.newSchema(dir.resolve("musicxml.xsd").toFile());
    }

    private static List<String> problems(Schema schema, byte[] xml) throws Exception {
        List<String> problems = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        validator.validate(new StreamSource(new ByteArrayInputStream(stripDoctype(xml))));
        return problems;
    }

    private static byte[] stripDoctype(byte[] xml) {
        return new String(xml, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("<!DOCTYPE[^>]*>", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void scoresKantorWritesAreValid() throws Exception {
        Schema schema = schema();
        List<Path> sources = new ArrayList<>();
        sources.add(Path.of("..", "examples", "chorale.musicxml"));
        sources.add(Path.of("..", "examples", "melody.musicxml"));
        sources.addAll(Corpora.BACH_CHORALES.files().subList(0, 5));
        sources.addAll(Corpora.OPENSCORE_LIEDER.files().subList(0, 3));
        sources.add(Corpora.TEST_SUITE.files().stream().filter(p -> p.getFileName().toString().startsWith("11a")).findFirst().orElseThrow());
        for (Path source : sources) {
            Score original = MusicXmlReader.read(source).score();
            // through the timeline and back to notation, as every tool's output is made
            Score renotated = TimelineToScore.convert(ScoreToTimeline.convert(original), new TimelineToScore.Options(null, original.title(), original.composer()));
            byte[] written = MusicXmlWriter.toBytes(ScoreDocument.fromScore(renotated, source.getFileName().toString()));
            assertEquals(List.of(), problems(schema, written), source.getFileName() + " renotated");
        }
    }

    @Test
    void theExamplesAreValid() throws Exception {
        Schema schema = schema();
        for (String name : new String[] {"chorale.musicxml", "melody.musicxml"}) {
            assertEquals(List.of(), problems(schema, Files.readAllBytes(Path.of("..", "examples", name))), name);
        }
    }

    /** Resolves the schema's imports to files in the local schema folder. */
    private record LocalResolver(Path dir) implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            if (systemId == null) {
                return null;
            }
            Path local = dir.resolve(systemId.substring(systemId.lastIndexOf('/') + 1));
            if (!Files.exists(local)) {
                return null;
            }
            return new FileInput(local, publicId, systemId);
        }
    }

    private record FileInput(Path file, String publicId, String systemId) implements LSInput {
        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader r) { }
        @Override public InputStream getByteStream() {
            try {
                return Files.newInputStream(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
