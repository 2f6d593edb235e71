package org.kantor.musicxml;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The one place where XML is parsed. The DOCTYPE that MusicXML files carry is accepted, but no DTD,
 * external entity or URL is ever loaded, so reading a file opens no connection and reads no other
 * file; entity expansion is capped so that a "billion laughs" file is refused quickly.
 */
public final class SecureXml {

    /** Most entity expansions a file may cause; real MusicXML uses none or a handful. */
    static final int ENTITY_EXPANSION_LIMIT = 10_000;
    /**
     * Deepest nesting of elements a file may have. Real MusicXML nests about a dozen deep; a file nested
     * thousands deep would overflow the stack of the code that walks the tree.
     */
    public static final int MAX_ELEMENT_DEPTH = 255;

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);

    private SecureXml() {
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", Integer.toString(ENTITY_EXPANSION_LIMIT));
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", "1000000");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit", "100000");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", Integer.toString(MAX_ELEMENT_DEPTH));
            DocumentBuilder b = f.newDocumentBuilder();
            // belt and braces: should any external entity still be asked for, it resolves to nothing
            b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            b.setErrorHandler(STRICT);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser does not support secure processing", e);
        }
    }

    /** Parses XML bytes; the encoding comes from the byte order mark or the XML declaration. */
    public static Document parse(byte[] xml) throws Exception {
        DocumentBuilder b = BUILDER.get();
        b.reset();
        b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        b.setErrorHandler(STRICT);
        return b.parse(new ByteArrayInputStream(xml));
    }

    /** A new empty document to build into. */
    public static Document newDocument() {
        return BUILDER.get().newDocument();
    }
}
