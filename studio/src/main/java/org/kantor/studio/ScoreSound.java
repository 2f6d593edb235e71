package org.kantor.studio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.kantor.core.Rational;
import org.kantor.core.Score;
import org.kantor.core.timeline.ScoreToTimeline;
import org.kantor.core.timeline.Timeline;
import org.kantor.musicxml.MidiWriter;

/**
 * A score as sound, through the JDK's own software synthesizer (Gervill) with a General MIDI SoundFont:
 * each part on its channel with its instrument, muted parts left out, rendered faster than real time to
 * a WAV file. What the studio plays and what {@code kantor play --wav} writes come from the same events.
 */
public final class ScoreSound {

    /** CD quality, stereo: what a musician's player expects. */
    static final AudioFormat FORMAT = new AudioFormat(44_100, 16, 2, true, false);
    /** The last notes ring on this long after the music ends. */
    static final double TAIL_SECONDS = 1.5;

    /** What was rendered: its length, and which sounds were used. */
    public record Rendered(double seconds, String sounds) {
    }

    private ScoreSound() {
    }

    /**
     * Renders {@code score} to a WAV file (written atomically).
     * @param muted part indices (from 0) left out
     * @param soundFont an SF2 or DLS file; null: the system's General MIDI SoundFont, or the synthesizer's own bank
     */
    public static Rendered toWav(Score score, Set<Integer> muted, Path soundFont, Path wav) throws IOException {
        Timeline timeline = ScoreToTimeline.convert(score);
        List<Timed> events = events(timeline, muted);
        double end = timeline.notes().stream().mapToDouble(n -> timeline.tempo().seconds(n.offset())).max().orElse(0);
        double seconds = end + TAIL_SECONDS;
        Synthesizer synth;
        try {
            synth = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new IOException("the Java software synthesizer is not available: " + e.getMessage(), e);
        }
        Path part = Files.createTempFile(wav.toAbsolutePath().getParent(), ".kantor-", ".wav.part");
        try (AudioInputStream stream = openStream(synth)) {
            String sounds = loadSounds(synth, soundFont);
            Receiver receiver = synth.getReceiver();
            for (Timed t : events) {
                receiver.send(t.message(), Math.round(t.seconds() * 1_000_000));
            }
            long frames = Math.round(seconds * FORMAT.getFrameRate());
            AudioSystem.write(new AudioInputStream(stream, FORMAT, frames), AudioFileFormat.Type.WAVE, part.toFile());
            Files.move(part, wav, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Rendered(seconds, sounds);
        } catch (MidiUnavailableException e) {
            throw new IOException("the synthesizer could not start: " + e.getMessage(), e);
        } finally {
            synth.close();
            Files.deleteIfExists(part);
        }
    }

    /** A MIDI message and when it sounds, in seconds from the start. */
    record Timed(MidiMessage message, double seconds) {
    }

    /** The score's MIDI events (as Kantor writes them to a file: one track per part), muted parts' tracks left out, in time order. */
    static List<Timed> events(Timeline timeline, Set<Integer> muted) throws IOException {
        Sequence sequence = sequence(timeline);
        List<Timed> events = new ArrayList<>();
        var tracks = sequence.getTracks();
        // track 0 is the conductor (tempo, meter, key); part p is track p + 1
        for (int t = 1; t < tracks.length; t++) {
            if (muted.contains(t - 1)) {
                continue;
            }
            for (int i = 0; i < tracks[t].size(); i++) {
                MidiEvent e = tracks[t].get(i);
                if (e.getMessage() instanceof ShortMessage) {
                    events.add(new Timed(e.getMessage(), timeline.tempo().seconds(Rational.of(e.getTick(), MidiWriter.TICKS_PER_QUARTER))));
                }
            }
        }
        events.sort(Comparator.comparingDouble(Timed::seconds));
        return events;
    }

    /** The score as Kantor writes it to a MIDI file: a conductor track, then one track per part. */
    static Sequence sequence(Timeline timeline) throws IOException {
        try {
            return MidiSystem.getSequence(new ByteArrayInputStream(MidiWriter.toBytes(timeline)));
        } catch (InvalidMidiDataException e) {
            throw new IOException("cannot turn the score into MIDI: " + e.getMessage(), e);
        }
    }

    /** Gervill's non-real-time output: its AudioSynthesizer interface lives in a JDK package the manifest exports to Kantor. */
    static AudioInputStream openStream(Synthesizer synth) throws IOException {
        try {
            Class<?> audioSynthesizer = Class.forName("com.sun.media.sound.AudioSynthesizer");
            return (AudioInputStream) audioSynthesizer.getMethod("openStream", AudioFormat.class, Map.class).invoke(synth, FORMAT, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("the Java software synthesizer cannot render to a file here (" + e + "); run Kantor with"
                    + " --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED", e);
        }
    }

    /** Loads the SoundFont asked for or found; says which sounds play. */
    static String loadSounds(Synthesizer synth, Path soundFont) throws IOException {
        Path chosen = soundFont != null ? soundFont : SoundFonts.system();
        if (chosen == null) {
            return "the synthesizer's own sounds (no General MIDI SoundFont found; install fluid-soundfont-gm or choose an SF2 file)";
        }
        try {
            Soundbank bank = MidiSystem.getSoundbank(chosen.toFile());
            if (synth.getDefaultSoundbank() != null) {
                synth.unloadAllInstruments(synth.getDefaultSoundbank());
            }
            if (!synth.loadAllInstruments(bank)) {
                throw new IOException(chosen + ": the synthesizer could not load its instruments");
            }
            return chosen.toString();
        } catch (InvalidMidiDataException e) {
            throw new IOException(chosen + ": not a SoundFont the synthesizer reads (SF2 or DLS; SF3 is not): " + e.getMessage(), e);
        }
    }
}
