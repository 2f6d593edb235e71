package org.kantor.musicxml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A canonical line-by-line form of an XML document, for checking that a round trip lost nothing:
 * attribute order, whitespace between elements, comments, the XML declaration, the DOCTYPE and the
 * root's {@code version} are ignored; every element, attribute and piece of text is kept.
 */
public final class XmlCanonicalForm {

    private XmlCanonicalForm() {
    }

    public static List<String> of(Document document) {
        List<String> lines = new ArrayList<>();
        element(document.getDocumentElement(), true, lines);
        return lines;
    }

    /** Null when equal, else a description of the first difference. */
    public static String firstDifference(List<String> expected, List<String> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "line " + i + ": expected " + expected.get(i) + " but was " + actual.get(i) + context(expected, i);
            }
        }
        if (expected.size() != actual.size()) {
            return "expected " + expected.size() + " lines but was " + actual.size() + (expected.size() > n ? ", missing " + expected.get(n) : ", extra " + actual.get(n));
        }
        return null;
    }

    private static String context(List<String> lines, int at) {
        StringBuilder sb = new StringBuilder(" after");
        for (int i = Math.max(0, at - 3); i < at; i++) {
            sb.append(' ').append(lines.get(i));
        }
        return sb.toString();
    }

    private static void element(Element e, boolean root, List<String> lines) {
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (root && a.getName().equals("version")) {
                continue;
            }
            attributes.put(a.getName(), a.getValue());
        }
        StringBuilder open = new StringBuilder("<").append(e.getTagName());
        attributes.forEach((k, v) -> open.append(' ').append(k).append("=\"").append(v).append('"'));
        lines.add(open.append('>').toString());
        StringBuilder text = new StringBuilder();
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(child.getNodeValue());
                case Node.ELEMENT_NODE -> {
                    flushText(text, lines);
                    element((Element) child, false, lines);
                }
                case Node.PROCESSING_INSTRUCTION_NODE -> {
                    flushText(text, lines);
                    lines.add("<?" + child.getNodeName() + " " + child.getNodeValue() + "?>");
                }
                case Node.ENTITY_REFERENCE_NODE -> text.append(child.getTextContent());
                default -> {
                    // comments are not part of the music
                }
            }
        }
        flushText(text, lines);
        lines.add("</" + e.getTagName() + ">");
    }

    private static void flushText(StringBuilder text, List<String> lines) {
        if (text.length() > 0 && !text.toString().isBlank()) {
            lines.add("text:" + text);
        }
        text.setLength(0);
    }
}
