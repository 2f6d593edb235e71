package org.kantor.studio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequence;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.musicxml.MidiWriter;

/**
 * Plays a score aloud through the JDK's software synthesizer and the system's General MIDI SoundFont (or one the
 * musician chose), as {@link ScoreSound} renders it: muted parts silent, a selection of bars looped, a bar of clicks
 * before the music if asked, faster or slower, paused and resumed. The synthesizer stays open between plays, so
 * pressing Play again starts at once.
 */
final class LivePlayer implements AutoCloseable {

    /** Wood blocks on the General MIDI percussion channel: high on the downbeat, low on the other beats. */
    private static final int CLICK_DOWNBEAT = 76;
    private static final int CLICK_BEAT = 77;
    private static final int PERCUSSION_CHANNEL = 9;

    /**
     * What to play: the MIDI sequence, which of its tracks are muted, the tick to start at, the loop's ticks (or none),
     * and {@code scoreShift}: a tick of the sequence plus it is the same tick of the score (a count-in moves the music).
     */
    record Plan(Sequence sequence, boolean[] mutedTracks, long startTick, long loopStart, long loopEnd, long scoreShift) {
        boolean loops() {
            return loopEnd > loopStart;
        }
    }

    /** Opens the synthesizer that sounds: the sound card's, or (in the benchmark) one rendering to a stream. */
    interface SynthesizerOpener {
        Synthesizer open() throws MidiUnavailableException, IOException;
    }

    private final SynthesizerOpener opener;
    private Synthesizer synth;
    private String sounds;
    private Path soundFont;
    private Sequencer sequencer;
    private Plan playing;
    private boolean paused;

    /** A player on the machine's sound output. */
    LivePlayer() {
        this(() -> {
            Synthesizer s = MidiSystem.getSynthesizer();
            s.open();
            return s;
        });
    }

    LivePlayer(SynthesizerOpener opener) {
        this.opener = opener;
    }

    /**
     * The plan for a score, without touching any device.
     * @param muted part indices (from 0) to leave silent
     * @param loop bars to loop (indices from 0, first and last), or null to play from the start to the end
     * @param countIn whether one bar of the first meter's beats is clicked before the music
     */
    static Plan plan(Score score, Set<Integer> muted, int[] loop, boolean countIn) throws IOException {
        Sequence sequence = ScoreSound.sequence(ScoreToTimeline.convert(score));
        List<MeasureLayout.Slot> slots = MeasureLayout.of(score);
        boolean[] mutedTracks = new boolean[sequence.getTracks().length];
        for (int p : muted) {
            if (p + 1 < mutedTracks.length) {
                mutedTracks[p + 1] = true; // track 0 is the conductor
            }
        }
        long from = loop == null ? 0 : ticks(slots.get(loop[0]).start());
        long to = loop == null ? 0 : ticks(slots.get(loop[1]).end());
        if (!countIn || slots.isEmpty()) {
            return new Plan(sequence, mutedTracks, from, from, to, 0);
        }
        // the clicks of one bar in the meter where the music starts, then the music from there
        MeasureLayout.Slot first = slots.get(loop == null ? 0 : loop[0]);
        long bar = ticks(first.time().measureLength());
        Sequence counted = withCountIn(sequence, first.time().beats(), bar, from);
        boolean[] countedMuted = java.util.Arrays.copyOf(mutedTracks, counted.getTracks().length);
        return new Plan(counted, countedMuted, 0, bar, loop == null ? 0 : bar + to - from, from - bar);
    }

