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

    /** A score read from its file and written as MusicXML, ready to open: the slow part of opening, done on any thread. */
    public record Prepared(Path file, byte[] musicXml) {
    }

    /** Reads a score (MusicXML, .mxl or MIDI) for {@link #open(Prepared)}, touching no session. */
    public static Prepared prepare(Path path) throws ScoreFileException {
        return new Prepared(path, MusicXmlWriter.toBytes(ScoreFiles.read(path)));
    }

    /** Opens a score (MusicXML, .mxl or MIDI); a file that cannot be read leaves the session as it was. */
    public void open(Path path) throws ScoreFileException {
        open(prepare(path));
    }

    public void open(Prepared prepared) {
        history.open(prepared.musicXml(), "Opened " + prepared.file().getFileName(), true);
        name = prepared.file().getFileName().toString();
        file = prepared.file();
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
        return run(toolName, parameters, other, progress, () -> false);
    }

    /**
     * The same, for a run the musician may cancel: a result that arrives after {@code cancelled} became true is dropped
     * (a tool does not always stop at once), so a cancelled run leaves the score as it was.
     */
    public Outcome run(String toolName, Map<String, String> parameters, Path other, DoubleConsumer progress,
            java.util.function.BooleanSupplier cancelled) throws ScoreFileException {
        Tool tool = catalog.find(toolName).orElseThrow(() -> new IllegalArgumentException("no tool called " + toolName));
        ToolArguments arguments = ToolArguments.of(tool.name(), tool.parameters(), parameters, "");
        tool.check(arguments);
        List<ToolFile> files = filesFor(tool.takes(), other);
        ToolResult result = tool.run(new ToolRequest(files, arguments, progress));
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException(tool.title() + " was cancelled");
        }
        if (result.mediaType().equals(ToolResult.MUSICXML)) {
            if (hasScore() && tool.takes() != ToolInput.RECORDING) {
                history.push(result.body(), tool.title());
            } else {
                history.open(result.body(), tool.title(), false);
                // a transcription is named after its recording
                name = (other != null ? other.getFileName().toString().replaceAll("\\.[^.]*$", "") : tool.name()) + ".musicxml";
            }
            return new Outcome(true, null, result.facts());
        }
        return new Outcome(false, new String(result.body(), StandardCharsets.UTF_8), result.facts());
    }

    /**
     * Several results of a tool that writes scores, one per seed (the seed given, or a random one, then the next ones),
     * for the musician to compare; none becomes a version until {@link #keep} is called. A tool that reports
     * rather than writes gives its report once.
     */
    public List<byte[]> variations(String toolName, Map<String, String> parameters, Path other, int count, DoubleConsumer progress)
            throws ScoreFileException {
        Tool tool = catalog.find(toolName).orElseThrow(() -> new IllegalArgumentException("no tool called " + toolName));
        if (tool.parameters().stream().noneMatch(p -> p.name().equals("seed"))) {
            throw new IllegalArgumentException(tool.title() + " gives one result: it has no seed to vary");
        }
        long base = parameters.containsKey("seed") ? Long.parseLong(parameters.get("seed").trim()) : new java.util.Random().nextInt(1 << 24);
        List<byte[]> results = new java.util.ArrayList<>();
        for (int v = 0; v < count; v++) {
            Map<String, String> seeded = new java.util.LinkedHashMap<>(parameters);
            seeded.put("seed", Long.toString(base + v));
            int done = v;
            ToolArguments arguments = ToolArguments.of(tool.name(), tool.parameters(), seeded, "");
            tool.check(arguments);
            ToolResult result = tool.run(new ToolRequest(filesFor(tool.takes(), other), arguments,
                    fraction -> progress.accept((done + fraction) / count)));
            if (!result.mediaType().equals(ToolResult.MUSICXML)) {
                throw new IllegalArgumentException(tool.title() + " gives a report, not a score to compare");
            }
            results.add(result.body());
        }
        return results;
    }

    /** One of the variations becomes the next version (one undo step). */
    public void keep(byte[] variation, String label) {
        if (hasScore()) {
            history.push(variation, label);
        } else {
            history.open(variation, label, false);
        }
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

    /** The checker's report (JSON) on the current version, without making a version. */
    public String check() throws ScoreFileException {
        Outcome outcome = run("check", Map.of(), fraction -> { });
        return outcome.report();
    }

    public ScoreHistory<byte[]> history() {
        return history;
    }

    /**
     * Writes the current version, atomically, in the format its name asks for: MusicXML (.musicxml, .xml), compressed
     * MusicXML (.mxl), MIDI (.mid) or audio (.wav, through the studio's synthesizer). Saving as a score makes the session
     * count as saved; MIDI and audio are exports.
     */
    public void saveAs(Path target) throws ScoreFileException {
        ScoreDocument doc = document();
        String lower = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".mid") || lower.endsWith(".midi")) {
            org.kantor.musicxml.MidiWriter.write(doc.score(), target);
            return;
        }
        if (lower.endsWith(".wav")) {
            try {
                ScoreSound.toWav(doc.score(), java.util.Set.of(), null, target);
            } catch (java.io.IOException e) {
                throw new ScoreFileException(target.getFileName().toString(), "cannot write the audio: " + e.getMessage());
            }
            return;
        }
        MusicXmlWriter.write(doc, target, lower.endsWith(".mxl"));
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
