package org.kantor.musicxml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.kantor.core.Instrument;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.TempoMap;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;

/**
 * Writes a Standard MIDI File (type 1): a conductor track with the tempo map, meters and keys, then
 * one track per part on the part's channel with its program. Tied notes sound as one note.
 */
public final class MidiWriter {

    public static final int TICKS_PER_QUARTER = 480;
    private static final int META_TEMPO = 0x51;
    private static final int META_TIME_SIGNATURE = 0x58;
    private static final int META_KEY_SIGNATURE = 0x59;
    private static final int META_TRACK_NAME = 0x03;

    private MidiWriter() {
    }

    public static byte[] toBytes(Score score) throws IOException {
        return toBytes(ScoreToTimeline.convert(score));
    }

    public static byte[] toBytes(Timeline timeline) throws IOException {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, TICKS_PER_QUARTER);
            Track conductor = sequence.createTrack();
            for (TempoMap.Change c : timeline.tempo().changes()) {
                int microsPerQuarter = (int) Math.round(60_000_000.0 / c.quarterNotesPerMinute());
                conductor.add(meta(META_TEMPO, new byte[] {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter}, ticks(c.at())));
            }
            for (Timeline.MeterChange m : timeline.meters()) {
                int denominatorPower = Integer.numberOfTrailingZeros(m.time().beatType());
                conductor.add(meta(META_TIME_SIGNATURE, new byte[] {(byte) m.time().totalNumerator(), (byte) denominatorPower, 24, 8}, ticks(m.at())));
            }
            for (Timeline.KeyChange k : timeline.keys()) {
                conductor.add(meta(META_KEY_SIGNATURE, new byte[] {(byte) k.key().fifths(), (byte) (k.key().isMinor() ? 1 : 0)}, ticks(k.at())));
            }
            List<Integer> channels = channels(timeline);
            for (int p = 0; p < Math.max(1, timeline.parts().size()); p++) {
                Track track = sequence.createTrack();
                Timeline.PartInfo info = p < timeline.parts().size() ? timeline.parts().get(p) : null;
                int channel = channels.get(Math.min(p, channels.size() - 1));
                if (info != null && info.name() != null) {
                    track.add(meta(META_TRACK_NAME, info.name().getBytes(StandardCharsets.UTF_8), 0));
                }
                Instrument instrument = info == null ? Instrument.PIANO : info.instrument();
                if (instrument != null && channel != 9) {
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, instrument.midiProgram(), 0), 0));
                }
                for (TimedNote n : timeline.notesOfPart(p)) {
                    int key = Math.max(0, Math.min(127, n.midi()));
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, key, n.velocity()), ticks(n.onset())));
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, key, 0), ticks(n.offset())));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MidiSystem.write(sequence, 1, out);
            return out.toByteArray();
        } catch (InvalidMidiDataException e) {
            throw new IOException("cannot write MIDI: " + e.getMessage(), e);
        }
    }

    public static void write(Score score, Path target) throws ScoreFileException {
        try {
            AtomicFiles.write(target, toBytes(score));
        } catch (IOException e) {
            throw new ScoreFileException(target.toString(), null, null, "cannot write the MIDI file: " + MxlArchive.describe(e), e);
        }
    }

    /** The channel (0-based) of each part: its own if it has a free one, drums on 10, others take free channels. */
    private static List<Integer> channels(Timeline timeline) {
        List<Integer> out = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (Timeline.PartInfo info : timeline.parts()) {
            int wanted = info.instrument() == null ? -1 : info.instrument().midiChannel() - 1;
            if (info.instrument() != null && info.instrument().percussion()) {
                out.add(9);
                continue;
            }
            if (wanted < 0 || wanted == 9 || used.contains(wanted)) {
                wanted = -1;
                for (int c = 0; c < 16; c++) {
                    if (c != 9 && !used.contains(c)) {
                        wanted = c;
                        break;
                    }
                }
                if (wanted < 0) {
                    wanted = out.size() % 15;
                }
            }
            used.add(wanted);
            out.add(wanted);
        }
        if (out.isEmpty()) {
            out.add(0);
        }
        return out;
    }

    private static long ticks(Rational quarters) {
        return quarters.times(TICKS_PER_QUARTER).floor();
    }

    private static MidiEvent meta(int type, byte[] data, long tick) throws InvalidMidiDataException {
        return new MidiEvent(new MetaMessage(type, data, data.length), tick);
    }

}