    /**
     * The music from tick {@code from} on, moved to start at {@code bar}, with a click on each beat before it (its own
     * last track). Notes before {@code from} are left out; tempo, meter and key set before it hold from the first click.
     */
    private static Sequence withCountIn(Sequence source, List<Rational> beats, long bar, long from) throws IOException {
        try {
            Sequence moved = new Sequence(source.getDivisionType(), source.getResolution());
            for (Track track : source.getTracks()) {
                Track to = moved.createTrack();
                for (int i = 0; i < track.size(); i++) {
                    MidiEvent e = track.get(i);
                    boolean meta = e.getMessage() instanceof MetaMessage;
                    if (meta && ((MetaMessage) e.getMessage()).getType() == 0x2F) {
                        continue; // a track keeps its own end
                    }
                    if (e.getTick() >= from) {
                        to.add(new MidiEvent(e.getMessage(), e.getTick() - from + bar));
                    } else if (meta || isProgramChange(e)) {
                        to.add(new MidiEvent(e.getMessage(), 0));
                    }
                }
            }
            Track clicks = moved.createTrack();
            long tick = 0;
            for (int b = 0; b < beats.size(); b++) {
                int key = b == 0 ? CLICK_DOWNBEAT : CLICK_BEAT;
                clicks.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, PERCUSSION_CHANNEL, key, b == 0 ? 110 : 85), tick));
                clicks.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, PERCUSSION_CHANNEL, key, 0), tick + 120));
                tick += ticks(beats.get(b));
            }
            return moved;
        } catch (InvalidMidiDataException e) {
            throw new IOException("cannot add a count-in: " + e.getMessage(), e);
        }
    }

    private static boolean isProgramChange(MidiEvent e) {
        return e.getMessage() instanceof ShortMessage m && (m.getCommand() == ShortMessage.PROGRAM_CHANGE || m.getCommand() == ShortMessage.CONTROL_CHANGE);
    }

    private static long ticks(Rational quarters) {
        return Math.round(quarters.toDouble() * MidiWriter.TICKS_PER_QUARTER);
    }

    /** The SoundFont (SF2 or DLS) to play with from now on; null: the system's General MIDI SoundFont. */
    synchronized void useSoundFont(Path file) {
        stop();
        soundFont = file;
        if (synth != null) {
            synth.close();
            synth = null;
        }
    }

    /** Which sounds play (a SoundFont's path, or the synthesizer's own bank with the reason); null before the first play. */
    String sounds() {
        return sounds;
    }

    /**
     * Opens the synthesizer and loads the SoundFont ahead of the first Play (a General MIDI SoundFont takes a second or
     * more to load); a machine without sound output is told at Play, not here.
     */
    synchronized void warmUp() {
        try {
            openSynthesizer();
        } catch (IOException | MidiUnavailableException | RuntimeException e) {
            // Play says why
        }
    }

    private void openSynthesizer() throws IOException, MidiUnavailableException {
        if (synth == null) {
            Synthesizer opened = opener.open();
            try {
                sounds = ScoreSound.loadSounds(opened, soundFont);
            } catch (IOException | RuntimeException e) {
                opened.close();
                throw e;
            }
            synth = opened;
        }
    }

    /** Starts playing (stopping what played before); says why when the machine has no sound output. */
    synchronized void play(Plan plan, double tempoFactor) throws IOException {
        stop();
        try {
            openSynthesizer();
            sequencer = MidiSystem.getSequencer(false);
            sequencer.open();
            sequencer.getTransmitter().setReceiver(synth.getReceiver());
            sequencer.setSequence(plan.sequence());
            for (int t = 0; t < plan.mutedTracks().length; t++) {
                sequencer.setTrackMute(t, plan.mutedTracks()[t]);
            }
            if (plan.loops()) {
                sequencer.setLoopStartPoint(plan.loopStart());
                sequencer.setLoopEndPoint(plan.loopEnd());
                sequencer.setLoopCount(Sequencer.LOOP_CONTINUOUSLY);
            }
            sequencer.setTickPosition(plan.startTick());
            sequencer.setTempoFactor((float) tempoFactor);
            sequencer.start();
            playing = plan;
        } catch (MidiUnavailableException | InvalidMidiDataException | IllegalArgumentException | SecurityException e) {
            stop();
            throw new IOException("cannot play here (no sound output?): " + e.getMessage(), e);
        }
    }

    /** Holds the music where it is; {@link #resume} goes on from there. */
    void pause() {
        if (sequencer != null && sequencer.isRunning()) {
            sequencer.stop();
            paused = true;
        }
    }

    void resume() {
        if (sequencer != null && paused) {
            paused = false;
            sequencer.start();
        }
    }

    boolean paused() {
        return paused;
    }

    boolean playing() {
        return sequencer != null && sequencer.isRunning();
    }

    /** Where the music is, in quarter notes from the score's start (before the first bar played during the count-in); NaN when nothing plays. */
    double position() {
        if (sequencer == null || playing == null) {
            return Double.NaN;
        }
        return (sequencer.getTickPosition() + playing.scoreShift()) / (double) MidiWriter.TICKS_PER_QUARTER;
    }

    /** Stops the music; the synthesizer stays open for the next play. */
    void stop() {
        paused = false;
        playing = null;
        if (sequencer != null) {
            sequencer.close();
            sequencer = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (synth != null) {
            synth.close();
            synth = null;
        }
    }
}
