package org.kantor.studio;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequence;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;
import org.kantor.core.Score;
import org.kantor.core.timeline.MeasureLayout;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.musicxml.MidiWriter;

/**
 * Plays a score aloud through the JDK's software synthesizer and the system's General MIDI SoundFont, as
 * {@link ScoreSound} renders it: muted parts silent, a selection of bars looped, faster or slower on request.
 */
final class LivePlayer implements AutoCloseable {

    /** What to play: the MIDI sequence, which of its tracks are muted, and the loop's ticks (or none). */
    record Plan(Sequence sequence, boolean[] mutedTracks, long loopStart, long loopEnd) {
        boolean loops() {
            return loopEnd > loopStart;
        }
    }

    private Synthesizer synth;
    private Sequencer sequencer;

    /**
     * The plan for a score, without touching any device.
     * @param muted part indices (from 0) to leave silent
     * @param loop bars to loop (indices from 0, first and last), or null to play from the start to the end
     */
    static Plan plan(Score score, Set<Integer> muted, int[] loop) throws IOException {
        Sequence sequence = ScoreSound.sequence(ScoreToTimeline.convert(score));
        boolean[] mutedTracks = new boolean[sequence.getTracks().length];
        for (int p : muted) {
            if (p + 1 < mutedTracks.length) {
                mutedTracks[p + 1] = true; // track 0 is the conductor
            }
        }
        long start = 0;
        long end = 0;
        if (loop != null) {
            List<MeasureLayout.Slot> slots = MeasureLayout.of(score);
            start = ticks(slots.get(loop[0]).start());
            end = ticks(slots.get(loop[1]).end());
        }
        return new Plan(sequence, mutedTracks, start, end);
    }

    private static long ticks(org.kantor.core.Rational quarters) {
        return Math.round(quarters.toDouble() * MidiWriter.TICKS_PER_QUARTER);
    }

    /** Starts playing (stopping what played before); says why when the machine has no sound output. */
    void play(Plan plan, double tempoFactor) throws IOException {
        stop();
        try {
            synth = MidiSystem.getSynthesizer();
            synth.open();
            var sf = SoundFonts.system();
            if (sf != null) {
                synth.unloadAllInstruments(synth.getDefaultSoundbank());
                synth.loadAllInstruments(MidiSystem.getSoundbank(sf.toFile()));
            }
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
                sequencer.setTickPosition(plan.loopStart());
            }
            sequencer.setTempoFactor((float) tempoFactor);
            sequencer.start();
        } catch (MidiUnavailableException | InvalidMidiDataException | IllegalArgumentException | SecurityException e) {
            stop();
            throw new IOException("cannot play here (no sound output?): " + e.getMessage(), e);
        }
    }

    boolean playing() {
        return sequencer != null && sequencer.isRunning();
    }

    void stop() {
        if (sequencer != null) {
            sequencer.close();
            sequencer = null;
        }
        if (synth != null) {
            synth.close();
            synth = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
