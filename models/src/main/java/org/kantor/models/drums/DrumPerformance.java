package org.kantor.models.drums;

import java.io.IOException;
import java.io.InputStream;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * A drum performance from a MIDI file, on the 16th-note grid of the file's beats: every note-on of a
 * kit drum becomes a hit on its nearest step with its velocity and its distance from that step. The
 * Groove MIDI Dataset was recorded to a click, so the file's beats are the drummer's beats.
 *
 * @param tempo quarter notes per minute (the file's first tempo, 120 when it has none)
 * @param skipped note-ons of keys outside the kit
 */
public record DrumPerformance(DrumPattern pattern, double tempo, int skipped) {

    /** General MIDI's channel 10, counted from 0. */
    private static final int DRUM_CHANNEL = 9;

    /** Milliseconds per 16th-note step at this tempo. */
    public double millisecondsPerStep() {
        return 60_000.0 / tempo / 4;
    }

    public static DrumPerformance read(InputStream midi) throws IOException {
        return read(midi, false);
    }

    /** @param drumChannelOnly read only General MIDI's drum channel (10), as in a song with other instruments */
    public static DrumPerformance read(InputStream midi, boolean drumChannelOnly) throws IOException {
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(midi);
        } catch (InvalidMidiDataException e) {
            throw new IOException("not a MIDI file (" + e.getMessage() + ")", e);
        }
        if (sequence.getDivisionType() != Sequence.PPQ) {
            throw new IOException("the MIDI file counts time in SMPTE frames, not beats: its drums cannot be put on a grid");
        }
        double ticksPerStep = sequence.getResolution() / 4.0;
        double tempo = 0;
        long lastTick = 0;
        for (Track t : sequence.getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                MidiEvent e = t.get(i);
                if (e.getMessage() instanceof MetaMessage m && m.getType() == 0x51 && tempo == 0) {
                    byte[] d = m.getData();
                    int micros = ((d[0] & 0xff) << 16) | ((d[1] & 0xff) << 8) | (d[2] & 0xff);
                    tempo = micros > 0 ? 60_000_000.0 / micros : 0;
                }
                if (isNoteOn(e, drumChannelOnly)) {
                    lastTick = Math.max(lastTick, e.getTick());
                }
            }
        }
        int steps = (int) Math.round(lastTick / ticksPerStep) + 1;
        DrumPattern pattern = new DrumPattern(Math.max(steps, 1));
        int skipped = 0;
        for (Track t : sequence.getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                MidiEvent e = t.get(i);
                if (!isNoteOn(e, drumChannelOnly)) {
                    continue;
                }
                ShortMessage m = (ShortMessage) e.getMessage();
                DrumClass drum = DrumClass.of(m.getData1());
                if (drum == null) {
                    skipped++;
                    continue;
                }
                double position = e.getTick() / ticksPerStep;
                int step = (int) Math.round(position);
                pattern.strike(step, drum, m.getData2() / 127f, (float) (position - step));
            }
        }
        return new DrumPerformance(pattern, tempo > 0 ? tempo : 120, skipped);
    }

    private static boolean isNoteOn(MidiEvent e, boolean drumChannelOnly) {
        return e.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0
                && (!drumChannelOnly || m.getChannel() == DRUM_CHANNEL);
    }
}
