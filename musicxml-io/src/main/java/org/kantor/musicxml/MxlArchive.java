package org.kantor.musicxml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Compressed MusicXML (.mxl): a zip with {@code META-INF/container.xml} naming the score. Reading is
 * guarded: too many entries, entries that would unpack past a size cap, and names that try to
 * escape the archive (path traversal) are refused before anything is used.
 */
public final class MxlArchive {

    static final int MAX_ENTRIES = 1_000;
    static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;
    static final String MIME_TYPE = "application/vnd.recordare.musicxml";

    private MxlArchive() {
    }

    /** The score's XML bytes from an .mxl archive. */
    public static byte[] readScore(byte[] archive, String fileName) throws ScoreFileException {
        Map<String, byte[]> entries = unpack(archive, fileName);
        String root = rootFile(entries, fileName);
        byte[] score = entries.get(root);
        if (score == null) {
            throw new ScoreFileException(fileName, "the compressed MusicXML archive names \"" + root + "\" as its score, but has no such entry");
        }
        return score;
    }

    private static Map<String, byte[]> unpack(byte[] archive, String fileName) throws ScoreFileException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                checkName(name, fileName);
                if (entries.size() >= MAX_ENTRIES) {
                    throw new ScoreFileException(fileName, "the compressed MusicXML archive has more than " + MAX_ENTRIES + " entries; refusing to unpack it");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        throw new ScoreFileException(fileName, "the compressed MusicXML archive unpacks to more than "
                                + (MAX_UNPACKED_BYTES >> 20) + " MB; refusing to unpack it (a zip bomb?)");
                    }
                    out.write(buffer, 0, n);
                }
                entries.put(name, out.toByteArray());
            }
        } catch (ScoreFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ScoreFileException(fileName, null, null, "not a readable compressed MusicXML (.mxl) archive: " + describe(e), e);
        }
        if (entries.isEmpty()) {
            throw new ScoreFileException(fileName, "not a compressed MusicXML (.mxl) archive: it holds no files");
        }
        return entries;
    }

    private static void checkName(String name, String fileName) throws ScoreFileException {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.contains("../") || n.equals("..") || n.endsWith("/..") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0) {
            throw new ScoreFileException(fileName, "the compressed MusicXML archive has an entry named \"" + name
                    + "\" that points outside the archive; refusing to read it");
        }
    }

    private static String rootFile(Map<String, byte[]> entries, String fileName) throws ScoreFileException {
        byte[] container = entries.get("META-INF/container.xml");
        if (container != null) {
            try {
                Document doc = SecureXml.parse(container);
                NodeList roots = doc.getElementsByTagNameNS("*", "rootfile");
                for (int i = 0; i < roots.getLength(); i++) {
                    Element root = (Element) roots.item(i);
                    String type = root.getAttribute("media-type");
                    if (type.isEmpty() || type.equals(MIME_TYPE) || type.contains("musicxml")) {
                        return root.getAttribute("full-path");
                    }
                }
            } catch (Exception e) {
                throw new ScoreFileException(fileName, null, null, "META-INF/container.xml in the archive is not readable: " + describe(e), e);
            }
        }
        // no container: the first XML file outside META-INF, as older writers did
        for (String name : entries.keySet()) {
            if (!name.startsWith("META-INF/") && (name.endsWith(".xml") || name.endsWith(".musicxml"))) {
                return name;
            }
        }
        throw new ScoreFileException(fileName, "the compressed MusicXML archive holds no score (no META-INF/container.xml and no .xml file)");
    }

    /** Packs a score into an .mxl archive: mimetype first and stored, then the container, then the score. */
    public static byte[] pack(byte[] scoreXml, String scoreName) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mime = MIME_TYPE.getBytes(StandardCharsets.US_ASCII);
            ZipEntry mimeEntry = new ZipEntry("mimetype");
            mimeEntry.setMethod(ZipEntry.STORED);
            mimeEntry.setSize(mime.length);
            CRC32 crc = new CRC32();
            crc.update(mime);
            mimeEntry.setCrc(crc.getValue());
            zip.putNextEntry(mimeEntry);
            zip.write(mime);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<container>\n  <rootfiles>\n    <rootfile full-path=\"" + scoreName + "\" media-type=\"" + MIME_TYPE + "\"/>\n"
                    + "  </rootfiles>\n</container>\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(scoreName));
            zip.write(scoreXml);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    static boolean looksLikeZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
