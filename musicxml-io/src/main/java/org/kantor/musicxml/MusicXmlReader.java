package org.kantor.musicxml;

import jakarta.xml.bind.Binder;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.audiveris.proxymusic.ScorePartwise;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/**
 * Reads .musicxml, .xml and .mxl files (MusicXML 1.0 to 4.0; score-timewise is converted to
 * score-partwise) into a {@link ScoreDocument}. Every problem becomes a {@link ScoreFileException}
 * that names the file and, where known, the line and the measure.
 */
public final class MusicXmlReader {

    /** Largest file Kantor opens; the largest real scores are a few MB. */
    static final long MAX_FILE_BYTES = 200L * 1024 * 1024;

    private static final Pattern MEASURE_START = Pattern.compile("<measure\\b[^>]*?\\bnumber\\s*=\\s*[\"']([^\"']*)[\"']");

    private MusicXmlReader() {
    }

    public static ScoreDocument read(Path file) throws ScoreFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ScoreFileException(name, "the file is " + (size >> 20) + " MB; Kantor opens scores up to " + (MAX_FILE_BYTES >> 20) + " MB");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScoreFileException(name, "no such file");
        } catch (ScoreFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ScoreFileException(name, null, null, "cannot read the file: " + MxlArchive.describe(e), e);
        }
        return read(bytes, name);
    }

    public static ScoreDocument read(byte[] bytes, String name) throws ScoreFileException {
        if (bytes.length == 0) {
            throw new ScoreFileException(name, "the file is empty");
        }
        byte[] xmlBytes = MxlArchive.looksLikeZip(bytes) ? MxlArchive.readScore(bytes, name) : bytes;
        Document xml = parse(xmlBytes, name);
        Element root = xml.getDocumentElement();
        String rootName = root.getLocalName() != null ? root.getLocalName() : root.getTagName();
        if (rootName.equals("score-timewise")) {
            xml = TimewiseToPartwise.convert(xml);
        } else if (!rootName.equals("score-partwise")) {
            throw new ScoreFileException(name, null, null, "not a MusicXML score: the document is <" + rootName
                    + ">, a MusicXML score is <score-partwise> or <score-timewise>" + (rootName.equals("opus") ? " (an opus only lists other files)" : ""));
        }
        Binder<Node> binder = Proxymusic.newBinder();
        ScorePartwise tree;
        try {
            Object bound = binder.unmarshal(xml);
            tree = (ScorePartwise) (bound instanceof JAXBElement<?> e ? e.getValue() : bound);
        } catch (JAXBException | RuntimeException e) {
            throw new ScoreFileException(name, null, null, "the MusicXML structure cannot be read: " + MxlArchive.describe(e), e);
        }
        return new ScoreDocument(name, xml, binder, tree, new ScoreViewBuilder(name).build(tree));
    }

    private static Document parse(byte[] xml, String name) throws ScoreFileException {
        try {
            return SecureXml.parse(xml);
        } catch (SAXParseException e) {
            int line = e.getLineNumber();
            throw new ScoreFileException(name, line > 0 ? line : null, line > 0 ? measureAtLine(xml, line) : null, explain(e), e);
        } catch (CharConversionException e) {
            throw new ScoreFileException(name, null, null, "the text is not in the encoding the file declares (" + MxlArchive.describe(e)
                    + "); save it again as UTF-8", e);
        } catch (Exception e) {
            throw new ScoreFileException(name, null, null, "not readable as XML: " + MxlArchive.describe(e), e);
        }
    }

    private static String explain(SAXParseException e) {
        String m = MxlArchive.describe(e);
        if (m.contains("byte") && m.contains("UTF-8")) {
            return "the text is not valid UTF-8 as the file declares (" + m + "); save it again as UTF-8";
        }
        if (m.contains("XML document structures must start and end") || m.contains("Premature end of file")) {
            return "the file ends too early (truncated?): " + m;
        }
        if (m.contains("JAXP00010007") || m.contains("maxElementDepth")) {
            return "its elements are nested more than " + SecureXml.MAX_ELEMENT_DEPTH + " deep (MusicXML needs about a dozen); refusing to read it";
        }
        if (m.contains("entity expansions") || m.contains("JAXP00010001") || m.contains("JAXP0001")) {
            return "the file defines entities that expand too far (an entity-expansion bomb?); refusing to read it";
        }
        if (m.contains("Content is not allowed in prolog")) {
            return "not an XML file (it does not start with an XML element)";
        }
        return "not well-formed XML: " + m;
    }

    /** The number of the last measure that starts at or before a line, for error messages. */
    static String measureAtLine(byte[] xml, int line) {
        String text = new String(xml, StandardCharsets.UTF_8);
        int at = 0;
        for (int l = 1; l < line && at >= 0; l++) {
            at = text.indexOf('\n', at) + 1;
            if (at == 0) {
                at = text.length();
                break;
            }
        }
        int end = text.indexOf('\n', at);
        Matcher m = MEASURE_START.matcher(text.substring(0, end < 0 ? text.length() : end));
        String number = null;
        while (m.find()) {
            number = m.group(1);
        }
        return number;
    }
}
