package org.kantor.musicxml;

import jakarta.xml.bind.Binder;
import jakarta.xml.bind.JAXBException;
import java.util.List;
import org.audiveris.proxymusic.ScorePartwise;
import org.kantor.core.Score;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A score as read from a file: the original XML tree, exactly as the notation program wrote it, the
 * proxymusic tree bound to it, and the musician's {@link Score} view built from that. Writing an
 * untouched document gives back the original tree; a tool that changes something changes the
 * proxymusic objects (or adds nodes) and calls {@link #treeChanged(Object)}, which merges the change
 * into the original tree and leaves everything else as it was.
 */
public final class ScoreDocument {

    private final String name;
    private final Document xml;
    private final Binder<Node> binder;
    private final ScorePartwise tree;
    private Score score;

    ScoreDocument(String name, Document xml, Binder<Node> binder, ScorePartwise tree, Score score) {
        this.name = name;
        this.xml = xml;
        this.binder = binder;
        this.tree = tree;
        this.score = score;
    }

    /** A new document for a score made by Kantor (from MIDI, a timeline, a model). */
    public static ScoreDocument fromScore(Score score, String name) throws ScoreFileException {
        ScorePartwise tree = new ScoreTreeBuilder().build(score);
        // a score written from scratch is a whole piece: it ends with a final barline
        tree.getPart().forEach(FinalBarline::end);
        Document xml = SecureXml.newDocument();
        Binder<Node> binder = Proxymusic.newBinder();
        try {
            binder.marshal(tree, xml);
            removeUnusedNamespaceDeclarations(xml.getDocumentElement());
            Object bound = binder.unmarshal(xml);
            ScorePartwise boundTree = (ScorePartwise) (bound instanceof jakarta.xml.bind.JAXBElement<?> e ? e.getValue() : bound);
            return new ScoreDocument(name, xml, binder, boundTree, new ScoreViewBuilder(name).build(boundTree));
        } catch (JAXBException e) {
            throw new ScoreFileException(name, null, null, "cannot write this score as MusicXML: " + MxlArchive.describe(e), e);
        }
    }

    /** An independent copy, e.g. one per variation a tool writes. */
    public ScoreDocument copy() throws ScoreFileException {
        return MusicXmlReader.read(MusicXmlWriter.toBytes(this), name);
    }

    /**
     * Adds parts made by a tool to the original tree: their part-list entries and measures are inserted
     * before the part at {@code position} (or at the end), with ids that do not clash with the score's.
     * Nothing of the existing parts changes.
     */
    public void addParts(Score parts, int position) throws ScoreFileException {
        addParts(parts, position, part -> { });
    }

    /**
     * The same, with {@code finish} given each new part's tree before it is merged into the XML: what a tool
     * sets there (a performance, say) is written with the part. (A new part's notes cannot be merged one by
     * one afterwards: they were never read from XML, so JAXB has no node for them.)
     */
    public void addParts(Score parts, int position, java.util.function.Consumer<ScorePartwise.Part> finish) throws ScoreFileException {
        ScorePartwise generated = new ScoreTreeBuilder().build(parts);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Object o : tree.getPartList().getPartGroupOrScorePart()) {
            if (o instanceof org.audiveris.proxymusic.ScorePart sp) {
                ids.add(sp.getId());
            }
        }
        int insertAt = position < 0 || position >= tree.getPart().size() ? tree.getPart().size() : position;
        Object anchor = insertAt < tree.getPart().size() ? tree.getPart().get(insertAt).getId() : null;
        List<Object> partList = tree.getPartList().getPartGroupOrScorePart();
        int listIndex = anchor == null ? partList.size() : partList.indexOf(anchor);
        if (listIndex < 0) {
            listIndex = partList.size();
        }
        ScorePartwise.Part host = tree.getPart().isEmpty() ? null : tree.getPart().get(0);
        boolean hostEnds = host != null && FinalBarline.ends(host);
        int n = 1;
        for (ScorePartwise.Part part : generated.getPart()) {
            org.audiveris.proxymusic.ScorePart sp = (org.audiveris.proxymusic.ScorePart) part.getId();
            while (ids.contains("P" + n)) {
                n++;
            }
            String id = "P" + n;
            ids.add(id);
            String generatedId = sp.getId();
            sp.setId(id);
            // instrument ids are the part's id and a suffix ("-I1"; a drum set has one per drum): keep the suffix
            for (org.audiveris.proxymusic.ScoreInstrument si : sp.getScoreInstrument()) {
                String suffix = si.getId().startsWith(generatedId) ? si.getId().substring(generatedId.length()) : "-I1";
                si.setId(id + suffix);
            }
            partList.add(listIndex++, sp);
            tree.getPart().add(insertAt++, part);
            if (host != null) {
                // a new part writes its meters as the score does (C, not 4/4), and ends with the same final barline
                MeterSymbols.follow(host, part);
            }
            if (hostEnds) {
                FinalBarline.end(part);
            }
            finish.accept(part);
        }
        treeChanged(tree);
    }

    /**
     * Takes parts out of the score (indices from 0): their measures and part-list entries, and any part
     * group left with no part inside. The other parts are not touched.
     */
    public void removeParts(java.util.Collection<Integer> indices) throws ScoreFileException {
        if (indices.isEmpty()) {
            return;
        }
        List<ScorePartwise.Part> gone = indices.stream().map(tree.getPart()::get).toList();
        java.util.Set<Object> ids = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        gone.forEach(p -> ids.add(p.getId()));
        tree.getPart().removeAll(gone);
        List<Object> partList = tree.getPartList().getPartGroupOrScorePart();
        partList.removeIf(ids::contains);
        // a group whose start and stop now enclose no part would draw an empty bracket
        for (int i = 0; i < partList.size(); i++) {
            if (partList.get(i) instanceof org.audiveris.proxymusic.PartGroup start
                    && start.getType() == org.audiveris.proxymusic.StartStop.START) {
                for (int j = i + 1; j < partList.size(); j++) {
                    Object o = partList.get(j);
                    if (o instanceof org.audiveris.proxymusic.ScorePart) {
                        break;
                    }
                    if (o instanceof org.audiveris.proxymusic.PartGroup stop && stop.getType() == org.audiveris.proxymusic.StartStop.STOP
                            && java.util.Objects.equals(stop.getNumber(), start.getNumber())) {
                        partList.remove(j);
                        partList.remove(i);
                        i--;
                        break;
                    }
                }
            }
        }
        treeChanged(tree);
    }

    /**
     * {@code copies} independent copies with {@code count} empty measures (whole-measure rests) added at
     * the end of every part, in the meter and key of the last measure, for a tool to fill with
     * {@link #replaceMeasures}. The copies are read from XML, so that the new measures are bound to
     * nodes like every other one; the measures are added and written once for all copies.
     */
    public List<ScoreDocument> copiesWithMeasuresAppended(int count, int copies) throws ScoreFileException {
        if (count < 1 || copies < 1) {
            throw new IllegalArgumentException("at least one measure to append and one copy");
        }
        ScoreDocument extended = copy();
        extended.treeChanged(MeasureAppending.append(extended.tree, extended.score, count));
        byte[] bytes = MusicXmlWriter.toBytes(extended);
        List<ScoreDocument> out = new java.util.ArrayList<>();
        for (int i = 0; i < copies; i++) {
            out.add(MusicXmlReader.read(bytes, name));
        }
        return out;
    }

    /**
     * Replaces the notes of measures {@code first..last} (0-based, inclusive) of one part with those of
     * the same measures of {@code replacement}, a one-part score laid out like this one; the rest of the
     * part, and every other part, stays as it was. Ties into and out of the run are cut.
     */
    public void replaceMeasures(int partIndex, Score replacement, int first, int last) throws ScoreFileException {
        ScorePartwise.Part target = replaceablePart(partIndex, replacement, first, last);
        // merge only what changed, so the rest of the file keeps its exact text
        treeChanged(MeasureReplacement.replace(target, replacement, first, last));
    }

    /**
     * Writes one voice of one staff of a part anew in measures {@code first..last} (0-based, inclusive)
     * from {@code replacement}, a one-part, one-voice score laid out like this one; the part's other
     * voices stay where they are, and stems tell the two voices of the staff apart.
     *
     * @param voice the MusicXML voice number to replace, or a new one to add
     * @param upper whether this voice is the upper one of its staff (stems up)
     */
    public void replaceVoice(int partIndex, int staff, String voice, Score replacement, int first, int last, boolean upper)
            throws ScoreFileException {
        ScorePartwise.Part target = replaceablePart(partIndex, replacement, first, last);
        treeChanged(MeasureReplacement.replaceVoice(target, replacement, first, last, staff, voice, upper));
    }

    /** The part whose measures are to be replaced, once the replacement is known to fit it. */
    private ScorePartwise.Part replaceablePart(int partIndex, Score replacement, int first, int last) throws ScoreFileException {
        if (partIndex < 0 || partIndex >= tree.getPart().size() || replacement.parts().size() != 1) {
            throw new IllegalArgumentException("one replacement part for an existing part is needed");
        }
        ScorePartwise.Part target = tree.getPart().get(partIndex);
        try {
            MeasureReplacement.check(target, replacement.parts().get(0), first, last);
        } catch (IllegalArgumentException e) {
            throw new ScoreFileException(name, e.getMessage());
        }
        return target;
    }

    /**
     * Merges several changed proxymusic objects back into the original XML (each node updated in place)
     * and refreshes the {@link Score} view once.
     */
    public void treeChanged(List<?> changed) throws ScoreFileException {
        if (changed.isEmpty()) {
            return;
        }
        for (int i = 0; i < changed.size() - 1; i++) {
            mergeIntoXml(changed.get(i));
        }
        treeChanged(changed.get(changed.size() - 1));
    }

    /** Whether every part ends with a final barline (thin-thick), as a finished piece does. */
    public boolean endsWithFinalBarline() {
        return !tree.getPart().isEmpty() && tree.getPart().stream().allMatch(FinalBarline::ends);
    }

    /** The file name it came from, for messages. */
    public String name() {
        return name;
    }

    public Score score() {
        return score;
    }

    /** The proxymusic tree, bound to the original XML. */
    public ScorePartwise tree() {
        return tree;
    }

    /** The original XML tree; what {@link MusicXmlWriter} writes. */
    public Document xml() {
        return xml;
    }

    /** The XML node a proxymusic object was read from, or null for an object a tool created. */
    public Node nodeOf(Object treeObject) {
        return binder.getXMLNode(treeObject);
    }

    /**
     * Merges a changed proxymusic object back into the original XML (its node is updated in place;
     * nodes around it are untouched) and refreshes the {@link Score} view.
     */
    public void treeChanged(Object treeObject) throws ScoreFileException {
        mergeIntoXml(treeObject);
        score = new ScoreViewBuilder(name).build(tree);
    }


    private void mergeIntoXml(Object treeObject) throws ScoreFileException {
        try {
            Node updated = binder.updateXML(treeObject);
            if (updated instanceof Element element) {
                removeUnusedNamespaceDeclarations(element);
            }
        } catch (JAXBException e) {
            throw new ScoreFileException(name, null, null, "cannot merge a change into the score: " + MxlArchive.describe(e), e);
        }
    }

    /** JAXB declares the xlink namespace on every element it updates; MusicXML files declare it only where used. */
    private static void removeUnusedNamespaceDeclarations(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Node a = attributes.item(i);
            if (a.getNodeName().startsWith("xmlns:")) {
                String prefix = a.getNodeName().substring(6);
                if (!usesPrefix(element, prefix)) {
                    element.removeAttributeNode((org.w3c.dom.Attr) a);
                }
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                removeUnusedNamespaceDeclarations(e);
            }
        }
    }

    private static boolean usesPrefix(Element element, String prefix) {
        if (prefix.equals(element.getPrefix())) {
            return true;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            if (prefix.equals(attributes.item(i).getPrefix())) {
                return true;
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && usesPrefix(e, prefix)) {
                return true;
            }
        }
        return false;
    }
}
