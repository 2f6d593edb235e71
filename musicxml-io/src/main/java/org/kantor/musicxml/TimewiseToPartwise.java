package org.kantor.musicxml;

import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Rewrites a score-timewise document (measures holding parts) as score-partwise (parts holding measures). */
final class TimewiseToPartwise {

    private TimewiseToPartwise() {
    }

    static Document convert(Document timewise) {
        Element oldRoot = timewise.getDocumentElement();
        Document out = SecureXml.newDocument();
        Element root = out.createElement("score-partwise");
        copyAttributes(oldRoot, root);
        out.appendChild(root);
        Map<String, Element> parts = new LinkedHashMap<>();
        for (Node child = oldRoot.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals("measure")) {
                for (Node p = e.getFirstChild(); p != null; p = p.getNextSibling()) {
                    if (p instanceof Element partInMeasure && partInMeasure.getTagName().equals("part")) {
                        String id = partInMeasure.getAttribute("id");
                        Element part = parts.computeIfAbsent(id, k -> {
                            Element created = out.createElement("part");
                            created.setAttribute("id", k);
                            return created;
                        });
                        Element measure = out.createElement("measure");
                        copyAttributes(e, measure);
                        for (Node content = partInMeasure.getFirstChild(); content != null; content = content.getNextSibling()) {
                            measure.appendChild(out.importNode(content, true));
                        }
                        part.appendChild(measure);
                    }
                }
            } else {
                root.appendChild(out.importNode(child, true));
            }
        }
        parts.values().forEach(root::appendChild);
        return out;
    }

    private static void copyAttributes(Element from, Element to) {
        NamedNodeMap attributes = from.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            to.setAttribute(a.getNodeName(), a.getNodeValue());
        }
    }
}
