package org.kantor.musicxml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a {@link ScoreDocument} as MusicXML 4.0 (version attribute and DOCTYPE of 4.0), plain or
 * compressed (.mxl). The XML written is the document's tree, so nothing a tool did not touch changes.
 */
public final class MusicXmlWriter {

    public static final String MUSICXML_VERSION = "4.0";
    static final String DOCTYPE_PUBLIC = "-//Recordare//DTD MusicXML 4.0 Partwise//EN";
    static final String DOCTYPE_SYSTEM = "http://www.musicxml.org/dtds/partwise.dtd";

    private static final TransformerFactory TRANSFORMERS = TransformerFactory.newInstance();

    private MusicXmlWriter() {
    }

    /** The document as MusicXML 4.0 text in UTF-8. */
    public static byte[] toBytes(ScoreDocument document) throws ScoreFileException {
        Document xml = document.xml();
        Element root = xml.getDocumentElement();
        String previous = root.hasAttribute("version") ? root.getAttribute("version") : null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            root.setAttribute("version", MUSICXML_VERSION);
            Transformer t;
            synchronized (TRANSFORMERS) {
                t = TRANSFORMERS.newTransformer();
            }
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.METHOD, "xml");
            t.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, DOCTYPE_PUBLIC);
            t.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, DOCTYPE_SYSTEM);
            xml.setXmlStandalone(false);
            t.transform(new DOMSource(xml), new StreamResult(out));
        } catch (TransformerException e) {
            throw new ScoreFileException(document.name(), null, null, "cannot write MusicXML: " + MxlArchive.describe(e), e);
        } finally {
            if (previous == null) {
                root.removeAttribute("version");
            } else {
                root.setAttribute("version", previous);
            }
        }
        return out.toByteArray();
    }

    /** Writes plain MusicXML, or compressed MusicXML when {@code compressed}; atomically. */
    public static void write(ScoreDocument document, Path target, boolean compressed) throws ScoreFileException {
        byte[] xml = toBytes(document);
        try {
            byte[] content = compressed ? MxlArchive.pack(xml, scoreEntryName(target)) : xml;
            AtomicFiles.write(target, content);
        } catch (IOException e) {
            throw new ScoreFileException(target.toString(), null, null, "cannot write the file: " + MxlArchive.describe(e), e);
        }
    }

    /** Compressed MusicXML (.mxl) in memory, its score entry named after {@code fileName}. */
    public static byte[] toMxlBytes(ScoreDocument document, String fileName) throws ScoreFileException {
        try {
            return MxlArchive.pack(toBytes(document), scoreEntryName(Path.of(fileName).getFileName()));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new ScoreFileException(fileName, null, null, "cannot be written as .mxl: " + MxlArchive.describe(e), e);
        }
    }

    private static String scoreEntryName(Path target) {
        String base = target.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_");
        return (safe.isEmpty() ? "score" : safe) + ".musicxml";
    }
}
