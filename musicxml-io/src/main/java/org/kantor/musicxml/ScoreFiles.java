package org.kantor.musicxml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.timeline.Timeline;
import org.kantor.core.timeline.TimelineToScore;

/** Reads and writes scores in any supported format; the one entry point the tools use for files. */
public final class ScoreFiles {

    /** MIDI performances are written on a 16th-note grid. */
    public static final Rational MIDI_GRID = Rational.of(1, 4);

    private ScoreFiles() {
    }

    /** Reads MusicXML (.musicxml, .xml, .mxl) or MIDI (.mid) into a document. MIDI is notated on the way in. */
    public static ScoreDocument read(Path file) throws ScoreFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new ScoreFileException(name, "is a folder, not a score file");
        }
        if (ScoreFormat.ofFile(file) == ScoreFormat.MIDI || startsWithMidiHeader(file)) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new ScoreFileException(name, "no such file");
            } catch (IOException e) {
                throw new ScoreFileException(name, null, null, "cannot read the file: " + MxlArchive.describe(e), e);
            }
            return fromMidi(bytes, name);
        }
        return MusicXmlReader.read(file);
    }

    /** Reads a score sent as bytes (MusicXML text, an .mxl archive, or a MIDI file, told by its header); {@code name} is for messages. */
    public static ScoreDocument read(byte[] bytes, String name) throws ScoreFileException {
        if (bytes.length >= 4 && bytes[0] == 'M' && bytes[1] == 'T' && bytes[2] == 'h' && bytes[3] == 'd') {
            return fromMidi(bytes, name);
        }
        return MusicXmlReader.read(bytes, name);
    }

    private static ScoreDocument fromMidi(byte[] bytes, String name) throws ScoreFileException {
        Timeline timeline = MidiReader.read(bytes, name);
        String title = name.replaceFirst("\\.[^.]*$", "");
        Score score = TimelineToScore.convert(timeline, new TimelineToScore.Options(MIDI_GRID, title, null));
        return ScoreDocument.fromScore(score, name);
    }

    public static void write(ScoreDocument document, Path target, ScoreFormat format) throws ScoreFileException {
        switch (format) {
            case MUSICXML -> MusicXmlWriter.write(document, target, false);
            case MXL -> MusicXmlWriter.write(document, target, true);
            case MIDI -> MidiWriter.write(document.score(), target);
        }
    }

    private static boolean startsWithMidiHeader(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'M' && head[1] == 'T' && head[2] == 'h' && head[3] == 'd';
        } catch (IOException e) {
            return false;
        }
    }
}
