package org.kantor.studio;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.kantor.musicxml.MusicXmlWriter;
import org.kantor.musicxml.ScoreDocument;
import org.kantor.musicxml.ScoreFileException;
import org.kantor.musicxml.ScoreFiles;
import org.kantor.tools.catalog.Tool;
import org.kantor.tools.catalog.ToolArguments;
import org.kantor.tools.catalog.ToolCatalog;
import org.kantor.tools.catalog.ToolFile;
import org.kantor.tools.catalog.ToolInput;
import org.kantor.tools.catalog.ToolRequest;
import org.kantor.tools.catalog.ToolResult;

/**
 * What the studio does, apart from how it looks: the score open, its versions, the tools of the catalog
 * run on the current version (a score result is a new version; a report is handed back), saving. The
 * file opened is never written unless the musician saves over it.
 */
public final class StudioSession {

    /** What a tool run gave: a new score version, or a report (the checker's findings) to show beside it. */
    public record Outcome(boolean newVersion, String report, Map<String, String> facts) {
    }

    private final ToolCatalog catalog;
    private final ScoreHistory<byte[]> history = new ScoreHistory<>();
    private String name = "untitled.musicxml";
    private Path file;

    public StudioSession(ToolCatalog catalog) {
        this.catalog = catalog;
    }

    public ToolCatalog catalog() {
        return catalog;
    }

    /** Opens a score (MusicXML, .mxl or MIDI); a file that cannot be read leaves the session as it was. */
    public void open(Path path) throws ScoreFileException {
        ScoreDocument doc = ScoreFiles.read(path);
        byte[] xml = MusicXmlWriter.toBytes(doc);
        history.open(xml, "Opened " + path.getFileName(), true);
        name = path.getFileName().toString();
        file = path;
    }

    public boolean hasScore() {
        return !history.isEmpty();
    }

    /** The current version as MusicXML text, for the engraved view. */
    public String musicXml() {
        return new String(history.current(), StandardCharsets.UTF_8);
    }

    public ScoreDocument document() throws ScoreFileException {
        return org.kantor.musicxml.MusicXmlReader.read(history.current(), name);
    }

    /**
     * Runs a tool of the catalog on the current version. A score it gives becomes the next version (one undo
     * step); a report is returned as text. A failure leaves the score as it was.
     */
    public Outcome run(String toolName, Map<String, String> parameters, DoubleConsumer progress) throws ScoreFileException {
        return run(toolName, parameters, null, progress);
    }

    /**
     * The same, with the file a tool needs besides the score: the recording to transcribe, or the score an
     * interpolation arrives at.
     */
    public Outcome run(String toolName, Map<String, String> parameters, Path other, DoubleConsumer progress) throws ScoreFileException {
        Tool tool = catalog.find(toolName).orElseThrow(() -> new IllegalArgumentException("no tool called " + toolName));
        ToolArguments arguments = ToolArguments.of(tool.name(), tool.parameters(), parameters, "");
        tool.check(arguments);
        List<ToolFile> files = filesFor(tool.takes(), other);
        ToolResult result = tool.run(new ToolRequest(files, arguments, progress));
        if (result.mediaType().equals(ToolResult.MUSICXML)) {
            if (hasScore() && tool.takes() != ToolInput.RECORDING) {
                history.push(result.body(), tool.title());
            } else {
                history.open(result.body(), tool.title(), false);
                name = tool.name() + ".musicxml";
            }
            return new Outcome(true, null, result.facts());
        }
        return new Outcome(false, new String(result.body(), StandardCharsets.UTF_8), result.facts());
    }

    private List<ToolFile> filesFor(ToolInput takes, Path other) throws ScoreFileException {
        // the current version travels as uncompressed MusicXML, whatever the file it came from was
        ToolFile current = hasScore() ? ToolFile.of(baseName() + ".musicxml", history.current()) : null;
        switch (takes) {
            case NOTHING:
                return List.of();
            case RECORDING:
                if (other == null) {
                    throw new ScoreFileException("(no file)", "choose the recording to transcribe (WAV, FLAC, MP3, Ogg Vorbis or MIDI)");
                }
                return List.of(ToolFile.of(other));
            case TWO_SCORES:
                if (current == null || other == null) {
                    throw new ScoreFileException(current == null ? "(no score)" : name, "an interpolation goes from the open score to a"
                            + " second one: open a score and choose the second");
                }
                return List.of(current, ToolFile.of(other));
            default:
                if (current == null) {
                    throw new ScoreFileException("(no score)", "open a score first");
                }
                return List.of(current);
        }
    }

    public ScoreHistory<byte[]> history() {
        return history;
    }

    /** Writes the current version (MusicXML, or compressed .mxl by the name), atomically; the session now counts as saved. */
    public void saveAs(Path target) throws ScoreFileException {
        ScoreDocument doc = document();
        MusicXmlWriter.write(doc, target, target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".mxl"));
        history.markSaved();
        file = target;
        name = target.getFileName().toString();
    }

    /** The file the score came from or was last saved to (null for a score made here). */
    public Path file() {
        return file;
    }

    public String name() {
        return name;
    }

    private String baseName() {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
