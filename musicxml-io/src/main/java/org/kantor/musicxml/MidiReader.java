package org.kantor.musicxml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.kantor.core.Instrument;
import org.kantor.core.KeySignature;
import org.kantor.core.Mode;
import org.kantor.core.Rational;
import org.kantor.core.TimeSignature;
import org.kantor.core.timeline.TempoMap;
import org.kantor.core.timeline.TimedNote;
import org.kantor.core.timeline.Timeline;

/**
 * Reads a Standard MIDI File into a {@link Timeline}: one part per track and channel that plays
 * notes, with its track name and program; tempo, meter and key from the meta events. Times stay
 * exact in ticks; turning them into notation (quantizing) is {@code TimelineToScore}'s job.
 */
public final class MidiReader {

    private static final int PERCUSSION_CHANNEL = 9;

    private MidiReader() {
    }

    public static Timeline read(byte[] bytes, String name) throws ScoreFileException {
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new ScoreFileException(name, null, null, "not a readable Standard MIDI File: " + MxlArchive.describe(e), e);
        }
        Clock clock = new Clock(sequence);
        List<TempoMap.Change> tempos = new ArrayList<>();
        List<Timeline.MeterChange> meters = new ArrayList<>();
        List<Timeline.KeyChange> keys = new ArrayList<>();
        Map<String, PartBuilder> parts = new LinkedHashMap<>();
        for (int t = 0; t < sequence.getTracks().length; t++) {
            Track track = sequence.getTracks()[t];
            String trackName = null;
            Map<Integer, Integer> programs = new HashMap<>();
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                MidiMessage message = event.getMessage();
                Rational at = clock.quarters(event.getTick());
                if (message instanceof MetaMessage meta) {
                    byte[] d = meta.getData();
                    switch (meta.getType()) {
                        case 0x51 -> {
                            if (d.length >= 3) {
                                int micros = ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
                                if (micros > 0) {
                                    tempos.add(new TempoMap.Change(at, Math.round(60_000_000.0 / micros * 100) / 100.0));
                                }
                            }
                        }
                        case 0x58 -> {
                            if (d.length >= 2 && d[0] > 0 && d[1] >= 0 && d[1] <= 6) {
                                meters.add(new Timeline.MeterChange(at, TimeSignature.of(d[0], 1 << d[1])));
                            }
                        }
                        case 0x59 -> {
                            if (d.length >= 2 && d[0] >= -7 && d[0] <= 7) {
                                keys.add(new Timeline.KeyChange(at, new KeySignature(d[0], d[1] == 1 ? Mode.MINOR : Mode.MAJOR)));
                            }
                        }
                        case 0x03 -> trackName = new String(d, StandardCharsets.UTF_8).trim();
                        default -> {
                        }
                    }
                } else if (message instanceof ShortMessage sm) {
                    int channel = sm.getChannel();
                    int command = sm.getCommand();
                    if (command == ShortMessage.PROGRAM_CHANGE) {
                        programs.put(channel, sm.getData1());
                    } else if (command == ShortMessage.NOTE_ON || command == ShortMessage.NOTE_OFF) {
                        PartBuilder part = parts.computeIfAbsent(t + ":" + channel, k -> new PartBuilder(channel));
                        boolean on = command == ShortMessage.NOTE_ON && sm.getData2() > 0;
                        part.event(sm.getData1(), sm.getData2(), on, at);
                    }
                }
            }
            for (var e : parts.entrySet()) {
                if (e.getKey().startsWith(t + ":")) {
                    PartBuilder p = e.getValue();
                    if (p.name == null) {
                        p.name = trackName;
                    }
                    p.program = programs.getOrDefault(p.channel, p.program);
                }
            }
        }
        List<TimedNote> notes = new ArrayList<>();
        List<Timeline.PartInfo> infos = new ArrayList<>();
        for (PartBuilder p : parts.values()) {
            if (p.notes.isEmpty()) {
                continue;
            }
            int index = infos.size();
            for (TimedNote n : p.notes) {
                notes.add(new TimedNote(n.midi(), n.onset(), n.offset(), n.velocity(), index, null, 0, null));
            }
            infos.add(p.info(index));
        }
        return new Timeline(notes, new TempoMap(tempos), meters, keys, infos, Rational.ZERO);
    }

    /** Ticks to quarter notes; SMPTE-timed files are read as if at 120 quarter notes per minute. */
    private static final class Clock {
        private final long ticksPerQuarter;

        Clock(Sequence s) {
            if (s.getDivisionType() == Sequence.PPQ) {
                ticksPerQuarter = Math.max(1, s.getResolution());
            } else {
                // ticks per second = frames per second * ticks per frame; at 120 bpm a quarter lasts half a second
                ticksPerQuarter = Math.max(1, Math.round(s.getDivisionType() * s.getResolution() / 2.0));
            }
        }

        Rational quarters(long tick) {
            return Rational.of(tick, ticksPerQuarter);
        }
    }

    /** Notes of one track and channel, pairing note-ons with note-offs. */
    private static final class PartBuilder {
        final int channel;
        int program;
        String name;
        final List<TimedNote> notes = new ArrayList<>();
        final Map<Integer, List<Object[]>> sounding = new HashMap<>();

        PartBuilder(int channel) {
            this.channel = channel;
        }

        void event(int key, int velocity, boolean on, Rational at) {
            List<Object[]> open = sounding.computeIfAbsent(key, k -> new ArrayList<>());
            if (on) {
                open.add(new Object[] {at, velocity});
            } else if (!open.isEmpty()) {
                Object[] start = open.remove(0);
                Rational onset = (Rational) start[0];
                if (at.greaterThan(onset)) {
                    notes.add(new TimedNote(key, onset, at, (Integer) start[1], 0, null, 0, null));
                }
            }
        }

        Timeline.PartInfo info(int index) {
            boolean drums = channel == PERCUSSION_CHANNEL;
            String partName = name != null && !name.isBlank() ? name : drums ? "Drums" : "Part " + (index + 1);
            int low = notes.stream().mapToInt(TimedNote::midi).min().orElse(60);
            int high = notes.stream().mapToInt(TimedNote::midi).max().orElse(60);
            // a part that spans both clefs widely is written on a grand staff
            int staves = !drums && low < 53 && high > 67 ? 2 : 1;
            return new Timeline.PartInfo(partName, staves, new Instrument(partName, program, channel + 1, drums));
        }
    }
}
